import {
  DEFAULT_CASE_CONFIG, DISASTER_SUBTYPES, DISASTER_SUBTYPE_LABELS, ELIMINATION_WAYS, ELIMINATION_WAY_LABELS, MAX_RISK_TYPES,
  MEASURE_CATEGORIES, RISK_TYPES, RISK_TYPE_LABELS, applyCaseEvent, chinaDate, decide, replay,
  type CaseActor, type CaseConfig, type CaseEvent, type CaseState, type DisasterSubtype, type EliminationFacts,
  type EliminationWay, type MeasureCategory, type RiskType,
} from '../cases/case-workflow.ts';
import { MONITORING_CATEGORY, type MonitoringCategory, type RegistryEnum } from '../registry/registry-enums.ts';
import { parseBoolCell, type CellResult } from '../registry/import-cells.ts';
import { parseCountCell, parseDayCell, parseEnumCell, parseMonthCell } from './exchange-cells.ts';
import { CASE_SHEET, RISK_TYPE_HEADERS } from './national-layout.ts';

/** One row of the 监测信息 sheet: a household's monitoring as the national system records it. */
export interface ExchangeCaseRow {
  householdNo: string;
  villageCode: string;
  category: MonitoringCategory;
  /** County approval date (识别时间), 'YYYY-MM-DD' on the China calendar. */
  identifiedOn: string;
  riskTypes: RiskType[];
  disasterSubtype: DisasterSubtype | null;
  /** Number of measures per category; categories without a measure are left out. */
  measures: Partial<Record<MeasureCategory, number>>;
  elimination: { way: EliminationWay; month: string } | null;
}

export const RISK_TYPE_ENUM: RegistryEnum<RiskType> = {
  codes: RISK_TYPES,
  labels: RISK_TYPE_LABELS,
  aliases: {
    因病致贫: 'illness', 因残致贫: 'disability', 因学致贫: 'schooling', 因灾: 'natural_disaster', 因灾致贫: 'natural_disaster',
    自然灾害: 'natural_disaster', 因意外: 'accident', 意外事故: 'accident', 产业项目失败: 'business_failure',
    因务工就业不稳定: 'unstable_employment', 务工就业不稳: 'unstable_employment', 缺劳力: 'lack_of_labour', 其它: 'other',
  },
};
export const DISASTER_SUBTYPE_ENUM: RegistryEnum<DisasterSubtype> = {
  codes: DISASTER_SUBTYPES,
  labels: DISASTER_SUBTYPE_LABELS,
  aliases: { 洪涝: 'flood', 地质: 'geological', 干旱: 'drought', 生物: 'biological', 气象: 'weather', 地震: 'earthquake' },
};
export const ELIMINATION_WAY_ENUM: RegistryEnum<EliminationWay> = { codes: ELIMINATION_WAYS, labels: ELIMINATION_WAY_LABELS };

/** What the national export shows of a case; null for a case the national system does not list (still being identified, or not included). */
export function caseRowFromState(state: CaseState): Omit<ExchangeCaseRow, 'householdNo' | 'villageCode'> | null {
  if (state.status === null || !state.approvedAt || !state.category) return null;
  if (state.status === 'closed_not_included' || ['lead', 'home_check', 'in_notice', 'township_review', 'county_approval'].includes(state.status)) return null;
  const measures: Partial<Record<MeasureCategory, number>> = {};
  for (const m of state.measures) measures[m.category] = (measures[m.category] ?? 0) + 1;
  const eliminated = state.status === 'eliminated' && state.eliminatedAt && state.elimination;
  return {
    category: state.category,
    identifiedOn: chinaDate(state.approvedAt)!,
    riskTypes: [...state.riskTypes],
    disasterSubtype: state.disasterSubtype,
    measures,
    elimination: eliminated ? { way: state.elimination!.way, month: chinaDate(state.eliminatedAt!)!.slice(0, 7) } : null,
  };
}

/** The cells of a case row by column key (data columns of CASE_SHEET). */
export function caseDataCells(row: Omit<ExchangeCaseRow, 'householdNo' | 'villageCode'>): Record<string, string | number> {
  const cells: Record<string, string | number> = {
    category: MONITORING_CATEGORY.labels[row.category],
    identifiedOn: row.identifiedOn,
    disasterSubtype: row.disasterSubtype ? DISASTER_SUBTYPE_LABELS[row.disasterSubtype] : '',
    eliminated: row.elimination ? '是' : '否',
    eliminationWay: row.elimination ? ELIMINATION_WAY_LABELS[row.elimination.way] : '',
    eliminationMonth: row.elimination?.month ?? '',
  };
  RISK_TYPE_HEADERS.forEach((_, i) => (cells[`risk${i + 1}`] = row.riskTypes[i] ? RISK_TYPE_LABELS[row.riskTypes[i]!] : ''));
  for (const c of MEASURE_CATEGORIES) cells[`measure:${c}`] = row.measures[c] ?? 0;
  return cells;
}

