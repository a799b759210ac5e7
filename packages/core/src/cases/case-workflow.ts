import { z } from 'zod';
import { ROLE_LABELS, ROLES, type Role } from '../access/roles.ts';
import type { Fen } from '../money.ts';
import { MONITORING_CATEGORY, type MonitoringCategory } from '../registry/registry-enums.ts';

/**
 * The monitoring case (监测帮扶案件, domain.md §5–§7) as an event-sourced state machine: events are stored
 * append-only and the current state is only ever `replay(events)`, so the history the county audits and the
 * state the queues show can never disagree. `decide` is the single gate every step passes before its event is
 * stored; it answers in Chinese because its refusal is shown to the cadre as is. Thresholds come from a
 * per-region config (the seeds give practice values, not national rules).
 */

// ---------------------------------------------------------------------------------------------------------
// Codes and labels

export const CASE_STATES = [
  'lead',
  'home_check',
  'in_notice',
  'township_review',
  'county_approval',
  'monitored',
  'elimination_proposed',
  'elimination_in_notice',
  'elimination_township_review',
  'elimination_county_approval',
  'eliminated',
  'closed_not_included',
] as const;
export type CaseStatus = (typeof CASE_STATES)[number];

export const CASE_STATE_LABELS: Record<CaseStatus, string> = {
  lead: '线索',
  home_check: '入户核实中',
  in_notice: '村级评议公示中',
  township_review: '乡镇审核',
  county_approval: '县级审定',
  monitored: '监测对象（帮扶中）',
  elimination_proposed: '风险消除申请',
  elimination_in_notice: '风险消除公示中',
  elimination_township_review: '风险消除乡镇审核',
  elimination_county_approval: '风险消除县级审定',
  eliminated: '已消除风险',
  closed_not_included: '核实后不纳入',
};

/** Steps of identification before the county decides; the disaster exception (先帮扶后认定) applies here. */
export const IDENTIFICATION_STATES: readonly CaseStatus[] = ['lead', 'home_check', 'in_notice', 'township_review', 'county_approval'];

export const LEAD_SOURCES = ['warning', 'cadre', 'declaration', 'department'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];
export const LEAD_SOURCE_LABELS: Record<LeadSource, string> = {
  warning: '系统预警',
  cadre: '干部排查',
  declaration: '农户自主申报',
  department: '部门筛查预警',
};

export const RISK_TYPES = [
  'illness',
  'disability',
  'schooling',
  'natural_disaster',
  'accident',
  'business_failure',
  'unstable_employment',
  'lack_of_labour',
  'other',
] as const;
export type RiskType = (typeof RISK_TYPES)[number];
export const RISK_TYPE_LABELS: Record<RiskType, string> = {
  illness: '因病',
  disability: '因残',
  schooling: '因学',
  natural_disaster: '因自然灾害',
  accident: '因意外事故',
  business_failure: '因产业项目失败',
  unstable_employment: '因务工就业不稳',
  lack_of_labour: '缺劳动力',
  other: '其他',
};
/** The national record holds at most five risk types per household (domain.md §5). */
export const MAX_RISK_TYPES = 5;

export const DISASTER_SUBTYPES = ['flood', 'geological', 'drought', 'biological', 'weather', 'earthquake', 'other'] as const;
export type DisasterSubtype = (typeof DISASTER_SUBTYPES)[number];
export const DISASTER_SUBTYPE_LABELS: Record<DisasterSubtype, string> = {
  flood: '洪涝灾害',
  geological: '地质灾害',
  drought: '干旱灾害',
  biological: '生物灾害',
  weather: '气象灾害',
  earthquake: '地震灾害',
  other: '其他自然灾害',
};

/** The 14 national measure categories (domain.md §6). */
export const MEASURE_CATEGORIES = [
  'industry',
  'employment',
  'finance',
  'public_welfare_job',
  'health',
  'compulsory_education',
  'education',
  'social_assistance',
  'housing',
  'water',
  'social_help',
  'relocation',
  'living_conditions',
  'infrastructure',
] as const;
export type MeasureCategory = (typeof MEASURE_CATEGORIES)[number];
export const MEASURE_CATEGORY_LABELS: Record<MeasureCategory, string> = {
  industry: '产业帮扶',
  employment: '就业帮扶',
  finance: '金融帮扶',
  public_welfare_job: '公益岗位帮扶',
  health: '健康帮扶',
  compulsory_education: '义务教育保障',
  education: '教育帮扶',
  social_assistance: '综合保障',
  housing: '住房安全保障',
  water: '饮水安全保障',
  social_help: '社会帮扶',
  relocation: '搬迁',
  living_conditions: '生产生活条件改善',
  infrastructure: '基础设施建设',
};

export const MEASURE_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = { planned: '计划中', in_progress: '实施中', done: '已完成' };

export const ELIMINATION_WAYS = ['through_help', 'natural'] as const;
export type EliminationWay = (typeof ELIMINATION_WAYS)[number];
export const ELIMINATION_WAY_LABELS: Record<EliminationWay, string> = { through_help: '帮扶消除', natural: '自然消除' };

