import {
  MAX_RISK_TYPES,
  parseYuan,
  type CaseConfig,
  type CaseMeasure,
  type DisasterSubtype,
  type EliminationWay,
  type MeasureCategory,
  type MeasureStatus,
  type MonitoringCategory,
  type RiskType,
} from '@zengshou/core';
import type { CaseProposal, CaseStepEvent, CaseStepType } from './types';

/**
 * The step dialog's values: one flat shape for every step (each step's form shows only its own fields).
 * Dates are 'YYYY-MM-DD' text, amounts yuan as typed; `buildStepEvent` turns them into the event body.
 */
export interface StepFormValues {
  commitmentSigned?: boolean;
  authorisationSigned?: boolean;
  finding?: 'include' | 'not_include';
  note?: string;
  /** Village proposal (home check) or county decision (approval). */
  category?: MonitoringCategory;
  riskTypes?: RiskType[];
  disasterSubtype?: DisasterSubtype;
  startDate?: string;
  endDate?: string;
  objections?: number;
  decision?: 'pass' | 'return' | 'approve' | 'reject';
  measureId?: string;
  measureCategory?: MeasureCategory;
  owner?: string;
  plannedDate?: string;
  amountYuan?: string;
  measureStatus?: MeasureStatus;
  actualDate?: string;
  way?: EliminationWay;
  reason?: string;
}

