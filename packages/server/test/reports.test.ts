import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DEFAULT_CASE_CONFIG, type CaseEvent } from '@zengshou/core';
import { startTestEnv, type TestEnv, type TestClient, R } from './harness.ts';
import { idNumber } from './support/registry-factory.ts';
import { monitoredCaseEvents } from './support/case-factory.ts';
import { setLine } from '../src/modules/monitoring/monitoring.repository.ts';
import { CasesService, storeCaseHistory } from '../src/modules/cases/cases.service.ts';
import { queryRows, sql } from '../src/platform/db/sql.ts';

const DAY = 86_400_000;
const T1 = R.township; // 保和镇
const T2 = R.siblingTownship; // 叶枝镇
const T2_VILLAGE = '533423102201';
type Client = TestClient & { userId: string; username: string };

let env: TestEnv;
let clerk: Client;
let clerkT2: Client;
let clerkShangriLa: Client;
let reviewer: Client;
let county: Client;
let counter = 0;

/** Every step the fixture takes, with its township and China date: the expected figures are counted from here. */
const log: { township: string; kind: string; date: string }[] = [];
const townshipOf = new Map<string, string>();

const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
const today = () => new Date(env.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** Moves the clock to a date and signs everyone in again (sessions time out over weeks, as they should). */
async function moveTo(date: string) {
  env.clock.set(at(date));
  for (const c of [clerk, clerkT2, clerkShangriLa, reviewer, county]) expect((await c.login(c.username)).statusCode).toBe(200);
}

async function household(c: Client, village: string, headName = `和${counter + 1}`) {
  const no = `RP-${++counter}`;
  const h = await c.post('/api/households', { householdNo: no, villageCode: village, address: '一组', householdType: 'poverty_exit', assistanceStatus: 'none', phone: '13800138000' });
  expect(h.statusCode, h.body).toBe(201);
  const id = h.json().household.id as string;
  const county6 = village.slice(0, 6);
  const m = await c.post('/api/members', { householdId: id, name: headName, idNumber: idNumber('19700101', county6), relation: 'head', labourCapacity: 'normal', health: 'healthy', schooling: 'primary', schoolingStatus: 'not_applicable', employmentStatus: 'farming' });
  expect(m.statusCode, m.body).toBe(201);
  return { id, no, village };
}

interface CaseBody { id: string; version: number; caseNo: string; status: string }

async function step(who: Client, c: CaseBody, event: Record<string, unknown>, kind?: string): Promise<CaseBody> {
  const res = await who.post(`/api/cases/${c.id}/events`, { expectedVersion: c.version, event });
  expect(res.statusCode, res.body).toBe(200);
  if (kind) log.push({ township: townshipOf.get(c.id)!, kind, date: today() });
  return res.json();
}

async function openLead(who: Client, h: { id: string; village: string }): Promise<CaseBody> {
  const res = await who.post('/api/cases', { householdId: h.id, source: 'cadre' });
  expect(res.statusCode, res.body).toBe(201);
  log.push({ township: h.village.slice(0, 9), kind: 'lead', date: today() });
  townshipOf.set(res.json().id, h.village.slice(0, 9));
  return res.json();
}

const CHECK = { type: 'home_checked', commitmentSigned: true, authorisationSigned: true, finding: 'include', note: '入户核实', proposedCategory: 'unstable', proposedRiskTypes: ['unstable_employment'] };

async function readSheet(body: Buffer, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name);
  expect(ws, `sheet ${name}`).toBeTruthy();
  const rows: unknown[][] = [];
  ws!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

async function exportsAudited(entity: string) {
  return queryRows<{ username: string; detail: Record<string, unknown> }>(env.db.orm, sql`SELECT username, detail FROM audit_log WHERE action = 'export' AND entity = ${entity} ORDER BY seq`);
}

/** Steps of a kind the fixture took in a township in March 2026. */
const march = (township: string, kind: string) => log.filter((l) => l.township === township && l.kind === kind && l.date.startsWith('2026-03')).length;

const fixture: Record<string, { id: string; no: string; village: string }> = {};

beforeAll(async () => {
  env = await startTestEnv();
  await env.db.transaction(async (tx) => {
    for (const year of [2025, 2026]) await setLine(tx, { regionCode: '53', year, amountFen: 870_000, method: 'manual', inputs: null, note: null, by: null, at: env.clock.now() });
  });
  env.clock.set(at('2026-02-20'));
  clerk = await env.as('village_clerk', T1);
  clerkT2 = await env.as('village_clerk', T2_VILLAGE);
  clerkShangriLa = await env.as('village_clerk', R.otherCountyVillage);
  reviewer = await env.as('township_reviewer', T1);
  county = await env.as('county_admin', R.county);

  // February: A (T1) is opened and checked; X (T2) is opened and checked, and then left to run late.
  for (const key of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']) fixture[key] = await household(clerk, key === 'G' ? R.siblingVillage : R.village);
  fixture.X = await household(clerkT2, T2_VILLAGE);
  let a = await openLead(clerk, fixture.A!);
  a = await step(clerk, a, CHECK);
  let x = await openLead(clerkT2, fixture.X!);
  x = await step(clerkT2, x, CHECK);

  // March 3: A's notice goes up; B is found not to need inclusion; C is opened and left as a lead; E starts.
  await moveTo('2026-03-03');
  a = await step(clerk, a, { type: 'notice_started', startDate: today(), endDate: plusDays(today(), 4) });
  const b = await openLead(clerk, fixture.B!);
  await step(clerk, b, { ...CHECK, finding: 'not_include' }, 'not_included');
  await openLead(clerk, fixture.C!);
  let e = await openLead(clerk, fixture.E!);
  e = await step(clerk, e, CHECK);
  e = await step(clerk, e, { type: 'notice_started', startDate: today(), endDate: plusDays(today(), 4) });

  // March 9: A is included and gets a measure; E's notice ends and it waits for the township.
  await moveTo('2026-03-09');
  a = await step(clerk, a, { type: 'notice_finished', objections: 0 });
  a = await step(reviewer, a, { type: 'township_reviewed', decision: 'pass', note: '' });
  a = await step(county, a, { type: 'county_approved', decision: 'approve', category: 'unstable', riskTypes: ['unstable_employment'] }, 'approved');
  a = await step(clerk, a, { type: 'measure_added', measureId: 'm-1', category: 'employment', owner: '县人社局', plannedDate: '2026-04-30' }, 'measure_added');
  a = await step(clerk, a, { type: 'measure_added', measureId: 'm-2', category: 'industry', owner: '县农业农村局', plannedDate: '2026-05-30' }, 'measure_added');
  e = await step(clerk, e, { type: 'notice_finished', objections: 0 });

  // March 10: one measure done (recorded twice: it still counts once).
  await moveTo('2026-03-10');
  a = await step(clerk, a, { type: 'measure_updated', measureId: 'm-1', status: 'done', actualDate: today() }, 'measure_done');
  a = await step(clerk, a, { type: 'measure_updated', measureId: 'm-1', status: 'done', actualDate: today() });

  // H: monitored since January 2025, its elimination approved by the county on 12 March 2026 (stored history).
  const actor = (role: 'village_clerk' | 'township_reviewer' | 'county_admin') => ({ userId: clerk.userId, roles: [role] });
  const elimination: CaseEvent[] = [
    ...monitoredCaseEvents(fixture.H!.id),
    { type: 'measure_updated', at: '2025-03-01T10:00:00+08:00', actor: actor('village_clerk'), measureId: 'm-1', status: 'done', actualDate: '2025-03-01' },
    { type: 'elimination_proposed', at: '2026-03-05T10:00:00+08:00', actor: actor('village_clerk'), way: 'through_help' },
    { type: 'elimination_notice_started', at: '2026-03-05T11:00:00+08:00', actor: actor('village_clerk'), startDate: '2026-03-05', endDate: '2026-03-09' },
    { type: 'elimination_notice_finished', at: '2026-03-10T10:00:00+08:00', actor: actor('village_clerk'), objections: 0 },
    { type: 'elimination_township_reviewed', at: '2026-03-11T10:00:00+08:00', actor: actor('township_reviewer'), decision: 'pass', note: '' },
    { type: 'elimination_county_approved', at: '2026-03-12T10:00:00+08:00', actor: actor('county_admin'), decision: 'approve' },
  ];
  await env.db.transaction((tx) =>
    storeCaseHistory(tx, { countyCode: R.county, householdId: fixture.H!.id, villageCode: R.village }, elimination, {
      config: DEFAULT_CASE_CONFIG, caseNo: `${R.county}-2025-H0001`, source: 'cadre', warningId: null, actorName: () => '测试',
      facts: { incomeAboveLineMonths: 12, problemFlagsCleared: true, membersAbleToWork: 1, perCapitaAboveLine: true },
    }),
  );
  log.push({ township: T1, kind: 'lead', date: '2025-01-02' }, { township: T1, kind: 'approved', date: '2025-01-12' }, { township: T1, kind: 'measure_added', date: '2025-01-15' },
    { township: T1, kind: 'measure_done', date: '2025-03-01' }, { township: T1, kind: 'eliminated', date: '2026-03-12' });

  // April 2: another measure for A and a self-declared lead for D — both outside March.
  await moveTo('2026-04-02');
  a = await step(clerk, a, { type: 'measure_added', measureId: 'm-3', category: 'health', owner: '县卫健局', plannedDate: '2026-06-30' }, 'measure_added');
  await env.db.transaction((tx) => new CasesService(env.deps).openSystemLead(tx, { countyCode: R.county, householdId: fixture.D!.id, villageCode: R.village, source: 'declaration' }));
  log.push({ township: T1, kind: 'lead', date: today() });

  // Warnings (stored straight, as an evaluation would): F overdue, G not yet due, one closed, one in T2.
  const warn = (h: { id: string; village: string }, status: string, dueAt: string, title: string) => env.db.orm.execute(sql`INSERT INTO warnings
      (county_code, household_id, village_code, rule_id, rule_version, status, title, explanation, score, facts, opened_at, due_at, updated_at)
    VALUES (${h.village.slice(0, 6)}, ${h.id}::uuid, ${h.village}, 'below_line', '1', ${status}, ${title}, '说明', 50, '{}'::jsonb,
      ${at('2026-03-01').toISOString()}::timestamptz, ${at(dueAt).toISOString()}::timestamptz, ${at('2026-03-01').toISOString()}::timestamptz)`);
  await warn(fixture.F!, 'open', '2026-03-11', '=HYPERLINK("http://x")人均纯收入低于监测线');
  await warn(fixture.G!, 'open', '2026-04-20', '人均纯收入低于监测线');
  await warn(fixture.G!, 'closed', '2026-03-11', '已处置');
  await warn(fixture.X!, 'open', '2026-03-11', '人均纯收入低于监测线');
}, 120_000);
afterAll(async () => env?.close());

describe('county monthly dispatch (县级每月调度)', () => {
  it('counts the month’s case work per township, as the fixture’s own steps say', async () => {
    const res = await county.get(`/api/reports/dispatch?region=${R.county}&month=2026-03`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    const row = (code: string) => report.progress.rows.find((r: { code: string }) => r.code === code);
    for (const t of [T1, T2]) {
      expect(row(t), t).toMatchObject({
        leadsOpened: march(t, 'lead'), identificationsApproved: march(t, 'approved'), eliminationsApproved: march(t, 'eliminated'),
        notIncluded: march(t, 'not_included'), measuresAdded: march(t, 'measure_added'), measuresCompleted: march(t, 'measure_done'),
      });
    }
    // By hand: T1 opened B, C, E (A and D fall outside March); 2 measures added, 1 done; H eliminated; B not included.
    expect(row(T1)).toMatchObject({ leadsOpened: 3, identificationsApproved: 1, eliminationsApproved: 1, notIncluded: 1, measuresAdded: 2, measuresCompleted: 1 });
    // Overdue at 31 March: C (opened 3 March, due 18 March, still a lead) in T1; X (due 7 March, still at home check) in T2.
    // E is in the township's hands but its 15 days also ran out on 18 March.
    expect(row(T1).overdueAtMonthEnd).toBe(2);
    expect(row(T2).overdueAtMonthEnd).toBe(1);
    expect(report.progress.total.leadsOpened).toBe(report.progress.rows.reduce((s: number, r: { leadsOpened: number }) => s + r.leadsOpened, 0));
    expect(report.period).toMatchObject({ year: 2026, quarter: 1, asOf: '2026-03-31' });
    // Nine one-person households in Weixi so far (A–H in 保和镇, X in 叶枝镇).
    expect(report.figures.find((f: { label: string }) => f.label === '农户合计').value).toBe('9 户 9 人');

    // February: A and X opened.
    const feb = (await county.get(`/api/reports/dispatch?region=${R.county}&month=2026-02`)).json();
    expect(feb.progress.total).toMatchObject({ leadsOpened: 2, identificationsApproved: 0 });
  });

  it('exports the same rows to .xlsx, audited, with a title row', async () => {
    const json = (await county.get(`/api/reports/dispatch?region=${R.county}&month=2026-03`)).json();
    const res = await county.get(`/api/reports/dispatch.xlsx?region=${R.county}&month=2026-03`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readSheet(res.rawPayload, '本月工作进展');
    expect(String(rows[0]![0])).toContain('维西傈僳族自治县 2026年3月 县级每月调度报告');
    expect(String(rows[1]![0])).toMatch(/^生成时间：2026-04-02 10:00/);
    const body = rows.slice(3, -1);
    expect(body).toEqual(json.progress.rows.map((r: Record<string, number | string>) => [r.name, r.leadsOpened, r.identificationsApproved, r.eliminationsApproved, r.notIncluded, r.measuresAdded, r.measuresCompleted, r.overdueAtMonthEnd]));
    expect(rows.at(-1)![0]).toBe('合计');
    const figures = await readSheet(res.rawPayload, '调度概况');
    expect(figures.slice(3)).toEqual(json.figures.map((f: { section: string; label: string; value: string }) => [f.section, f.label, f.value]));
    const audited = await exportsAudited('report_dispatch');
    expect(audited.at(-1)).toMatchObject({ username: county.username, detail: { month: '2026-03', format: 'xlsx' } });
  });

  it('reports the income of the last quarter collected: a month whose quarter has barely any income shows the one before', async () => {
    const sections = async (month: string) => ((await county.get(`/api/reports/dispatch?region=${R.county}&month=${month}`)).json().figures as { section: string }[]).map((f) => f.section);
    const [h] = (await env.db.pool.query('SELECT id FROM households WHERE county_code = $1 ORDER BY household_no LIMIT 1', [R.county])).rows as { id: string }[];
    const saved = await county.post('/api/income-records', { householdId: h!.id, year: 2026, quarter: 1, items: { wageOther: '3000' } });
    expect(saved.statusCode, saved.body).toBe(201);
    // Expected from the records themselves: per quarter up to 2026 Q2, the households with a valid current record;
    // the latest quarter with at least half the best count.
    const counts = (await env.db.pool.query(`SELECT year, quarter, count(DISTINCT household_id)::int AS n FROM income_records
      WHERE county_code = $1 AND superseded_at IS NULL AND status = 'valid' AND year BETWEEN 2024 AND 2026 AND (year < 2026 OR quarter <= 2)
      GROUP BY year, quarter`, [R.county])).rows as { year: number; quarter: number; n: number }[];
    expect(counts.filter((c) => c.year === 2026 && c.quarter === 2)).toEqual([]);
    const most = Math.max(...counts.map((c) => c.n));
    const expected = counts.filter((c) => c.n * 2 >= most).sort((a, b) => b.year * 10 + b.quarter - (a.year * 10 + a.quarter))[0]!;
    const may = await sections('2026-05');
    expect(may).toContain(`收入（${expected.year}年第${expected.quarter}季度累计）`);
    expect(may).not.toContain('收入（2026年第2季度累计）');
  });

  it('keeps to the caller’s scope', async () => {
    expect((await county.get(`/api/reports/dispatch?region=${R.otherCounty}&month=2026-03`)).statusCode).toBe(404);
    expect((await county.get('/api/reports/dispatch?month=2026-13')).statusCode).toBe(400);
  });
});

describe('township half-monthly review (乡级半月研判)', () => {
  it('lists exactly the households that need a decision, by village, masked, and nothing from another township', async () => {
    const res = await reviewer.get(`/api/reports/township-review?date=2026-04-02`);
    expect(res.statusCode, res.body).toBe(200);
    const review = res.json();
    expect(review.period).toMatchObject({ half: 1, label: '2026年4月上半月' });
    const items = review.villages.flatMap((v: { items: unknown[] }) => v.items) as { householdNo: string; kind: string; headName: string; villageCode: string }[];
    // C: a lead past its 15 days; E: waiting for the township; D: declared, not visited; F: warning past due, no case.
    expect(items.map((i) => [i.householdNo, i.kind]).sort()).toEqual([
      [fixture.C!.no, 'identification_overdue'], [fixture.D!.no, 'declaration_unvisited'], [fixture.E!.no, 'township_review'], [fixture.F!.no, 'warning_overdue'],
    ].sort());
    expect(review.households).toBe(4);
    expect(items.every((i) => i.villageCode.startsWith(T1))).toBe(true);
    expect(items.find((i) => i.householdNo === fixture.C!.no)!.headName).toMatch(/^和\*+$/);
    expect(res.body).not.toMatch(/13800138000|19700101/);
    // The reviewer may not look at the next township.
    expect((await reviewer.get(`/api/reports/township-review?region=${T2}&date=2026-04-02`)).statusCode).toBe(404);
    const t2 = (await county.get(`/api/reports/township-review?region=${T2}&date=2026-04-20`)).json();
    expect(t2.period.half).toBe(2);
    expect(t2.villages.flatMap((v: { items: { householdNo: string }[] }) => v.items.map((i) => i.householdNo)).sort()).toEqual([fixture.X!.no, fixture.X!.no]);
  });

  it('exports the list, neutralising a formula in a warning title, and audits it', async () => {
    const json = (await reviewer.get('/api/reports/township-review?date=2026-04-02')).json();
    const res = await reviewer.get('/api/reports/township-review.xlsx?date=2026-04-02');
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload, '研判清单');
    expect(String(rows[0]![0])).toContain('2026年4月上半月 乡级半月研判清单（共 4 户）');
    const items = json.villages.flatMap((v: { items: Record<string, string | null>[] }) => v.items);
    expect(rows.slice(3).map((r) => r[2])).toEqual(items.map((i: { householdNo: string }) => i.householdNo));
    const warningRow = rows.slice(3).find((r) => r[2] === fixture.F!.no)!;
    expect(String(warningRow[5]).startsWith('=')).toBe(false);
    expect(String(warningRow[5])).toContain('HYPERLINK');
    expect((await exportsAudited('report_township_review')).at(-1)).toMatchObject({ username: reviewer.username, detail: { households: 4, unmasked: false } });
  });
});

describe('quarterly assessment (季度考核)', () => {
  let viewer: Client;
  let cityAdmin: Client;

  /** A household with Q1 income in 2025 and 2026; business net 900 yuan, then 400 if it fell, else 1,400. */
  async function comparable(c: Client, village: string, fell: boolean) {
    const h = await household(c, village);
    for (const [year, business] of [[2025, '1000'], [2026, fell ? '500' : '1500']] as const) {
      const r = await c.post('/api/income-records', { householdId: h.id, year, quarter: 1, items: { wageOther: '3000', businessPlanting: business, costPlanting: '100' } });
      expect(r.statusCode, r.body).toBe(201);
    }
  }

  beforeAll(async () => {
    // Weixi: 10 comparable households, 3 whose business income fell (30 %). Shangri-La: 8, 1 fell (12.5 %).
    for (let i = 0; i < 10; i++) await comparable(clerk, R.village, i < 3);
    for (let i = 0; i < 8; i++) await comparable(clerkShangriLa, R.otherCountyVillage, i < 1);
    viewer = await env.as('viewer', R.city);
    cityAdmin = await env.as('county_admin', R.city);
  }, 120_000);

  it('scores counties by seed 002’s rule against the city as a whole', async () => {
    const res = await viewer.get(`/api/reports/assessment?region=${R.city}&year=2026&quarter=1`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    // City: 4 of 18 = 22.22 %. Weixi 30.00 − 22.22 = 7.78 points → 3.89 off → 96.11. The others lose nothing.
    expect(report.reference.business_fell_share).toBeCloseTo(4 / 18, 10);
    const byCode = Object.fromEntries(report.scores.map((s: { code: string }) => [s.code, s]));
    expect(byCode[R.county]).toMatchObject({ total: 96.11, rank: 3 });
    expect(byCode[R.county].items[0].explanation).toBe('生产经营性收入下降户占比 30.00%，高于全市 22.22% 7.78 个百分点，每高于 1 个百分点扣 0.5 分，扣 3.89 分');
    expect(byCode[R.otherCounty]).toMatchObject({ total: 100, rank: 1 });
    expect(byCode['533422']).toMatchObject({ total: 100, rank: 1 });
  });

  it('reads, validates and versions the rules; a region’s own rules then apply', async () => {
    const read = (await viewer.get(`/api/reports/assessment/rules?region=${R.city}`)).json();
    expect(read).toMatchObject({ version: 0, setFor: null, own: false });
    const meanRule = { ...read.rules.rules[0], reference: 'children_mean' };

    expect((await viewer.request('PUT', '/api/reports/assessment/rules', { version: 0, region: R.city, rules: { baseScore: 100, rules: [meanRule] } })).statusCode).toBe(403);
    const bad = await cityAdmin.request('PUT', '/api/reports/assessment/rules', { version: 0, region: R.city, rules: { baseScore: 100, rules: [{ ...meanRule, pointsPerPoint: -1 }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('每个百分点扣分不能为负数');
    // A county's administrator cannot set the city's rules.
    expect((await county.request('PUT', '/api/reports/assessment/rules', { version: 0, region: R.city, rules: { baseScore: 100, rules: [meanRule] } })).statusCode).toBe(404);

    const saved = await cityAdmin.request('PUT', '/api/reports/assessment/rules', { version: 0, region: R.city, rules: { baseScore: 100, rules: [meanRule] } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, own: true, setFor: { code: R.city } });
    const stale = await cityAdmin.request('PUT', '/api/reports/assessment/rules', { version: 0, region: R.city, rules: DEFAULT_RULES });
    expect(stale.statusCode).toBe(409);

    // Mean of the counties with data: (30.00 + 12.50) ÷ 2 = 21.25; Weixi 8.75 points above → 4.375 → 4.38 → 95.62.
    const report = (await viewer.get(`/api/reports/assessment?region=${R.city}&year=2026&quarter=1`)).json();
    expect(report.scores.find((s: { code: string }) => s.code === R.county).total).toBe(95.62);
    // Weixi's townships inherit the city's rules until Weixi sets its own.
    expect((await county.get(`/api/reports/assessment/rules?region=${R.county}`)).json()).toMatchObject({ own: false, setFor: { code: R.city }, version: 1 });
    const audited = await queryRows<{ entity_id: string }>(env.db.orm, sql`SELECT entity_id FROM audit_log WHERE action = 'settings.update' AND entity_id = 'assessment'`);
    expect(audited).toHaveLength(1);
  });

  it('exports the ranking to .xlsx, audited', async () => {
    const json = (await viewer.get(`/api/reports/assessment?region=${R.city}&year=2026&quarter=1`)).json();
    const res = await viewer.get(`/api/reports/assessment.xlsx?region=${R.city}&year=2026&quarter=1`);
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload, '考核得分');
    expect(String(rows[0]![0])).toContain('迪庆藏族自治州 2026年第1季度 考核得分排名');
    expect(rows[2]).toEqual(['排名', '地区', '总分', '生产经营性收入下降户占比（得分）', '计分说明']);
    expect(rows.slice(3).map((r) => r.slice(0, 4))).toEqual(json.scores.map((s: { rank: number; name: string; total: number; items: { points: number }[] }) => [s.rank, s.name, s.total, s.items[0]!.points]));
    expect((await exportsAudited('report_assessment')).at(-1)).toMatchObject({ username: viewer.username, detail: { year: 2026, quarter: 1 } });
  });
});

const DEFAULT_RULES = { baseScore: 100, rules: [] };