/**
 * Risk ↔ measure consistency (缺什么补什么, domain.md §6): a risk listed here is only answered by one of these
 * measure categories. Risks not listed have no national rule, so any measure counts for them.
 */
export const RISK_MEASURE_REQUIREMENTS: Partial<Record<RiskType, readonly MeasureCategory[]>> = {
  illness: ['health', 'social_help', 'social_assistance'],
  schooling: ['compulsory_education', 'education'],
};

// ---------------------------------------------------------------------------------------------------------
// Events

export interface CaseActor {
  userId: string;
  roles: Role[];
  /**
   * The platform itself, recording a lead that reached it without a cadre: a household's own declaration (自主申报)
   * or a department's matched list (部门筛查). It may open such a lead and do nothing else.
   */
  system?: boolean;
}

/** Channels whose leads the platform records on its own (the cadres take over from the home check). */
export const SYSTEM_LEAD_SOURCES: readonly LeadSource[] = ['declaration', 'department'];

interface EventBase {
  /** ISO 8601 instant. Days are counted on the China calendar (UTC+8), as the notice on the wall is. */
  at: string;
  actor: CaseActor;
}

export type CaseEvent = EventBase &
  (
    | {
        type: 'lead_opened';
        source: LeadSource;
        householdId: string;
        warningId?: string;
        /** The household was hit by a natural disaster: help may start before identification (先帮扶后认定). */
        disaster?: boolean;
        note?: string;
      }
    | {
        type: 'home_checked';
        commitmentSigned: boolean;
        authorisationSigned: boolean;
        finding: 'include' | 'not_include';
        note: string;
        /** The village's proposal, which the county confirms or changes at approval (and bulk approval uses). */
        proposedCategory?: MonitoringCategory;
        proposedRiskTypes?: RiskType[];
        proposedDisasterSubtype?: DisasterSubtype;
      }
    | { type: 'notice_started'; startDate: string; endDate: string }
    | { type: 'notice_finished'; objections: number }
    | { type: 'township_reviewed'; decision: 'pass' | 'return'; note: string }
    | {
        type: 'county_approved';
        decision: 'approve' | 'reject';
        /** Required when approving; a rejection needs neither. */
        category?: MonitoringCategory;
        riskTypes?: RiskType[];
        disasterSubtype?: DisasterSubtype;
        note?: string;
      }
    | { type: 'measure_added'; measureId: string; category: MeasureCategory; owner: string; plannedDate: string; amountFen?: Fen }
    | { type: 'measure_updated'; measureId: string; status: MeasureStatus; actualDate?: string }
    | { type: 'elimination_proposed'; way: EliminationWay }
    | { type: 'elimination_notice_started'; startDate: string; endDate: string }
    | { type: 'elimination_notice_finished'; objections: number }
    | { type: 'elimination_township_reviewed'; decision: 'pass' | 'return'; note: string }
    | { type: 'elimination_county_approved'; decision: 'approve' | 'reject'; note?: string }
    | { type: 'elimination_rolled_back'; reason: string }
  );
export type CaseEventType = CaseEvent['type'];
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

export const CASE_EVENT_TYPES = [
  'lead_opened',
  'home_checked',
  'notice_started',
  'notice_finished',
  'township_reviewed',
  'county_approved',
  'measure_added',
  'measure_updated',
  'elimination_proposed',
  'elimination_notice_started',
  'elimination_notice_finished',
  'elimination_township_reviewed',
  'elimination_county_approved',
  'elimination_rolled_back',
] as const satisfies readonly CaseEventType[];

export const CASE_EVENT_LABELS: Record<CaseEventType, string> = {
  lead_opened: '登记线索',
  home_checked: '记录入户核实',
  notice_started: '开始村级评议公示',
  notice_finished: '结束公示',
  township_reviewed: '乡镇审核',
  county_approved: '县级审定',
  measure_added: '添加帮扶措施',
  measure_updated: '更新帮扶措施',
  elimination_proposed: '提出风险消除',
  elimination_notice_started: '开始风险消除公示',
  elimination_notice_finished: '结束风险消除公示',
  elimination_township_reviewed: '乡镇审核风险消除',
  elimination_county_approved: '县级审定风险消除',
  elimination_rolled_back: '回退风险消除',
};

/**
 * Who may take each step. Roles stay separate on purpose: the person who checks a household does not also
 * approve it. The one overlap is that the county may open a lead, because department lists and county
 * sweeps reach the county first.
 */
export const CASE_STEP_ROLES: Record<CaseEventType, readonly Role[]> = {
  lead_opened: ['village_clerk', 'county_admin'],
  home_checked: ['village_clerk'],
  notice_started: ['village_clerk'],
  notice_finished: ['village_clerk'],
  township_reviewed: ['township_reviewer'],
  county_approved: ['county_admin'],
  // The village contact cadre (监测联系人) records the entry and progress of each measure (一头一尾).
  measure_added: ['village_clerk'],
  measure_updated: ['village_clerk'],
  elimination_proposed: ['village_clerk'],
  elimination_notice_started: ['village_clerk'],
  elimination_notice_finished: ['village_clerk'],
  elimination_township_reviewed: ['township_reviewer'],
  elimination_county_approved: ['county_admin'],
  // Undoing a county decision is the county's own act.
  elimination_rolled_back: ['county_admin'],
};

