import { INCOME_PARTS, fenToYuan, incomeTargetBodySchema, isRegionPrefix, parseYuan, targetYearSchema, type IncomePart } from '@zengshou/core';
import { placeIssues, type FieldError, type ValidationIssue } from '../ui';
import type { IncomeTargetView, TargetRequestBody } from './types';

/**
 * The target form as typed: yuan and percentages as text, converted only on submit — yuan through core's exact
 * parser (never floating point), percentages to fractions. A part may be given as an amount or as a share.
 */
export interface TargetFormValues {
  regionCode: string;
  year: number | null;
  base: boolean;
  perCapitaYuan: string;
  parts: Record<IncomePart, { yuan?: string; sharePct?: string }>;
  growthPct: string;
  source: string;
  note: string;
}

/** Yuan for a form field: '16339.46', '13847' rather than '13847.00'. */
export function yuanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return fenToYuan(fen).replace(/\.00$/, '');
}

/** A fraction as a percentage for a form field, to the 0.01 % the plans print: 0.0658 → '6.58'. */
export function percentText(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined) return '';
  return String(Math.round(fraction * 1_000_000) / 10_000);
}

/** A share or a rate for the table: 0.3542 → '35.42%'; null → '—'. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(2)}%`;
}

/** Years offered by the year selector: the seed plans' base year 2021 up to three years ahead, newest first. */
export function yearOptions(currentYear: number): number[] {
  const out: number[] = [];
  for (let y = currentYear + 3; y >= 2021; y--) out.push(y);
  return out;
}

const emptyParts = () => Object.fromEntries(INCOME_PARTS.map((p) => [p, { yuan: '', sharePct: '' }])) as TargetFormValues['parts'];

/** The form opened on a target (amounts only: the shares shown next to them are derived), or a blank one. */
export function targetFormValuesOf(target: IncomeTargetView | null, defaults: { regionCode: string; year: number }): TargetFormValues {
  if (!target) {
    return { regionCode: defaults.regionCode, year: defaults.year, base: false, perCapitaYuan: '', parts: emptyParts(), growthPct: '', source: '', note: '' };
  }
  const parts = emptyParts();
  for (const p of INCOME_PARTS) parts[p] = { yuan: yuanText(target.partsFen[p]), sharePct: '' };
  return {
    regionCode: target.regionCode,
    year: target.year,
    base: target.base,
    perCapitaYuan: yuanText(target.perCapitaNetFen),
    parts,
    growthPct: percentText(target.growthRate),
    source: target.source ?? '',
    note: target.note ?? '',
  };
}

const blank = (v: string | undefined | null) => v === undefined || v === null || v.trim() === '';

/** '35.42', '35.42%', '３５.４２％' → 0.3542; blank → null. */
export function parsePercent(text: string | undefined): { ok: true; value: number | null } | { ok: false; message: string } {
  if (blank(text)) return { ok: true, value: null };
  const s = text!.replace(/[\uFF10-\uFF19\uFF0E\uFF05\uFF0D]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).trim().replace(/%$/, '').trim();
  if (!/^[+-]?\d+(\.\d+)?$/.test(s)) return { ok: false, message: '请填写百分数，如 18 或 18.5' };
  return { ok: true, value: Number((Number(s) / 100).toPrecision(12)) };
}

/** Where a body path (form parser, core schema or server) shows up in the form; null: above the form. */
export function targetFieldOf(path: readonly (string | number)[]): (string | number)[] | null {
  const [head, second] = path;
  switch (head) {
    case 'regionCode':
    case 'year':
    case 'source':
    case 'note':
      return [head];
    case 'perCapitaNetFen':
      return ['perCapitaYuan'];
    case 'growthRate':
      return ['growthPct'];
    // Parts not adding up to the total blame no one part: the message goes under the per-capita figure.
    case 'partsFen':
      return typeof second === 'string' ? ['parts', second, 'yuan'] : ['perCapitaYuan'];
    case 'partShares':
      return typeof second === 'string' ? ['parts', second, 'sharePct'] : ['perCapitaYuan'];
    default:
      return null;
  }
}

const collect = (issues: readonly ValidationIssue[]) => placeIssues(issues, targetFieldOf);

export type TargetBodyOutcome =
  | { ok: true; region: string; year: number; body: TargetRequestBody }
  | { ok: false; fieldErrors: FieldError[]; formErrors: string[] };

/** The PUT address and body from the form, checked by core's own schema so the form shows the server's messages. */
export function targetRequestBody(values: TargetFormValues, version: number): TargetBodyOutcome {
  const issues: ValidationIssue[] = [];
  const region = (values.regionCode ?? '').trim();
  if (!isRegionPrefix(region)) issues.push({ path: ['regionCode'], message: '请选择地区' });
  const year = targetYearSchema.safeParse(values.year);
  if (!year.success) issues.push({ path: ['year'], message: year.error.issues[0]?.message ?? '请填写年度' });
  const fen = (raw: string | undefined, path: (string | number)[], required: string | null): number | null => {
    if (blank(raw)) {
      if (required) issues.push({ path, message: required });
      return null;
    }
    const parsed = parseYuan(raw);
    if (!parsed.ok) {
      issues.push({ path, message: parsed.message });
      return null;
    }
    return parsed.fen;
  };
  const pct = (raw: string | undefined, path: (string | number)[]): number | null => {
    const parsed = parsePercent(raw);
    if (!parsed.ok) {
      issues.push({ path, message: parsed.message });
      return null;
    }
    return parsed.value;
  };
  const perCapita = fen(values.perCapitaYuan, ['perCapitaNetFen'], '请填写人均纯收入');
  const partsFen = Object.fromEntries(INCOME_PARTS.map((p) => [p, fen(values.parts?.[p]?.yuan, ['partsFen', p], null)]));
  const partShares = Object.fromEntries(INCOME_PARTS.map((p) => [p, pct(values.parts?.[p]?.sharePct, ['partShares', p])]));
  const growthRate = pct(values.growthPct, ['growthRate']);
  if (issues.length > 0) return { ok: false, ...collect(issues) };

  const body: TargetRequestBody = {
    version,
    base: values.base,
    perCapitaNetFen: perCapita!,
    partsFen: partsFen as TargetRequestBody['partsFen'],
    partShares: partShares as TargetRequestBody['partShares'],
    growthRate,
    source: values.source?.trim() || null,
    note: values.note?.trim() || null,
  };
  const parsed = incomeTargetBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, ...collect(parsed.error.issues) };
  return { ok: true, region, year: year.data!, body };
}

/** A 400 from the server: its `details` paths ('/partsFen/wage') put under the form's fields. */
export function targetErrorsFromServerDetails(details: unknown): { fieldErrors: FieldError[]; formErrors: string[] } {
  if (!Array.isArray(details)) return { fieldErrors: [], formErrors: [] };
  const issues: ValidationIssue[] = [];
  for (const item of details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    issues.push({ path: path.split('/').filter(Boolean), message });
  }
  return collect(issues);
}