export interface CellProblem {
  column: string;
  reason: string;
}

const headerOf = (key: string) => CASE_SHEET.columns.find((c) => c.key === key)!.header;

/**
 * A 监测信息 row (cells by column key, household number and village already read) → the case row, or every
 * problem found, each with its column header.
 */
export function parseCaseRow(
  base: { householdNo: string; villageCode: string },
  cell: (key: string) => unknown,
): { ok: true; row: ExchangeCaseRow } | { ok: false; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const take = <T>(key: string, r: CellResult<T>): T | undefined => {
    if (r.ok) return r.value;
    problems.push({ column: headerOf(key), reason: r.reason });
    return undefined;
  };
  const category = take('category', parseEnumCell(MONITORING_CATEGORY, cell('category'), true));
  const identifiedOn = take('identifiedOn', parseDayCell(cell('identifiedOn'), true));
  const riskTypes: RiskType[] = [];
  for (let i = 1; i <= MAX_RISK_TYPES; i++) {
    const risk = take(`risk${i}`, parseEnumCell(RISK_TYPE_ENUM, cell(`risk${i}`), false));
    if (!risk) continue;
    if (riskTypes.includes(risk)) problems.push({ column: headerOf(`risk${i}`), reason: `风险类型“${RISK_TYPE_LABELS[risk]}”重复` });
    else riskTypes.push(risk);
  }
  if (riskTypes.length === 0 && !problems.some((p) => p.column.startsWith('风险类型'))) {
    problems.push({ column: headerOf('risk1'), reason: '至少填写一项风险类型' });
  }
  const disasterSubtype = take('disasterSubtype', parseEnumCell(DISASTER_SUBTYPE_ENUM, cell('disasterSubtype'), false));
  if (riskTypes.includes('natural_disaster') && disasterSubtype === null) problems.push({ column: headerOf('disasterSubtype'), reason: '风险类型含“因自然灾害”，须填写自然灾害类型' });
  if (!riskTypes.includes('natural_disaster') && disasterSubtype) problems.push({ column: headerOf('disasterSubtype'), reason: '风险类型不含“因自然灾害”，不应填写自然灾害类型' });
  const measures: Partial<Record<MeasureCategory, number>> = {};
  for (const c of MEASURE_CATEGORIES) {
    const n = take(`measure:${c}`, parseCountCell(cell(`measure:${c}`)));
    if (n) measures[c] = n;
  }
  const eliminatedCell = parseBoolCell(cell('eliminated'));
  const eliminated = take('eliminated', eliminatedCell.ok ? eliminatedCell : { ok: false, reason: eliminatedCell.reason });
  const way = take('eliminationWay', parseEnumCell(ELIMINATION_WAY_ENUM, cell('eliminationWay'), eliminated === true));
  const month = take('eliminationMonth', parseMonthCell(cell('eliminationMonth'), eliminated === true));
  if (eliminated === false && (way || month)) problems.push({ column: headerOf('eliminated'), reason: '风险未消除，不应填写风险消除方式和年月' });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    row: {
      ...base, category: category!, identifiedOn: identifiedOn!, riskTypes, disasterSubtype: disasterSubtype ?? null, measures,
      elimination: eliminated ? { way: way!, month: month! } : null,
    },
  };
}

/** Owner written on measures rebuilt from the file: the national export names the category, not who carries it out. */
export const IMPORTED_MEASURE_OWNER = '国家系统导入（未载明责任单位）';

const DAY = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;
const lastDayOf = (month: string) => shift(`${shift(`${month}-01`, 32).slice(0, 7)}-01`, -1);

/**
 * The elimination was decided by the county in the national system; what its conditions rested on then (income
 * months above the line, the three guarantees, labour) is not in the file and today's registry is not that
 * moment. So those facts are taken as the national decision states them; what the file does show — measures
 * against risks, months monitored, notice lengths, the order of steps — is still checked by `decide`.
 */
const NATIONAL_DECISION_FACTS: EliminationFacts = { incomeAboveLineMonths: Number.MAX_SAFE_INTEGER, problemFlagsCleared: true, membersAbleToWork: 1 };

export interface CaseHistoryActors {
  clerk: CaseActor;
  reviewer: CaseActor;
  county: CaseActor;
}