/** States in which each step may be taken (before the disaster exception); null = a case not yet opened. */
const FROM_STATES: Record<CaseEventType, readonly (CaseStatus | null)[]> = {
  lead_opened: [null],
  home_checked: ['lead', 'home_check'],
  notice_started: ['home_check'],
  notice_finished: ['in_notice'],
  township_reviewed: ['township_review'],
  county_approved: ['county_approval'],
  measure_added: ['monitored'],
  // A measure begun before the decision (disaster) or before a proposal keeps being updated until the case ends.
  measure_updated: [...IDENTIFICATION_STATES, 'monitored', 'elimination_proposed', 'elimination_in_notice', 'elimination_township_review', 'elimination_county_approval'],
  elimination_proposed: ['monitored'],
  elimination_notice_started: ['elimination_proposed'],
  elimination_notice_finished: ['elimination_in_notice'],
  elimination_township_reviewed: ['elimination_township_review'],
  elimination_county_approved: ['elimination_county_approval'],
  elimination_rolled_back: ['eliminated'],
};

// ---------------------------------------------------------------------------------------------------------
// Config and context

export interface CaseConfig {
  /** Minimum public-notice length in days (domain.md §5: at least 5). */
  noticeDays: number;
  /** Measures a household must have before elimination may be proposed (Anhui: 1). */
  minMeasures: number;
  /** Months monitored since the county approval before elimination (Anhui: 6). */
  minMonitoredMonths: number;
  /** Months of income stably above the line before elimination (Anhui: 6). */
  minStableIncomeMonths: number;
  /** Days from the lead to the county decision (normally 15; Hainan uses 20 working days). */
  identificationDays: number;
  /** Days from inclusion to the first measure (Anhui: 10). */
  measuresDays: number;
  /** Working days from a self-declaration to the home check (2). */
  homeCheckWorkingDays: number;
}

export const DEFAULT_CASE_CONFIG: Readonly<CaseConfig> = Object.freeze({
  noticeDays: 5,
  minMeasures: 1,
  minMonitoredMonths: 6,
  minStableIncomeMonths: 6,
  identificationDays: 15,
  measuresDays: 10,
  homeCheckWorkingDays: 2,
});