export interface StepContext {
  /** Today on the China calendar ('YYYY-MM-DD'), as the server counts notice days. */
  today: string;
  config: Pick<CaseConfig, 'noticeDays'>;
  proposal: CaseProposal | null;
  /** The signed-in cadre, the default owner (监测联系人) of a new measure. */
  userName: string;
  measures: readonly CaseMeasure[];
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function dateMs(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms : null;
}

export function addDays(date: string, days: number): string {
  const ms = dateMs(date);
  if (ms === null) return date;
  return new Date(ms + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days of a notice counted inclusively, as written on the wall (1 to 5 March = 5 days); null if not dates. */
export function noticeLength(startDate: string | undefined, endDate: string | undefined): number | null {
  const a = startDate ? dateMs(startDate) : null;
  const b = endDate ? dateMs(endDate) : null;
  return a === null || b === null ? null : Math.round((b - a) / DAY_MS) + 1;
}

/** A notice starting today and lasting exactly the configured minimum: today … today + noticeDays − 1. */
export function defaultNoticePeriod(today: string, noticeDays: number): { startDate: string; endDate: string } {
  return { startDate: today, endDate: addDays(today, Math.max(1, noticeDays) - 1) };
}

/** Measures that may still move on (a finished measure is never reopened). */
export function openMeasures(measures: readonly CaseMeasure[]): CaseMeasure[] {
  return measures.filter((m) => m.status !== 'done');
}

const NEXT_MEASURE_STATUS: Record<MeasureStatus, MeasureStatus> = { planned: 'in_progress', in_progress: 'done', done: 'done' };

/** Values one measure's update starts from: its next status, and today as the completion date. */
export function measureUpdateDefaults(measure: CaseMeasure | undefined, today: string): StepFormValues {
  if (!measure) return { actualDate: today };
  return { measureId: measure.measureId, measureStatus: NEXT_MEASURE_STATUS[measure.status], actualDate: today };
}

/** Sensible starting values of each step's form. */
export function stepDefaults(type: CaseStepType, ctx: StepContext): StepFormValues {
  switch (type) {
    case 'home_checked':
      return { commitmentSigned: false, authorisationSigned: false, finding: 'include', note: '', riskTypes: [] };
    case 'notice_started':
    case 'elimination_notice_started':
      return defaultNoticePeriod(ctx.today, ctx.config.noticeDays);
    case 'notice_finished':
    case 'elimination_notice_finished':
      return { objections: 0 };
    case 'township_reviewed':
    case 'elimination_township_reviewed':
      return { decision: 'pass', note: '' };
    case 'county_approved': {
      // Pre-filled from the village's proposal: most approvals confirm it as it is.
      const p = ctx.proposal;
      return {
        decision: 'approve',
        category: p?.category ?? undefined,
        riskTypes: [...(p?.riskTypes ?? [])].slice(0, MAX_RISK_TYPES),
        disasterSubtype: p?.disasterSubtype ?? undefined,
        note: '',
      };
    }
    case 'measure_added':
      return { owner: ctx.userName, plannedDate: addDays(ctx.today, 30) };
    case 'measure_updated':
      return measureUpdateDefaults(openMeasures(ctx.measures)[0], ctx.today);
    case 'elimination_proposed':
      return { way: 'through_help' };
    case 'elimination_county_approved':
      return { decision: 'approve', note: '' };
    case 'elimination_rolled_back':
      return { reason: '' };
  }
}

export interface FieldProblem {
  field: keyof StepFormValues;
  message: string;
}

export type BuiltStep = { ok: true; event: CaseStepEvent } | { ok: false; problems: FieldProblem[] };

const text = (value: string | undefined) => (value ?? '').trim();

/**
 * Risk types and the disaster sub-type as the server expects them: at most five, no repeats, and a sub-type only
 * with 因自然灾害 (a sub-type left in the form after unticking the risk is dropped, not sent).
 */
export function riskChoice(riskTypes: readonly RiskType[] | undefined, disasterSubtype: DisasterSubtype | undefined) {
  const risks = [...new Set(riskTypes ?? [])];
  const problems: FieldProblem[] = [];
  if (risks.length > MAX_RISK_TYPES) problems.push({ field: 'riskTypes', message: `风险类型最多选择 ${MAX_RISK_TYPES} 项` });
  const disaster = risks.includes('natural_disaster');
  return { risks, subtype: disaster ? disasterSubtype : undefined, problems, needsSubtype: disaster && !disasterSubtype };
}

/** The form's values as the event body of `type`; problems the server would refuse anyway are caught here. */
const fail = (...problems: FieldProblem[]): BuiltStep => ({ ok: false, problems });

export function buildStepEvent(type: CaseStepType, v: StepFormValues, newMeasureId: string): BuiltStep {
  switch (type) {
    case 'home_checked': {
      const include = v.finding !== 'not_include';
      const { risks, subtype, problems } = riskChoice(include ? v.riskTypes : [], v.disasterSubtype);
      if (problems.length) return fail(...problems);
      return {
        ok: true,
        event: {
          type,
          commitmentSigned: v.commitmentSigned === true,
          authorisationSigned: v.authorisationSigned === true,
          finding: include ? 'include' : 'not_include',
          note: text(v.note),
          ...(include && v.category ? { proposedCategory: v.category } : {}),
          ...(risks.length ? { proposedRiskTypes: risks } : {}),
          ...(subtype ? { proposedDisasterSubtype: subtype } : {}),
        },
      };
    }
    case 'notice_started':
    case 'elimination_notice_started':
      if (!v.startDate || !v.endDate) return fail({ field: v.startDate ? 'endDate' : 'startDate', message: '请选择公示起止日期' });
      return { ok: true, event: { type, startDate: v.startDate, endDate: v.endDate } };
    case 'notice_finished':
    case 'elimination_notice_finished':
      return { ok: true, event: { type, objections: Math.max(0, Math.trunc(v.objections ?? 0)) } };
    case 'township_reviewed':
    case 'elimination_township_reviewed': {
      const decision = v.decision === 'return' ? 'return' : 'pass';
      if (decision === 'return' && !text(v.note)) return fail({ field: 'note', message: '退回时须填写退回理由' });
      return { ok: true, event: { type, decision, note: text(v.note) } };
    }
    case 'county_approved': {
      if (v.decision === 'reject') return { ok: true, event: { type, decision: 'reject', ...(text(v.note) ? { note: text(v.note) } : {}) } };
      const { risks, subtype, problems, needsSubtype } = riskChoice(v.riskTypes, v.disasterSubtype);
      if (!v.category) problems.push({ field: 'category', message: '请选择监测对象类别' });
      if (risks.length === 0) problems.push({ field: 'riskTypes', message: '请选择至少一项风险类型' });
      if (needsSubtype) problems.push({ field: 'disasterSubtype', message: '“因自然灾害”风险须注明灾害类型' });
      if (problems.length) return fail(...problems);
      return {
        ok: true,
        event: {
          type,
          decision: 'approve',
          category: v.category,
          riskTypes: risks,
          ...(subtype ? { disasterSubtype: subtype } : {}),
          ...(text(v.note) ? { note: text(v.note) } : {}),
        },
      };
    }
    case 'measure_added': {
      const problems: FieldProblem[] = [];
      if (!v.measureCategory) problems.push({ field: 'measureCategory', message: '请选择帮扶措施类别' });
      if (!text(v.owner)) problems.push({ field: 'owner', message: '请填写措施责任人或责任单位' });
      if (!v.plannedDate) problems.push({ field: 'plannedDate', message: '请选择计划完成日期' });
      let amountFen: number | undefined;
      if (text(v.amountYuan)) {
        const parsed = parseYuan(text(v.amountYuan));
        if (!parsed.ok) problems.push({ field: 'amountYuan', message: parsed.message });
        else if (parsed.fen < 0) problems.push({ field: 'amountYuan', message: '帮扶金额不能为负数' });
        else amountFen = parsed.fen;
      }
      if (problems.length || !v.measureCategory || !v.plannedDate) return fail(...problems);
      return {
        ok: true,
        event: {
          type,
          measureId: newMeasureId,
          category: v.measureCategory,
          owner: text(v.owner),
          plannedDate: v.plannedDate,
          ...(amountFen !== undefined ? { amountFen } : {}),
        },
      };
    }
    case 'measure_updated': {
      if (!v.measureId) return fail({ field: 'measureId', message: '请选择要更新的措施' });
      const status = v.measureStatus ?? 'in_progress';
      if (status === 'done' && !v.actualDate) return fail({ field: 'actualDate', message: '措施完成须填写实际完成日期' });
      return {
        ok: true,
        event: { type, measureId: v.measureId, status, ...(status === 'done' && v.actualDate ? { actualDate: v.actualDate } : {}) },
      };
    }
    case 'elimination_proposed':
      return { ok: true, event: { type, way: v.way === 'natural' ? 'natural' : 'through_help' } };
    case 'elimination_county_approved': {
      const decision = v.decision === 'reject' ? 'reject' : 'approve';
      return { ok: true, event: { type, decision, ...(text(v.note) ? { note: text(v.note) } : {}) } };
    }
    case 'elimination_rolled_back':
      if (!text(v.reason)) return fail({ field: 'reason', message: '回退风险消除须填写理由' });
      return { ok: true, event: { type, reason: text(v.reason) } };
  }
}
