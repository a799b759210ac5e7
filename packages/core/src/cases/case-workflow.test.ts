import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Role } from '../access/roles.ts';
import {
  CASE_EVENT_TYPES,
  CASE_STATES,
  CASE_STATE_LABELS,
  DEFAULT_CASE_CONFIG,
  INITIAL_CASE_STATE,
  MAX_RISK_TYPES,
  MEASURE_CATEGORIES,
  RISK_TYPES,
  applyCaseEvent,
  caseConfigSchema,
  caseEventSchema,
  deadlines,
  decide,
  eliminationProblems,
  monthsBetween,
  replay,
  stepsOpenTo,
  type CaseConfig,
  type CaseContext,
  type CaseEvent,
  type CaseEventType,
  type CaseState,
  type CaseStatus,
  type EliminationFacts,
} from './case-workflow.ts';

// ---------------------------------------------------------------------------------------------------------
// Helpers

const clerk = { userId: 'u-clerk', roles: ['village_clerk'] as Role[] };
const reviewer = { userId: 'u-town', roles: ['township_reviewer'] as Role[] };
const county = { userId: 'u-county', roles: ['county_admin'] as Role[] };

/** A China-time instant on a given date. */
const at = (date: string, hour = 10) => `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;

const GOOD_FACTS: EliminationFacts = { incomeAboveLineMonths: 8, problemFlagsCleared: true, membersAbleToWork: 2, perCapitaAboveLine: true };

/** Appends only what decide accepts, failing loudly otherwise, so a fixture cannot silently skip a step. */
function build(events: CaseEvent[], context: CaseContext = {}): CaseState {
  let state: CaseState = INITIAL_CASE_STATE;
  for (const e of events) {
    const d = decide(state, e, context);
    if (!d.ok) throw new Error(`${e.type}: ${d.reason}`);
    state = applyCaseEvent(state, e);
  }
  return state;
}

const lead = (date = '2024-01-02'): CaseEvent => ({ type: 'lead_opened', at: at(date), actor: clerk, source: 'cadre', householdId: 'h-1' });
const check = (over: Partial<Extract<CaseEvent, { type: 'home_checked' }>> = {}): CaseEvent => ({
  type: 'home_checked',
  at: at('2024-01-03'),
  actor: clerk,
  commitmentSigned: true,
  authorisationSigned: true,
  finding: 'include',
  note: '入户核实：户主住院，医疗支出大',
  ...over,
});
const IDENTIFICATION: CaseEvent[] = [
  lead(),
  check(),
  { type: 'notice_started', at: at('2024-01-04'), actor: clerk, startDate: '2024-01-04', endDate: '2024-01-08' },
  { type: 'notice_finished', at: at('2024-01-09'), actor: clerk, objections: 0 },
  { type: 'township_reviewed', at: at('2024-01-10'), actor: reviewer, decision: 'pass', note: '' },
  { type: 'county_approved', at: at('2024-01-12'), actor: county, decision: 'approve', category: 'marginal', riskTypes: ['illness'] },
];
const healthMeasure: CaseEvent = {
  type: 'measure_added',
  at: at('2024-01-15'),
  actor: clerk,
  measureId: 'm-1',
  category: 'health',
  owner: '镇卫生院',
  plannedDate: '2024-02-01',
  amountFen: 300_000,
};
const propose = (date = '2024-08-01', way: 'through_help' | 'natural' = 'through_help'): CaseEvent => ({ type: 'elimination_proposed', at: at(date), actor: clerk, way });
const ELIMINATION_PATH: CaseEvent[] = [
  { type: 'elimination_notice_started', at: at('2024-08-02'), actor: clerk, startDate: '2024-08-02', endDate: '2024-08-06' },
  { type: 'elimination_notice_finished', at: at('2024-08-07'), actor: clerk, objections: 0 },
  { type: 'elimination_township_reviewed', at: at('2024-08-08'), actor: reviewer, decision: 'pass', note: '' },
  { type: 'elimination_county_approved', at: at('2024-08-09'), actor: county, decision: 'approve' },
];
const upd = (over: object): CaseEvent => ({ type: 'measure_updated', at: at('2024-02-01'), actor: clerk, measureId: 'm-1', status: 'done', ...over });
const ctx = (facts: Partial<EliminationFacts> = {}, config?: CaseConfig): CaseContext => ({ facts: { ...GOOD_FACTS, ...facts }, ...(config ? { config } : {}) });
const rb = (over: object = {}): CaseEvent => ({ type: 'elimination_rolled_back', at: at('2024-10-01'), actor: county, reason: '返贫风险再现', ...over });
const monitored = () => build([...IDENTIFICATION, healthMeasure]);
const refusal = (state: CaseState, e: CaseEvent, context: CaseContext = {}) => {
  const d = decide(state, e, context);
  return d.ok ? null : d.reason;
};

// ---------------------------------------------------------------------------------------------------------
// The whole journey

describe('case workflow journey', () => {
  it('goes lead → monitored → eliminated → rolled back, and replay gives the same state', () => {
    const events = [...IDENTIFICATION, healthMeasure, propose(), ...ELIMINATION_PATH];
    const state = build(events, { facts: GOOD_FACTS });
    expect(state.status).toBe('eliminated');
    expect(state.eliminatedAt).toBe(at('2024-08-09'));
    expect(replay(events)).toEqual(state);
    const rollback: CaseEvent = { type: 'elimination_rolled_back', at: at('2024-10-01'), actor: county, reason: '户主再次住院' };
    const back = build([...events, rollback], { facts: GOOD_FACTS });
    expect(back.status).toBe('monitored');
    expect(back.rollbacks).toHaveLength(1);
    expect(back.eliminatedAt).toBeNull();
  });

  it('every state has a Chinese label', () => {
    for (const s of CASE_STATES) expect(CASE_STATE_LABELS[s]).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('a not-include finding closes the case; a county rejection too', () => {
    expect(build([lead(), check({ finding: 'not_include' })]).status).toBe('closed_not_included');
    const rejected = build([...IDENTIFICATION.slice(0, 5), { type: 'county_approved', at: at('2024-01-12'), actor: county, decision: 'reject' }]);
    expect(rejected.status).toBe('closed_not_included');
  });

  it('objections and township returns send the case back to the home check', () => {
    const s = build([...IDENTIFICATION.slice(0, 3), { type: 'notice_finished', at: at('2024-01-09'), actor: clerk, objections: 2 }]);
    expect(s.status).toBe('home_check');
    const r = build([...IDENTIFICATION.slice(0, 4), { type: 'township_reviewed', at: at('2024-01-10'), actor: reviewer, decision: 'return', note: '收入核算有误' }]);
    expect(r.status).toBe('home_check');
  });

  it('the zod schema accepts the journey events and refuses six risk types', () => {
    for (const e of [...IDENTIFICATION, healthMeasure, propose(), ...ELIMINATION_PATH]) expect(caseEventSchema.safeParse(e).success).toBe(true);
    const six = { ...IDENTIFICATION[5]!, riskTypes: RISK_TYPES.slice(0, 6) };
    expect(caseEventSchema.safeParse(six).success).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Each guard's Chinese reason

describe('guards', () => {
  it('refuses the wrong role, naming who may act', () => {
    expect(refusal(INITIAL_CASE_STATE, { ...lead(), actor: reviewer })).toBe('只有村级信息员、县级管理员可以登记线索（当前账号：乡镇审核员）');
    expect(refusal(INITIAL_CASE_STATE, { ...lead(), actor: county })).toBeNull();
    const s = build(IDENTIFICATION.slice(0, 4));
    expect(refusal(s, { ...IDENTIFICATION[4]!, actor: county })).toBe('只有乡镇审核员可以乡镇审核（当前账号：县级管理员）');
    const c = build(IDENTIFICATION.slice(0, 5));
    expect(refusal(c, { ...IDENTIFICATION[5]!, actor: reviewer })).toContain('只有县级管理员可以县级审定');
    expect(refusal(build([lead()]), check({ actor: county }))).toContain('只有村级信息员可以记录入户核实');
  });

  it('refuses steps out of order and back-dated events', () => {
    expect(refusal(INITIAL_CASE_STATE, check())).toBe('尚未登记线索，不能记录入户核实');
    expect(refusal(build([lead()]), lead())).toBe('该案件已登记线索，不能重复登记');
    expect(refusal(build([lead()]), IDENTIFICATION[2]!)).toBe('案件当前状态为“线索”，不能开始村级评议公示');
    expect(refusal(build([lead('2024-01-05')]), check({ at: at('2024-01-04') }))).toContain('早于上一步');
  });

  it('needs commitment and authorisation signed before the notice', () => {
    const s = build([lead(), check({ commitmentSigned: false, authorisationSigned: false })]);
    expect(s.status).toBe('home_check');
    expect(refusal(s, IDENTIFICATION[2]!)).toBe('农户尚未签署承诺书和授权书，不能进入村级评议公示');
    const onlyAuth = build([lead(), check({ commitmentSigned: true, authorisationSigned: false })]);
    expect(refusal(onlyAuth, IDENTIFICATION[2]!)).toBe('农户尚未签署授权书，不能进入村级评议公示');
    // Signing later in a second visit unblocks it.
    expect(refusal(build([lead(), check({ commitmentSigned: false }), check({ at: at('2024-01-04', 9) })]), IDENTIFICATION[2]!)).toBeNull();
  });

  it('holds the notice for the configured number of days', () => {
    const s = build(IDENTIFICATION.slice(0, 2));
    expect(refusal(s, { type: 'notice_started', at: at('2024-01-04'), actor: clerk, startDate: '2024-01-04', endDate: '2024-01-06' })).toBe(
      '公示期 2024-01-04 至 2024-01-06 共 3 天，少于 5 天',
    );
    const n = build(IDENTIFICATION.slice(0, 3));
    expect(refusal(n, { type: 'notice_finished', at: at('2024-01-07'), actor: clerk, objections: 0 })).toBe(
      '公示自 2024-01-04 起仅 3 天，不足 5 天，不能结束公示',
    );
    expect(refusal(n, { type: 'notice_finished', at: at('2024-01-08'), actor: clerk, objections: 0 })).toBe('公示自 2024-01-04 起仅 4 天，不足 5 天，不能结束公示');
    // A notice posted for longer than the minimum runs to its stated end.
    const long = build([...IDENTIFICATION.slice(0, 2), { type: 'notice_started', at: at('2024-01-04'), actor: clerk, startDate: '2024-01-04', endDate: '2024-01-10' }]);
    expect(refusal(long, { type: 'notice_finished', at: at('2024-01-10'), actor: clerk, objections: 0 })).toBe('公示期至 2024-01-10 止，尚未期满，不能结束公示');
    expect(refusal(n, { type: 'notice_finished', at: at('2024-01-09'), actor: clerk, objections: 0 })).toBeNull();
    // A region with a 7-day notice.
    const config: CaseConfig = { ...DEFAULT_CASE_CONFIG, noticeDays: 7 };
    expect(refusal(n, { type: 'notice_finished', at: at('2024-01-09'), actor: clerk, objections: 0 }, { config })).toContain('不足 7 天');
  });

  it('counts notice days on the China calendar', () => {
    const n = build(IDENTIFICATION.slice(0, 3));
    // 2024-01-08T17:00Z is already 9 January in China.
    expect(refusal(n, { type: 'notice_finished', at: '2024-01-08T17:00:00Z', actor: clerk, objections: 0 })).toBeNull();
    expect(refusal(n, { type: 'notice_finished', at: '2024-01-08T15:00:00Z', actor: clerk, objections: 0 })).toContain('仅 4 天');
  });

  it('county approval needs a category and 1–5 risk types, and a disaster subtype', () => {
    const s = build(IDENTIFICATION.slice(0, 5));
    const approve = (over: object): CaseEvent => ({ ...(IDENTIFICATION[5] as Extract<CaseEvent, { type: 'county_approved' }>), ...over });
    expect(refusal(s, approve({ category: undefined }))).toBe('请选择监测对象类别（脱贫不稳定户、边缘易致贫户、突发严重困难户）');
    expect(refusal(s, approve({ riskTypes: [] }))).toBe('风险类型须选择 1 至 5 项（当前 0 项）');
    expect(refusal(s, approve({ riskTypes: RISK_TYPES.slice(0, 6) }))).toContain('风险类型须选择 1 至 5 项（当前 6 项）');
    expect(refusal(s, approve({ riskTypes: ['illness', 'illness'] }))).toBe('风险类型重复');
    expect(refusal(s, approve({ riskTypes: ['natural_disaster'] }))).toBe('“因自然灾害”风险须注明灾害类型');
    expect(refusal(s, approve({ riskTypes: ['natural_disaster'], disasterSubtype: 'flood' }))).toBeNull();
    expect(refusal(s, approve({ riskTypes: ['illness'], disasterSubtype: 'flood' }))).toBe('未选择“因自然灾害”风险，不应填写灾害类型');
  });

  it('lets the platform record a declaration or department lead, and nothing else', () => {
    const system = { userId: 'system:declaration', roles: [] as Role[], system: true };
    const declared: CaseEvent = { type: 'lead_opened', at: at('2024-01-02'), actor: system, source: 'declaration', householdId: 'h-1' };
    expect(refusal(INITIAL_CASE_STATE, declared)).toBeNull();
    expect(refusal(INITIAL_CASE_STATE, { ...declared, source: 'department' } as CaseEvent)).toBeNull();
    expect(refusal(INITIAL_CASE_STATE, { ...declared, source: 'cadre' } as CaseEvent)).toBe('系统只能登记农户自主申报和部门筛查线索，其余步骤须由经办人员办理');
    const s = applyCaseEvent(INITIAL_CASE_STATE, declared);
    expect(refusal(s, { ...check(), actor: system })).toBe('系统只能登记农户自主申报和部门筛查线索，其余步骤须由经办人员办理');
    // The 2-working-day home check runs from a declaration (2024-01-02 is a Tuesday).
    expect(deadlines(s).homeCheckDue).toBe('2024-01-04');
  });

  it('refuses a notice dated before the step that led to it', () => {
    const s = build([lead(), check()]);
    expect(refusal(s, { type: 'notice_started', at: at('2024-01-04'), actor: clerk, startDate: '2024-01-02', endDate: '2024-01-08' })).toBe(
      '公示开始日期 2024-01-02 早于上一步办理日期 2024-01-03',
    );
    expect(refusal(s, { type: 'notice_started', at: at('2024-01-04'), actor: clerk, startDate: '2024-01-03', endDate: '2024-01-07' })).toBeNull();
  });

  it('offers each role only the steps it may take in the current state', () => {
    const s = build(IDENTIFICATION.slice(0, 2));
    expect(stepsOpenTo(s, clerk.roles)).toEqual(['home_checked', 'notice_started', 'measure_updated']);
    expect(stepsOpenTo(s, reviewer.roles)).toEqual([]);
    expect(stepsOpenTo(monitored(), county.roles)).toEqual([]);
    expect(stepsOpenTo(monitored(), clerk.roles)).toEqual(['measure_added', 'measure_updated', 'elimination_proposed']);
    const disasterLead = build([{ ...lead(), disaster: true } as CaseEvent]);
    expect(stepsOpenTo(disasterLead, clerk.roles)).toContain('measure_added');
  });

  it('keeps the village proposal from the latest home check, and refuses more than 5 proposed risks', () => {
    const s = build([lead(), check({ proposedCategory: 'sudden_hardship', proposedRiskTypes: ['illness', 'accident'] })]);
    expect(s.proposal).toEqual({ category: 'sudden_hardship', riskTypes: ['illness', 'accident'], disasterSubtype: null });
    expect(build([lead(), check()]).proposal).toBeNull();
    const six = ['illness', 'disability', 'schooling', 'accident', 'business_failure', 'other'] as const;
    expect(refusal(build([lead()]), check({ proposedRiskTypes: [...six] }))).toBe('拟定风险类型最多 5 项');
    expect(refusal(build([lead()]), check({ proposedRiskTypes: ['illness', 'illness'] }))).toBe('拟定风险类型重复');
  });

  it('allows measures only once monitored, except for a disaster', () => {
    const s = build(IDENTIFICATION.slice(0, 2));
    expect(refusal(s, healthMeasure)).toBe('案件处于“入户核实中”，尚未纳入监测；仅自然灾害可先帮扶后认定');
    expect(refusal(s, healthMeasure, { disaster: true })).toBeNull();
    const early = applyCaseEvent(s, healthMeasure);
    expect(early.measures[0]!.beforeIdentification).toBe(true);
    expect(monitored().measures[0]!.beforeIdentification).toBe(false);
    expect(refusal(monitored(), healthMeasure)).toBe('措施编号 m-1 已存在');
    // A lead opened for a disaster carries the exception in its own event, so a replay keeps allowing it.
    const disasterLead = build([{ ...lead(), disaster: true } as CaseEvent, check()]);
    expect(disasterLead.disaster).toBe(true);
    expect(refusal(disasterLead, healthMeasure)).toBeNull();
    expect(refusal(monitored(), { ...healthMeasure, measureId: 'm-2', owner: ' ', amountFen: -1 })).toBe(
      '请填写措施责任人或责任单位；帮扶金额必须是不小于 0 的整数（分）',
    );
  });

  it('updates measures with an actual date when done, never back from done', () => {
    const s = monitored();
    expect(refusal(s, upd({}))).toBe('措施完成须填写实际完成日期');
    expect(refusal(s, upd({ measureId: 'x' }))).toBe('未找到措施 x');
    const done = build([...IDENTIFICATION, healthMeasure, upd({ actualDate: '2024-02-01' })]);
    expect(done.measures[0]).toMatchObject({ status: 'done', actualDate: '2024-02-01' });
    expect(refusal(done, upd({ status: 'in_progress' }))).toBe('已完成的措施不能改回未完成');
  });

  describe('elimination proposal', () => {

    it('is accepted when every condition holds', () => {
      expect(refusal(monitored(), propose(), ctx())).toBeNull();
    });

    it('never for a household where nobody can work', () => {
      expect(refusal(monitored(), propose(), ctx({ membersAbleToWork: 0 }))).toBe('家庭无劳动能力成员（0 人），不标注风险消除，应纳入兜底保障并继续监测');
      expect(refusal(monitored(), propose('2024-08-01', 'natural'), ctx({ membersAbleToWork: 0 }))).toContain('兜底保障');
    });

    it('needs the minimum number of measures', () => {
      const noMeasure = build(IDENTIFICATION);
      const reason = refusal(noMeasure, propose(), ctx());
      expect(reason).toContain('已落实帮扶措施 0 项，少于要求的 1 项');
      expect(refusal(monitored(), propose(), ctx({}, { ...DEFAULT_CASE_CONFIG, minMeasures: 2 }))).toBe('已落实帮扶措施 1 项，少于要求的 2 项');
    });

    it('needs six months of monitoring since the county approval', () => {
      expect(refusal(monitored(), propose('2024-07-11'), ctx())).toBe('纳入监测 5 个月（2024-01-12 审定），不满 6 个月');
      expect(refusal(monitored(), propose('2024-07-12'), ctx())).toBeNull();
    });

    it('needs income stably above the line for six months', () => {
      expect(refusal(monitored(), propose(), ctx({ incomeAboveLineMonths: 4 }))).toBe('收入稳定超过监测线 4 个月，不满 6 个月');
    });

    it('needs the problem flags cleared', () => {
      expect(refusal(monitored(), propose(), ctx({ problemFlagsCleared: false }))).toBe('“三保障”和饮水安全问题尚未全部解决，不能提出风险消除');
    });

    it('refuses 帮扶消除 with income below the line, but not 自然消除 on that ground', () => {
      expect(refusal(monitored(), propose(), ctx({ perCapitaAboveLine: false }))).toBe('人均纯收入未超过当年监测线，不能以“帮扶消除”方式消除风险');
      expect(refusal(monitored(), propose('2024-08-01', 'natural'), ctx({ perCapitaAboveLine: false }))).toBeNull();
    });

    it('needs a measure matching each risk type', () => {
      const industry: CaseEvent = { ...healthMeasure, category: 'industry' };
      const s = build([...IDENTIFICATION, industry]);
      expect(refusal(s, propose(), ctx())).toBe('缺少与致贫风险对应的帮扶措施：因病风险需有健康帮扶、社会帮扶、综合保障措施');
      const schooling = build([
        ...IDENTIFICATION.slice(0, 5),
        { type: 'county_approved', at: at('2024-01-12'), actor: county, decision: 'approve', category: 'unstable', riskTypes: ['schooling'] },
        healthMeasure,
      ]);
      expect(refusal(schooling, propose(), ctx())).toContain('因学风险需有义务教育保障、教育帮扶措施');
    });

    it('needs the household facts, and lists every failing condition', () => {
      expect(refusal(monitored(), propose(), {})).toBe('缺少家庭收入、劳动力和“两不愁三保障”核实数据，不能提出风险消除');
      const all = eliminationProblems(build(IDENTIFICATION), 'through_help', '2024-03-01', ctx({ membersAbleToWork: 0, incomeAboveLineMonths: 1, problemFlagsCleared: false, perCapitaAboveLine: false }));
      expect(all).toHaveLength(7);
    });

    it('is re-checked at the county approval', () => {
      const s = build([...IDENTIFICATION, healthMeasure, propose(), ...ELIMINATION_PATH.slice(0, 3)], ctx());
      expect(refusal(s, ELIMINATION_PATH[3]!, ctx({ membersAbleToWork: 0 }))).toContain('不标注风险消除');
      expect(refusal(s, { ...ELIMINATION_PATH[3]!, decision: 'reject' } as CaseEvent, ctx({ membersAbleToWork: 0 }))).toBeNull();
    });
  });

  it('rolls back only from eliminated, with a reason, by the county', () => {
    expect(refusal(monitored(), rb())).toBe('案件当前状态为“监测对象（帮扶中）”，不能回退风险消除');
    const done = build([...IDENTIFICATION, healthMeasure, propose(), ...ELIMINATION_PATH], { facts: GOOD_FACTS });
    expect(refusal(done, rb({ reason: '' }))).toBe('回退风险消除须填写理由');
    expect(refusal(done, rb({ actor: clerk }))).toContain('只有县级管理员可以回退风险消除');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Deadlines, dates, config

describe('deadlines', () => {
  it('identification is due 15 days after the lead, while identification is under way', () => {
    expect(deadlines(build([lead('2024-01-02')]))).toEqual({ identificationDue: '2024-01-17' });
    expect(deadlines(build(IDENTIFICATION.slice(0, 4))).identificationDue).toBe('2024-01-17');
    expect(deadlines(build([lead(), check({ finding: 'not_include' })]))).toEqual({});
  });

  it('measures are due 10 days after approval until one exists', () => {
    expect(deadlines(build(IDENTIFICATION))).toEqual({ measuresDue: '2024-01-22' });
    expect(deadlines(monitored())).toEqual({});
    expect(deadlines(build(IDENTIFICATION), { ...DEFAULT_CASE_CONFIG, measuresDays: 5 })).toEqual({ measuresDue: '2024-01-17' });
  });

  it('a self-declaration needs a home check within 2 working days', () => {
    // Friday 2024-01-05 → Tuesday 2024-01-09.
    const s = build([{ type: 'lead_opened', at: at('2024-01-05'), actor: clerk, source: 'declaration', householdId: 'h-2' }]);
    expect(deadlines(s)).toEqual({ identificationDue: '2024-01-20', homeCheckDue: '2024-01-09' });
  });

  it('counts whole months', () => {
    expect(monthsBetween('2024-01-31', '2024-02-29')).toBe(0);
    expect(monthsBetween('2024-01-12', '2024-07-12')).toBe(6);
    expect(monthsBetween('2023-11-12', '2024-05-11')).toBe(5);
  });
});

describe('caseConfigSchema', () => {
  it('fills defaults and keeps the 5-day floor', () => {
    expect(caseConfigSchema.parse({})).toEqual(DEFAULT_CASE_CONFIG);
    const r = caseConfigSchema.safeParse({ noticeDays: 3 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('公示天数不能小于 5');
    expect(caseConfigSchema.safeParse({ noticeDay: 7 }).success).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Property tests: any sequence of attempted actions keeps the invariants

/** Written out again here, not imported, so a wrong table in the code cannot agree with itself. */
const WHO: Record<CaseEventType, Role[]> = {
  lead_opened: ['village_clerk', 'county_admin'],
  home_checked: ['village_clerk'],
  notice_started: ['village_clerk'],
  notice_finished: ['village_clerk'],
  township_reviewed: ['township_reviewer'],
  county_approved: ['county_admin'],
  measure_added: ['village_clerk'],
  measure_updated: ['village_clerk'],
  elimination_proposed: ['village_clerk'],
  elimination_notice_started: ['village_clerk'],
  elimination_notice_finished: ['village_clerk'],
  elimination_township_reviewed: ['township_reviewer'],
  elimination_county_approved: ['county_admin'],
  elimination_rolled_back: ['county_admin'],
};

/** The step that would move a case on from each state, so random runs get far enough to test elimination. */
const NEXT: Record<CaseStatus | 'none', CaseEventType[]> = {
  none: ['lead_opened'],
  lead: ['home_checked'],
  home_check: ['home_checked', 'notice_started'],
  in_notice: ['notice_finished'],
  township_review: ['township_reviewed'],
  county_approval: ['county_approved'],
  monitored: ['measure_added', 'measure_updated', 'elimination_proposed'],
  elimination_proposed: ['elimination_notice_started'],
  elimination_in_notice: ['elimination_notice_finished'],
  elimination_township_review: ['elimination_township_reviewed'],
  elimination_county_approval: ['elimination_county_approved'],
  eliminated: ['elimination_rolled_back'],
  closed_not_included: ['lead_opened'],
};

const ROLE_POOL: Role[] = ['village_clerk', 'township_reviewer', 'county_admin', 'viewer', 'department'];

const stepArb = fc.record({
  followPath: fc.double({ min: 0, max: 1, noNaN: true }),
  typeIndex: fc.nat(),
  rightRole: fc.double({ min: 0, max: 1, noNaN: true }),
  roles: fc.subarray(ROLE_POOL),
  // Mostly forward in time, a month at most, occasionally backwards.
  hours: fc.integer({ min: -24, max: 24 * 40 }),
  flag: fc.boolean(),
  flag2: fc.boolean(),
  pick: fc.nat(),
  noticeLen: fc.integer({ min: 1, max: 9 }),
  risks: fc.subarray([...RISK_TYPES], { maxLength: 7 }),
  // Biased towards the categories the consistency rule asks for, so some cases can be eliminated at all.
  measureCategory: fc.oneof(fc.constantFrom('health', 'social_assistance', 'education', 'compulsory_education'), fc.constantFrom(...MEASURE_CATEGORIES)),
  goodFacts: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < 0.8),
  facts: fc.record({
    incomeAboveLineMonths: fc.integer({ min: 0, max: 12 }),
    problemFlagsCleared: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < 0.85),
    membersAbleToWork: fc.integer({ min: 0, max: 3 }),
    perCapitaAboveLine: fc.option(fc.boolean(), { nil: undefined }),
  }),
});
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

const configArb = fc.record({
  noticeDays: fc.integer({ min: 5, max: 8 }),
  minMeasures: fc.integer({ min: 0, max: 3 }),
  minMonitoredMonths: fc.integer({ min: 0, max: 8 }),
  minStableIncomeMonths: fc.integer({ min: 0, max: 8 }),
  identificationDays: fc.constant(15),
  measuresDays: fc.constant(10),
  homeCheckWorkingDays: fc.constant(2),
});

const START_MS = Date.parse('2024-01-01T02:00:00Z');

function makeEvent(state: CaseState, step: Step, ms: number): CaseEvent {
  const options = NEXT[state.status ?? 'none'];
  const type = step.followPath < 0.8 ? options[step.typeIndex % options.length]! : CASE_EVENT_TYPES[step.typeIndex % CASE_EVENT_TYPES.length]!;
  const who = WHO[type];
  const roles = step.rightRole < 0.8 ? [who[step.pick % who.length]!] : step.roles;
  const base = { at: new Date(ms).toISOString(), actor: { userId: 'u', roles } };
  const today = new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
  const plus = (d: number) => new Date(Date.parse(today) + d * 86_400_000).toISOString().slice(0, 10);
  const measureIds = state.measures.map((m) => m.measureId);
  switch (type) {
    case 'lead_opened':
      return { ...base, type, source: 'cadre', householdId: 'h' };
    case 'home_checked':
      return { ...base, type, commitmentSigned: step.flag || step.rightRole < 0.5, authorisationSigned: step.flag2 || step.rightRole < 0.5, finding: step.pick % 10 === 0 ? 'not_include' : 'include', note: '核实' };
    case 'notice_started':
    case 'elimination_notice_started':
      return { ...base, type, startDate: today, endDate: plus(step.noticeLen - 1) };
    case 'notice_finished':
    case 'elimination_notice_finished':
      return { ...base, type, objections: step.pick % 8 === 0 ? 1 : 0 };
    case 'township_reviewed':
    case 'elimination_township_reviewed':
      return { ...base, type, decision: step.pick % 6 === 0 ? 'return' : 'pass', note: '理由' };
    case 'county_approved':
      return {
        ...base,
        type,
        decision: step.pick % 9 === 0 ? 'reject' : 'approve',
        category: step.flag2 || step.rightRole < 0.6 ? 'marginal' : undefined,
        riskTypes: step.rightRole < 0.6 ? step.risks.slice(0, 2) : step.risks,
        disasterSubtype: step.flag ? 'flood' : undefined,
      };
    case 'measure_added':
      return { ...base, type, measureId: `m${step.pick % 6}`, category: step.measureCategory, owner: '驻村工作队', plannedDate: plus(10), amountFen: step.pick % 100_000 };
    case 'measure_updated':
      return { ...base, type, measureId: measureIds[step.pick % Math.max(1, measureIds.length)] ?? 'none', status: (['planned', 'in_progress', 'done'] as const)[step.pick % 3]!, actualDate: step.flag ? today : undefined };
    case 'elimination_proposed':
      return { ...base, type, way: step.flag ? 'through_help' : 'natural' };
    case 'elimination_county_approved':
      return { ...base, type, decision: step.pick % 7 === 0 ? 'reject' : 'approve' };
    case 'elimination_rolled_back':
      return { ...base, type, reason: step.flag ? '' : '再次返贫风险' };
  }
}

describe('case workflow properties', () => {
  it('any sequence of attempted steps keeps the invariants', () => {
    let reachedEliminated = 0;
    let reachedMonitored = 0;
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 30, maxLength: 100 }), configArb, fc.boolean(), (steps, config, disaster) => {
        let state: CaseState = INITIAL_CASE_STATE;
        let ms = START_MS;
        const accepted: CaseEvent[] = [];
        for (const step of steps) {
          ms += step.hours * 3600_000;
          const event = makeEvent(state, step, ms);
          const facts = step.goodFacts ? GOOD_FACTS : step.facts;
          const context: CaseContext = { config, disaster, facts };
          const d = decide(state, event, context);
          if (!d.ok) {
            // A refusal always says why, in Chinese, and changes nothing.
            expect(d.reason).toMatch(/[\u4e00-\u9fa5]/);
            continue;
          }
          // No step by a role not allowed to take it.
          expect(event.actor.roles.some((r) => WHO[event.type].includes(r))).toBe(true);
          const before = state;
          state = applyCaseEvent(state, event);
          accepted.push(event);

          // Elimination only with the guards holding at that moment.
          if (state.status === 'eliminated' && before.status !== 'eliminated') {
            reachedEliminated++;
            expect(before.status).toBe('elimination_county_approval');
            expect(state.measures.length).toBeGreaterThanOrEqual(config.minMeasures);
            expect(facts.membersAbleToWork).toBeGreaterThan(0);
            expect(facts.incomeAboveLineMonths).toBeGreaterThanOrEqual(config.minStableIncomeMonths);
            expect(facts.problemFlagsCleared).toBe(true);
            const approved = new Date(Date.parse(state.approvedAt!) + 8 * 3600_000).toISOString().slice(0, 10);
            const today = new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
            expect(monthsBetween(approved, today)).toBeGreaterThanOrEqual(config.minMonitoredMonths);
            if (state.riskTypes.includes('illness')) expect(state.measures.some((m) => ['health', 'social_help', 'social_assistance'].includes(m.category))).toBe(true);
            if (state.riskTypes.includes('schooling')) expect(state.measures.some((m) => ['compulsory_education', 'education'].includes(m.category))).toBe(true);
          }
          if (state.status === 'monitored') reachedMonitored++;
          // Never more than five risk types; a monitored household has at least one.
          expect(state.riskTypes.length).toBeLessThanOrEqual(MAX_RISK_TYPES);
          if (state.status === 'monitored') expect(state.riskTypes.length).toBeGreaterThanOrEqual(1);
          // Measures exist before approval only under the disaster exception.
          if (!disaster) expect(state.measures.every((m) => !m.beforeIdentification)).toBe(true);
          expect(CASE_STATES).toContain(state.status);
        }
        // Replaying the stored events gives exactly the state built step by step.
        expect(replay(accepted)).toEqual(state);
        expect(state.eventCount).toBe(accepted.length);
      }),
      { numRuns: 400 },
    );
    // The generator must actually exercise the whole path, or the elimination invariant is empty.
    expect(reachedMonitored).toBeGreaterThan(0);
    expect(reachedEliminated).toBeGreaterThan(0);
  });

  it('replay is a pure fold: replay(prefix + e) = apply(replay(prefix), e), and events are not mutated', () => {
    const events = [...IDENTIFICATION, healthMeasure, propose(), ...ELIMINATION_PATH];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: events.length - 1 }), (n) => {
        const copy = structuredClone(events);
        expect(replay(events.slice(0, n + 1))).toEqual(applyCaseEvent(replay(events.slice(0, n)), events[n]!));
        expect(events).toEqual(copy);
      }),
    );
  });

  it('decide never throws and refuses every event from a role outside the table', () => {
    fc.assert(
      fc.property(stepArb, fc.constantFrom(...CASE_EVENT_TYPES), (step, type) => {
        const state = monitored();
        const outsider = ROLE_POOL.filter((r) => !WHO[type].includes(r));
        const event = { ...makeEvent(state, step, Date.parse('2024-09-01T02:00:00Z')), type } as CaseEvent;
        const e = { ...event, actor: { userId: 'x', roles: outsider } } as CaseEvent;
        const d = decide(state, e, { facts: step.facts });
        expect(d.ok).toBe(false);
      }),
    );
  });
});