const countSchema = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能大于 ${max}`);

/**
 * Stored config (per region). Missing fields fall back to the default; the national floor of a 5-day notice
 * cannot be configured away.
 */
export const caseConfigSchema = z
  .object({
    noticeDays: countSchema('公示天数', 5, 30).default(DEFAULT_CASE_CONFIG.noticeDays),
    minMeasures: countSchema('最少帮扶措施数', 0, 20).default(DEFAULT_CASE_CONFIG.minMeasures),
    minMonitoredMonths: countSchema('最短监测月数', 0, 36).default(DEFAULT_CASE_CONFIG.minMonitoredMonths),
    minStableIncomeMonths: countSchema('收入稳定月数', 0, 36).default(DEFAULT_CASE_CONFIG.minStableIncomeMonths),
    identificationDays: countSchema('识别时限天数', 1, 90).default(DEFAULT_CASE_CONFIG.identificationDays),
    measuresDays: countSchema('落实措施时限天数', 1, 90).default(DEFAULT_CASE_CONFIG.measuresDays),
    homeCheckWorkingDays: countSchema('入户核实时限工作日', 1, 30).default(DEFAULT_CASE_CONFIG.homeCheckWorkingDays),
  })
  .strict();

/**
 * Facts about the household at the moment of an elimination step, computed by the server from the registry
 * (never stored in the case: they describe the household, not the procedure).
 */
export interface EliminationFacts {
  /** Consecutive months, up to now, with per-capita income above the monitoring line. */
  incomeAboveLineMonths: number;
  /** The three guarantees and safe water secured, no problem flag left open. */
  problemFlagsCleared: boolean;
  /** Members whose labour capacity is normal or skilled. */
  membersAbleToWork: number;
  /** Latest per-capita net income above this year's line; undefined = not known. */
  perCapitaAboveLine?: boolean;
}

export interface CaseContext {
  config?: CaseConfig;
  /** The lead is a natural disaster: help may start before identification completes (先帮扶后认定). */
  disaster?: boolean;
  facts?: EliminationFacts;
}

// ---------------------------------------------------------------------------------------------------------
// State

export interface CaseMeasure {
  measureId: string;
  category: MeasureCategory;
  owner: string;
  plannedDate: string;
  amountFen?: Fen;
  status: MeasureStatus;
  actualDate?: string;
  addedAt: string;
  /** Added before the county decision under the disaster exception. */
  beforeIdentification: boolean;
}

export interface CaseNotice {
  kind: 'identification' | 'elimination';
  startDate: string;
  endDate: string;
}

export interface CaseState {
  /** null until the lead is opened. */
  status: CaseStatus | null;
  householdId: string | null;
  source: LeadSource | null;
  warningId: string | null;
  /** Opened for a disaster-hit household (先帮扶后认定 applies). */
  disaster: boolean;
  openedAt: string | null;
  /** Time of the latest event; events must not go back in time. */
  lastAt: string | null;
  eventCount: number;
  homeCheck: { commitmentSigned: boolean; authorisationSigned: boolean; finding: 'include' | 'not_include'; note: string; at: string } | null;
  /** What the village proposed at the latest home check; null if it proposed nothing. */
  proposal: { category: MonitoringCategory | null; riskTypes: RiskType[]; disasterSubtype: DisasterSubtype | null } | null;
  /** The notice now running or last run. */
  notice: CaseNotice | null;
  /** County approval of the inclusion; monitoring time counts from here. */
  approvedAt: string | null;
  category: MonitoringCategory | null;
  riskTypes: RiskType[];
  disasterSubtype: DisasterSubtype | null;
  measures: CaseMeasure[];
  elimination: { way: EliminationWay; proposedAt: string } | null;
  eliminatedAt: string | null;
  rollbacks: { at: string; reason: string }[];
}

export const INITIAL_CASE_STATE: Readonly<CaseState> = Object.freeze({
  status: null,
  householdId: null,
  source: null,
  warningId: null,
  disaster: false,
  openedAt: null,
  lastAt: null,
  eventCount: 0,
  homeCheck: null,
  proposal: null,
  notice: null,
  approvedAt: null,
  category: null,
  riskTypes: [],
  disasterSubtype: null,
  measures: [],
  elimination: null,
  eliminatedAt: null,
  rollbacks: [],
});

/**
 * Applies one event that `decide` accepted. It does not guard: stored events are facts, and a replay must
 * reproduce the state even if a later config would have refused an old step.
 */
export function applyCaseEvent(state: CaseState, event: CaseEvent): CaseState {
  const s: CaseState = { ...state, lastAt: event.at, eventCount: state.eventCount + 1 };
  switch (event.type) {
    case 'lead_opened':
      return {
        ...s, status: 'lead', householdId: event.householdId, source: event.source, warningId: event.warningId ?? null,
        disaster: event.disaster === true, openedAt: event.at,
      };
    case 'home_checked': {
      const { commitmentSigned, authorisationSigned, finding, note } = event;
      const homeCheck = { commitmentSigned, authorisationSigned, finding, note, at: event.at };
      const proposed = event.proposedCategory !== undefined || (event.proposedRiskTypes?.length ?? 0) > 0;
      const proposal = proposed
        ? { category: event.proposedCategory ?? null, riskTypes: [...(event.proposedRiskTypes ?? [])], disasterSubtype: event.proposedDisasterSubtype ?? null }
        : null;
      return { ...s, homeCheck, proposal, status: finding === 'include' ? 'home_check' : 'closed_not_included' };
    }
    case 'notice_started':
      return { ...s, status: 'in_notice', notice: { kind: 'identification', startDate: event.startDate, endDate: event.endDate } };
    case 'notice_finished':
      // An objection sends the case back to the household for a new check rather than forward.
      return { ...s, status: event.objections > 0 ? 'home_check' : 'township_review' };
    case 'township_reviewed':
      return { ...s, status: event.decision === 'pass' ? 'county_approval' : 'home_check' };
    case 'county_approved':
      if (event.decision === 'reject') return { ...s, status: 'closed_not_included' };
      return {
        ...s,
        status: 'monitored',
        approvedAt: event.at,
        category: event.category ?? null,
        riskTypes: [...(event.riskTypes ?? [])],
        disasterSubtype: event.disasterSubtype ?? null,
      };
    case 'measure_added': {
      const measure: CaseMeasure = {
        measureId: event.measureId,
        category: event.category,
        owner: event.owner,
        plannedDate: event.plannedDate,
        status: 'planned',
        addedAt: event.at,
        beforeIdentification: state.status !== null && IDENTIFICATION_STATES.includes(state.status),
      };
      if (event.amountFen !== undefined) measure.amountFen = event.amountFen;
      return { ...s, measures: [...state.measures, measure] };
    }
    case 'measure_updated':
      return {
        ...s,
        measures: state.measures.map((m) => {
          if (m.measureId !== event.measureId) return m;
          const next: CaseMeasure = { ...m, status: event.status };
          if (event.actualDate !== undefined) next.actualDate = event.actualDate;
          return next;
        }),
      };
    case 'elimination_proposed':
      return { ...s, status: 'elimination_proposed', elimination: { way: event.way, proposedAt: event.at } };
    case 'elimination_notice_started':
      return { ...s, status: 'elimination_in_notice', notice: { kind: 'elimination', startDate: event.startDate, endDate: event.endDate } };
    case 'elimination_notice_finished':
      // An objection ends the proposal: the household stays monitored and a new proposal starts from scratch.
      return event.objections > 0 ? { ...s, status: 'monitored', elimination: null } : { ...s, status: 'elimination_township_review' };
    case 'elimination_township_reviewed':
      return event.decision === 'pass' ? { ...s, status: 'elimination_county_approval' } : { ...s, status: 'monitored', elimination: null };
    case 'elimination_county_approved':
      return event.decision === 'approve' ? { ...s, status: 'eliminated', eliminatedAt: event.at } : { ...s, status: 'monitored', elimination: null };
    case 'elimination_rolled_back':
      // The household goes back to being monitored and helped; the rollback itself stays on the record.
      return { ...s, status: 'monitored', elimination: null, eliminatedAt: null, rollbacks: [...state.rollbacks, { at: event.at, reason: event.reason }] };
  }
}

/** The current state of a case is nothing but the fold of its events. */
export function replay(events: readonly CaseEvent[]): CaseState {
  return events.reduce<CaseState>(applyCaseEvent, INITIAL_CASE_STATE);
}

// ---------------------------------------------------------------------------------------------------------
// Dates (China calendar)

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → UTC midnight ms, or null when not a real calendar date. */
function dateMs(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms : null;
}

/** The China (UTC+8) calendar date of an ISO instant, or the date itself when already 'YYYY-MM-DD'. */
export function chinaDate(at: string): string | null {
  if (DATE_RE.test(at)) return dateMs(at) === null ? null : at;
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return null;
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(dateMs(date)! + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a), both 'YYYY-MM-DD'. */
export function daysBetween(a: string, b: string): number {
  return Math.round((dateMs(b)! - dateMs(a)!) / DAY_MS);
}

/** Whole calendar months from a to b; a month is complete only when the day of month is reached again. */
export function monthsBetween(a: string, b: string): number {
  const [ay, am, ad] = a.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = b.split('-').map(Number) as [number, number, number];
  return (by - ay) * 12 + (bm - am) - (bd < ad ? 1 : 0);
}

/** Mondays to Fridays only; public holidays are not known to core and would need a calendar from the server. */
function addWorkingDays(date: string, days: number): string {
  let ms = dateMs(date)!;
  let left = days;
  while (left > 0) {
    ms += DAY_MS;
    const weekday = new Date(ms).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(ms).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------------
// Guards

export type CaseDecision = { ok: true } | { ok: false; reason: string; reasons: string[] };

const OK: CaseDecision = { ok: true };
function refuse(...reasons: string[]): CaseDecision {
  return { ok: false, reason: reasons.join('；'), reasons };
}

function roleNames(roles: readonly Role[]): string {
  return roles.length === 0 ? '无角色' : roles.map((r) => ROLE_LABELS[r] ?? r).join('、');
}

/** Risk types that the case's measures do not yet answer (domain.md §6), each with a Chinese explanation. */
export function missingRiskMeasures(riskTypes: readonly RiskType[], measures: readonly Pick<CaseMeasure, 'category'>[]): string[] {
  const have = new Set(measures.map((m) => m.category));
  const problems: string[] = [];
  for (const risk of riskTypes) {
    const needed = RISK_MEASURE_REQUIREMENTS[risk];
    if (needed && !needed.some((c) => have.has(c))) {
      problems.push(`缺少与致贫风险对应的帮扶措施：${RISK_TYPE_LABELS[risk]}风险需有${needed.map((c) => MEASURE_CATEGORY_LABELS[c]).join('、')}措施`);
    }
  }
  return problems;
}

/**
 * Every reason the household may not (yet) have its risk eliminated on `date`; empty = all conditions hold.
 * Used at the proposal and again at the county approval, since the household may have changed in between.
 */
export function eliminationProblems(state: CaseState, way: EliminationWay, date: string, context: CaseContext): string[] {
  const config = context.config ?? DEFAULT_CASE_CONFIG;
  const facts = context.facts;
  const problems: string[] = [];
  if (!facts) return ['缺少家庭收入、劳动力和“两不愁三保障”核实数据，不能提出风险消除'];
  // Checked first and stated plainly: this household is never eliminated, whatever else holds.
  if (facts.membersAbleToWork === 0) {
    problems.push('家庭无劳动能力成员（0 人），不标注风险消除，应纳入兜底保障并继续监测');
  }
  if (state.measures.length < config.minMeasures) {
    problems.push(`已落实帮扶措施 ${state.measures.length} 项，少于要求的 ${config.minMeasures} 项`);
  }
  const approved = state.approvedAt ? chinaDate(state.approvedAt) : null;
  if (!approved) {
    problems.push('尚未经县级审定纳入监测，不能提出风险消除');
  } else {
    const months = monthsBetween(approved, date);
    if (months < config.minMonitoredMonths) {
      problems.push(`纳入监测 ${Math.max(0, months)} 个月（${approved} 审定），不满 ${config.minMonitoredMonths} 个月`);
    }
  }
  if (facts.incomeAboveLineMonths < config.minStableIncomeMonths) {
    problems.push(`收入稳定超过监测线 ${facts.incomeAboveLineMonths} 个月，不满 ${config.minStableIncomeMonths} 个月`);
  }
  if (!facts.problemFlagsCleared) {
    problems.push('“三保障”和饮水安全问题尚未全部解决，不能提出风险消除');
  }
  if (way === 'through_help' && facts.perCapitaAboveLine === false) {
    problems.push('人均纯收入未超过当年监测线，不能以“帮扶消除”方式消除风险');
  }
  problems.push(...missingRiskMeasures(state.riskTypes, state.measures));
  return problems;
}

function checkDate(value: string | undefined, label: string): string | null {
  if (value === undefined || dateMs(value) === null) return `${label}格式不正确，应为 YYYY-MM-DD`;
  return null;
}

function checkNoticeStart(startDate: string, endDate: string, config: CaseConfig, previousStepDate: string | null): CaseDecision {
  const bad = checkDate(startDate, '公示开始日期') ?? checkDate(endDate, '公示结束日期');
  if (bad) return refuse(bad);
  // A notice cannot have been on the wall before the step that put the case up for it.
  if (previousStepDate && startDate < previousStepDate) return refuse(`公示开始日期 ${startDate} 早于上一步办理日期 ${previousStepDate}`);
  // Counted inclusively, as written on the notice: 1 March to 5 March is five days.
  const days = daysBetween(startDate, endDate) + 1;
  if (days < config.noticeDays) return refuse(`公示期 ${startDate} 至 ${endDate} 共 ${Math.max(0, days)} 天，少于 ${config.noticeDays} 天`);
  return OK;
}

function checkNoticeFinish(notice: CaseNotice | null, date: string, objections: number, config: CaseConfig): CaseDecision {
  if (!Number.isInteger(objections) || objections < 0) return refuse('异议数必须是非负整数');
  if (!notice) return refuse('没有正在进行的公示');
  const served = daysBetween(notice.startDate, date);
  if (served < config.noticeDays) {
    return refuse(`公示自 ${notice.startDate} 起仅 ${Math.max(0, served)} 天，不足 ${config.noticeDays} 天，不能结束公示`);
  }
  if (date <= notice.endDate) return refuse(`公示期至 ${notice.endDate} 止，尚未期满，不能结束公示`);
  return OK;
}

/**
 * May `event` be appended to a case in `state`? Checks, in order: time order, the actor's role, the state the
 * case is in, then the step's own rules. Pure: the server supplies the household facts in `context`.
 */
export function decide(state: CaseState, event: CaseEvent, context: CaseContext = {}): CaseDecision {
  const config = context.config ?? DEFAULT_CASE_CONFIG;
  const label = CASE_EVENT_LABELS[event.type];
  const date = chinaDate(event.at);
  if (!date || DATE_RE.test(event.at)) return refuse('操作时间格式不正确，应为带时区的 ISO 时间');
  if (state.lastAt && Date.parse(event.at) < Date.parse(state.lastAt)) {
    return refuse(`操作时间 ${event.at} 早于上一步（${state.lastAt}），不能倒签`);
  }

  const allowed = CASE_STEP_ROLES[event.type];
  if (event.actor.system === true) {
    if (event.type !== 'lead_opened' || !SYSTEM_LEAD_SOURCES.includes(event.source)) {
      return refuse('系统只能登记农户自主申报和部门筛查线索，其余步骤须由经办人员办理');
    }
  } else if (!event.actor.roles.some((r) => allowed.includes(r))) {
    return refuse(`只有${roleNames(allowed)}可以${label}（当前账号：${roleNames(event.actor.roles)}）`);
  }

  const from = FROM_STATES[event.type];
  const disaster = context.disaster === true || state.disaster;
  const disasterEarlyMeasure = event.type === 'measure_added' && disaster && state.status !== null && IDENTIFICATION_STATES.includes(state.status);
  if (!from.includes(state.status) && !disasterEarlyMeasure) {
    if (state.status === null) return refuse(`尚未登记线索，不能${label}`);
    if (event.type === 'lead_opened') return refuse('该案件已登记线索，不能重复登记');
    if (event.type === 'measure_added' && IDENTIFICATION_STATES.includes(state.status)) {
      return refuse(`案件处于“${CASE_STATE_LABELS[state.status]}”，尚未纳入监测；仅自然灾害可先帮扶后认定`);
    }
    return refuse(`案件当前状态为“${CASE_STATE_LABELS[state.status]}”，不能${label}`);
  }

  switch (event.type) {
    case 'lead_opened':
      if (!event.householdId.trim()) return refuse('请选择线索所属农户');
      if (event.source === 'warning' && !event.warningId) return refuse('来自系统预警的线索须关联预警记录');
      return OK;
    case 'home_checked': {
      if (!event.note.trim()) return refuse('请填写入户核实情况');
      const risks = event.proposedRiskTypes ?? [];
      if (risks.length > MAX_RISK_TYPES) return refuse(`拟定风险类型最多 ${MAX_RISK_TYPES} 项`);
      if (new Set(risks).size !== risks.length) return refuse('拟定风险类型重复');
      return OK;
    }
    case 'notice_started': {
      const hc = state.homeCheck;
      const missing = [hc?.commitmentSigned ? null : '承诺书', hc?.authorisationSigned ? null : '授权书'].filter((x): x is string => x !== null);
      if (missing.length > 0) return refuse(`农户尚未签署${missing.join('和')}，不能进入村级评议公示`);
      return checkNoticeStart(event.startDate, event.endDate, config, state.lastAt ? chinaDate(state.lastAt) : null);
    }
    case 'elimination_notice_started':
      return checkNoticeStart(event.startDate, event.endDate, config, state.lastAt ? chinaDate(state.lastAt) : null);
    case 'notice_finished':
    case 'elimination_notice_finished':
      return checkNoticeFinish(state.notice, date, event.objections, config);
    case 'township_reviewed':
    case 'elimination_township_reviewed':
      if (event.decision === 'return' && !event.note.trim()) return refuse('退回时须填写退回理由');
      return OK;
    case 'county_approved': {
      if (event.decision === 'reject') return OK;
      const problems: string[] = [];
      if (!event.category || !MONITORING_CATEGORY.codes.includes(event.category)) {
        problems.push(`请选择监测对象类别（${MONITORING_CATEGORY.codes.map((c) => MONITORING_CATEGORY.labels[c]).join('、')}）`);
      }
      const risks = event.riskTypes ?? [];
      if (risks.length < 1 || risks.length > MAX_RISK_TYPES) problems.push(`风险类型须选择 1 至 ${MAX_RISK_TYPES} 项（当前 ${risks.length} 项）`);
      if (new Set(risks).size !== risks.length) problems.push('风险类型重复');
      if (risks.some((r) => !RISK_TYPES.includes(r))) problems.push('风险类型不正确');
      if (risks.includes('natural_disaster') && !event.disasterSubtype) problems.push('“因自然灾害”风险须注明灾害类型');
      if (!risks.includes('natural_disaster') && event.disasterSubtype) problems.push('未选择“因自然灾害”风险，不应填写灾害类型');
      return problems.length > 0 ? refuse(...problems) : OK;
    }
    case 'measure_added': {
      const problems: string[] = [];
      if (!event.measureId.trim()) problems.push('措施编号不能为空');
      else if (state.measures.some((m) => m.measureId === event.measureId)) problems.push(`措施编号 ${event.measureId} 已存在`);
      if (!MEASURE_CATEGORIES.includes(event.category)) problems.push('帮扶措施类别不正确');
      if (!event.owner.trim()) problems.push('请填写措施责任人或责任单位');
      const bad = checkDate(event.plannedDate, '计划完成日期');
      if (bad) problems.push(bad);
      if (event.amountFen !== undefined && (!Number.isSafeInteger(event.amountFen) || event.amountFen < 0)) {
        problems.push('帮扶金额必须是不小于 0 的整数（分）');
      }
      return problems.length > 0 ? refuse(...problems) : OK;
    }
    case 'measure_updated': {
      const measure = state.measures.find((m) => m.measureId === event.measureId);
      if (!measure) return refuse(`未找到措施 ${event.measureId}`);
      if (measure.status === 'done' && event.status !== 'done') return refuse('已完成的措施不能改回未完成');
      if (event.actualDate !== undefined) {
        const bad = checkDate(event.actualDate, '实际完成日期');
        if (bad) return refuse(bad);
      }
      if (event.status === 'done' && event.actualDate === undefined) return refuse('措施完成须填写实际完成日期');
      return OK;
    }
    case 'elimination_proposed': {
      const problems = eliminationProblems(state, event.way, date, context);
      return problems.length > 0 ? refuse(...problems) : OK;
    }
    case 'elimination_county_approved': {
      if (event.decision === 'reject') return OK;
      // Re-checked here: labour, income or flags may have changed during the notice and the review.
      const problems = eliminationProblems(state, state.elimination?.way ?? 'natural', date, context);
      return problems.length > 0 ? refuse(...problems) : OK;
    }
    case 'elimination_rolled_back':
      if (!event.reason.trim()) return refuse('回退风险消除须填写理由');
      return OK;
  }
}

/**
 * The steps a user with `roles` could take on a case in `state` (role and state only; the step's own rules are
 * decide's). The UI offers exactly these, so a clerk never sees a button the county alone may press.
 */
export function stepsOpenTo(state: CaseState, roles: readonly Role[]): CaseEventType[] {
  return CASE_EVENT_TYPES.filter((type) => {
    if (type === 'lead_opened') return false;
    if (!CASE_STEP_ROLES[type].some((r) => roles.includes(r))) return false;
    if (FROM_STATES[type].includes(state.status)) return true;
    return type === 'measure_added' && state.disaster && state.status !== null && IDENTIFICATION_STATES.includes(state.status);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Deadlines

export interface CaseDeadlines {
  /** County decision due (lead + identificationDays), while identification is under way. */
  identificationDue?: string;
  /** First measure due (approval + measuresDays), while the monitored household has none. */
  measuresDue?: string;
  /** Home check due after a self-declaration (lead + homeCheckWorkingDays working days), while still a lead. */
  homeCheckDue?: string;
}

/** Due dates (China calendar, 'YYYY-MM-DD') of what the case still waits for; met deadlines are left out. */
export function deadlines(state: CaseState, config: CaseConfig = DEFAULT_CASE_CONFIG): CaseDeadlines {
  const result: CaseDeadlines = {};
  const opened = state.openedAt ? chinaDate(state.openedAt) : null;
  if (opened && state.status !== null && IDENTIFICATION_STATES.includes(state.status)) {
    result.identificationDue = addDays(opened, config.identificationDays);
    if (state.status === 'lead' && state.source === 'declaration') result.homeCheckDue = addWorkingDays(opened, config.homeCheckWorkingDays);
  }
  const approved = state.approvedAt ? chinaDate(state.approvedAt) : null;
  if (approved && state.status === 'monitored' && state.measures.length === 0) {
    result.measuresDue = addDays(approved, config.measuresDays);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Input schema (the server parses requests with this before calling decide)

const actorSchema = z.object({ userId: z.string().min(1, '缺少操作人'), roles: z.array(z.enum(ROLES)), system: z.boolean().optional() });
const base = { at: z.iso.datetime({ offset: true, error: '操作时间格式不正确' }), actor: actorSchema };
const isoDate = (label: string) => z.iso.date({ error: `${label}格式应为 YYYY-MM-DD` });
const objections = z.number().int('异议数必须是整数').min(0, '异议数不能为负数');
const note = z.string().max(2000, '说明不能超过 2000 字');

export const caseEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...base, type: z.literal('lead_opened'), source: z.enum(LEAD_SOURCES), householdId: z.string().min(1, '请选择农户'),
    warningId: z.string().min(1).optional(), disaster: z.boolean().optional(), note: note.optional(),
  }),
  z.object({
    ...base, type: z.literal('home_checked'), commitmentSigned: z.boolean(), authorisationSigned: z.boolean(),
    finding: z.enum(['include', 'not_include']), note,
    proposedCategory: z.enum(MONITORING_CATEGORY.codes).optional(),
    proposedRiskTypes: z.array(z.enum(RISK_TYPES)).max(MAX_RISK_TYPES, `风险类型最多 ${MAX_RISK_TYPES} 项`).optional(),
    proposedDisasterSubtype: z.enum(DISASTER_SUBTYPES).optional(),
  }),
  z.object({ ...base, type: z.literal('notice_started'), startDate: isoDate('公示开始日期'), endDate: isoDate('公示结束日期') }),
  z.object({ ...base, type: z.literal('notice_finished'), objections }),
  z.object({ ...base, type: z.literal('township_reviewed'), decision: z.enum(['pass', 'return']), note }),
  z.object({
    ...base,
    type: z.literal('county_approved'),
    decision: z.enum(['approve', 'reject']),
    category: z.enum(MONITORING_CATEGORY.codes).optional(),
    riskTypes: z.array(z.enum(RISK_TYPES)).max(MAX_RISK_TYPES, `风险类型最多 ${MAX_RISK_TYPES} 项`).optional(),
    disasterSubtype: z.enum(DISASTER_SUBTYPES).optional(),
    note: note.optional(),
  }),
  z.object({
    ...base,
    type: z.literal('measure_added'),
    measureId: z.string().min(1),
    category: z.enum(MEASURE_CATEGORIES),
    owner: z.string().min(1, '请填写责任人'),
    plannedDate: isoDate('计划完成日期'),
    amountFen: z.number().int().min(0).refine(Number.isSafeInteger, { message: '金额超出范围' }).optional(),
  }),
  z.object({ ...base, type: z.literal('measure_updated'), measureId: z.string().min(1), status: z.enum(MEASURE_STATUSES), actualDate: isoDate('实际完成日期').optional() }),
  z.object({ ...base, type: z.literal('elimination_proposed'), way: z.enum(ELIMINATION_WAYS) }),
  z.object({ ...base, type: z.literal('elimination_notice_started'), startDate: isoDate('公示开始日期'), endDate: isoDate('公示结束日期') }),
  z.object({ ...base, type: z.literal('elimination_notice_finished'), objections }),
  z.object({ ...base, type: z.literal('elimination_township_reviewed'), decision: z.enum(['pass', 'return']), note }),
  z.object({ ...base, type: z.literal('elimination_county_approved'), decision: z.enum(['approve', 'reject']), note: note.optional() }),
  z.object({ ...base, type: z.literal('elimination_rolled_back'), reason: z.string().min(1, '请填写回退理由').max(2000) }),
]);
