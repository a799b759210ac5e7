import {
  assessmentRulesSchema, formatPoints, type AssessmentMethod, type AssessmentRule, type AssessmentRules,
} from '@zengshou/core';
import type { DispatchFigure, ReportKind, ReportParams } from './types';

export const REPORTS_PATH = '/reports';

const MONTH = /^20\d{2}-(0[1-9]|1[0-2])$/;
const DATE = /^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const REGION = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

/**
 * The periods a report opens on: this month so far, today's half month, and the last completed quarter — the
 * quarterly dispatch meeting assesses the quarter just ended (seed 002), whose income has been collected.
 */
export function defaultReportParams(today: string, region: string): ReportParams {
  const year = Number(today.slice(0, 4));
  const quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
  const last = quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
  return { region, month: today.slice(0, 7), date: today, ...last };
}

/** Reads the report's region and period from a URL, keeping the fallback for anything missing or malformed. */
export function parseReportParams(search: URLSearchParams, fallback: ReportParams): ReportParams {
  const region = search.get('region') ?? '';
  const month = search.get('month') ?? '';
  const date = search.get('date') ?? '';
  const year = Number(search.get('year'));
  const quarter = Number(search.get('quarter'));
  return {
    region: REGION.test(region) ? region : fallback.region,
    month: MONTH.test(month) ? month : fallback.month,
    date: DATE.test(date) ? date : fallback.date,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : fallback.year,
    quarter: Number.isInteger(quarter) && quarter >= 1 && quarter <= 4 ? quarter : fallback.quarter,
  };
}

/** Only the parameters the report reads, in a stable order. */
export function reportQuery(kind: ReportKind, p: ReportParams): URLSearchParams {
  switch (kind) {
    case 'dispatch':
      return new URLSearchParams({ region: p.region, month: p.month });
    case 'township-review':
      return new URLSearchParams({ region: p.region, date: p.date });
    case 'assessment':
      return new URLSearchParams({ region: p.region, year: String(p.year), quarter: String(p.quarter) });
  }
}

export function printPath(kind: ReportKind, p: ReportParams): string {
  return `${REPORTS_PATH}/print/${kind}?${reportQuery(kind, p).toString()}`;
}

export function xlsxUrl(kind: ReportKind, p: ReportParams): string {
  return `/api/reports/${kind}.xlsx?${reportQuery(kind, p).toString()}`;
}

export function isReportKind(value: string | undefined): value is ReportKind {
  return value === 'dispatch' || value === 'township-review' || value === 'assessment';
}

/** Figures grouped under their section headings, in the order the server gave them. */
export function groupFigures(figures: readonly DispatchFigure[]): { section: string; items: DispatchFigure[] }[] {
  const groups: { section: string; items: DispatchFigure[] }[] = [];
  for (const f of figures) {
    const last = groups.at(-1);
    if (last && last.section === f.section) last.items.push(f);
    else groups.push({ section: f.section, items: [f] });
  }
  return groups;
}

/** "+1", "-1.25", "0": a score sheet shows the sign of each item. */
export function signedPoints(points: number): string {
  if (points === 0) return '0';
  return points > 0 ? `+${formatPoints(points)}` : formatPoints(points);
}

/** A new rule of a method, with the values a leading group most often starts from. */
export function newRule(method: AssessmentMethod): AssessmentRule {
  switch (method) {
    case 'per_point_vs_reference':
      return { method, indicator: 'business_fell_share', worseWhen: 'above', reference: 'parent', pointsPerPoint: 0.5, counting: 'exact', maxDeduction: null };
    case 'threshold':
      return { method, indicator: 'target_reached', threshold: 1, bonus: 0, penalty: 1 };
    case 'per_item':
      return { method, indicator: 'cases_overdue', pointsPerItem: 0.1, maxDeduction: null };
  }
}

/** The core schema's Chinese messages, numbered by rule, before anything is sent. */
export function rulesProblems(rules: AssessmentRules): string[] {
  const parsed = assessmentRulesSchema.safeParse(rules);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => (i.path[0] === 'rules' && typeof i.path[1] === 'number' && !i.message.startsWith('第') ? `第 ${i.path[1] + 1} 条规则：${i.message}` : i.message));
}