/**
 * A case history that ends in the state the row shows: lead → home check → notice of `noticeDays` → township →
 * county approval on 识别时间, one measure per counted item that day, and for an eliminated household the
 * elimination procedure ending in 风险消除年月 (its last day, or `today` in the current month). Every event
 * passes `decide`; the first refusal comes back as a reason instead.
 */
export function synthesizeCaseHistory(
  row: ExchangeCaseRow,
  o: { householdId: string; actors: CaseHistoryActors; config?: CaseConfig; today: string },
): { ok: true; events: CaseEvent[]; facts: EliminationFacts } | { ok: false; column: string; reason: string } {
  const config = o.config ?? DEFAULT_CASE_CONFIG;
  const { clerk, reviewer, county } = o.actors;
  const A = row.identifiedOn;
  if (A > o.today) return { ok: false, column: '识别时间', reason: `识别时间 ${A} 晚于今天` };
  const noticeEnd = shift(A, -3);
  const noticeStart = shift(noticeEnd, -(config.noticeDays - 1));
  const events: CaseEvent[] = [
    { type: 'lead_opened', at: at(shift(noticeStart, -2), 9), actor: clerk, source: 'cadre', householdId: o.householdId, note: '国家系统格式交换导入' },
    {
      type: 'home_checked', at: at(shift(noticeStart, -1), 9), actor: clerk, commitmentSigned: true, authorisationSigned: true, finding: 'include',
      note: '国家系统已认定的监测对象，经交换文件导入', proposedCategory: row.category, proposedRiskTypes: [...row.riskTypes],
      ...(row.disasterSubtype ? { proposedDisasterSubtype: row.disasterSubtype } : {}),
    },
    { type: 'notice_started', at: at(noticeStart, 9), actor: clerk, startDate: noticeStart, endDate: noticeEnd },
    { type: 'notice_finished', at: at(shift(A, -2), 9), actor: clerk, objections: 0 },
    { type: 'township_reviewed', at: at(shift(A, -1), 9), actor: reviewer, decision: 'pass', note: '国家系统已审核' },
    {
      type: 'county_approved', at: at(A, 9), actor: county, decision: 'approve', category: row.category, riskTypes: [...row.riskTypes],
      ...(row.disasterSubtype ? { disasterSubtype: row.disasterSubtype } : {}), note: '国家系统已审定',
    },
  ];
  for (const c of MEASURE_CATEGORIES) {
    for (let i = 1; i <= (row.measures[c] ?? 0); i++) {
      events.push({ type: 'measure_added', at: at(A, 10), actor: clerk, measureId: `${c}-${i}`, category: c, owner: IMPORTED_MEASURE_OWNER, plannedDate: A });
    }
  }
  if (row.elimination) {
    if (row.elimination.month < A.slice(0, 7)) return { ok: false, column: '风险消除年月', reason: `风险消除年月 ${row.elimination.month} 早于识别时间 ${A}` };
    const monthEnd = lastDayOf(row.elimination.month);
    const E = monthEnd < o.today ? monthEnd : o.today;
    if (E.slice(0, 7) !== row.elimination.month) return { ok: false, column: '风险消除年月', reason: `风险消除年月 ${row.elimination.month} 晚于当前月份` };
    const P = shift(E, -(config.noticeDays + 1));
    if (P < A) return { ok: false, column: '风险消除年月', reason: `风险消除年月 ${row.elimination.month} 距识别时间 ${A} 过近，不足一个公示期` };
    const noticeLast = shift(P, config.noticeDays - 1);
    events.push(
      { type: 'elimination_proposed', at: at(P, 9), actor: clerk, way: row.elimination.way },
      { type: 'elimination_notice_started', at: at(P, 10), actor: clerk, startDate: P, endDate: noticeLast },
      { type: 'elimination_notice_finished', at: at(shift(noticeLast, 1), 9), actor: clerk, objections: 0 },
      { type: 'elimination_township_reviewed', at: at(shift(noticeLast, 1), 10), actor: reviewer, decision: 'pass', note: '国家系统已审核' },
      { type: 'elimination_county_approved', at: at(E, 9), actor: county, decision: 'approve', note: '国家系统已审定' },
    );
  }
  let state = replay([]);
  for (const e of events) {
    const d = decide(state, e, { config, facts: NATIONAL_DECISION_FACTS });
    if (!d.ok) return { ok: false, column: e.type.startsWith('elimination') ? '风险消除年月' : e.type === 'county_approved' ? '风险类型1' : '识别时间', reason: d.reason };
    state = applyCaseEvent(state, e);
  }
  return { ok: true, events, facts: NATIONAL_DECISION_FACTS };
}

