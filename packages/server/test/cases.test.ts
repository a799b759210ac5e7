import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { replay, type CaseEvent } from '@zengshou/core';
import { startTestEnv, type TestEnv, type TestClient, R } from './harness.ts';
import { idNumber } from './support/registry-factory.ts';
import { setLine } from '../src/modules/monitoring/monitoring.repository.ts';
import { CasesService } from '../src/modules/cases/cases.service.ts';
import { queryOne, queryRows, sql } from '../src/platform/db/sql.ts';

const DAY = 86_400_000;
let env: TestEnv;
type Client = TestClient & { userId: string; username: string };
let clerk: Client;
let reviewer: Client;
let county: Client;
let counter = 0;

beforeAll(async () => {
  env = await startTestEnv();
  await env.db.transaction(async (tx) => {
    for (const year of [2025, 2026]) await setLine(tx, { regionCode: '53', year, amountFen: 870_000, method: 'manual', inputs: null, note: null, by: null, at: env.clock.now() });
  });
  clerk = await env.as('village_clerk', R.village);
  reviewer = await env.as('township_reviewer', R.township);
  county = await env.as('county_admin', R.county);
});
afterAll(async () => env?.close());

/** Moves the clock and signs everyone in again (sessions time out over months, as they should). */
async function advance(days: number) {
  env.clock.advance(days * DAY);
  for (const c of [clerk, reviewer, county]) {
    const res = await c.login(c.username);
    expect(res.statusCode, res.body).toBe(200);
  }
}

async function household(labour: 'normal' | 'none' = 'normal', wageYuan = '5000', village: string = R.village) {
  const c = village === R.village ? clerk : await env.as('village_clerk', village);
  const no = `C-${++counter}`;
  const h = await c.post('/api/households', { householdNo: no, villageCode: village, address: '一组', householdType: 'poverty_exit', assistanceStatus: 'none', phone: '13800138000' });
  expect(h.statusCode, h.body).toBe(201);
  const id = h.json().household.id as string;
  const m = await c.post('/api/members', { householdId: id, name: `和${counter}`, idNumber: idNumber('19700101'), relation: 'head', labourCapacity: labour, health: 'healthy', schooling: 'primary', schoolingStatus: 'not_applicable', employmentStatus: 'farming' });
  expect(m.statusCode, m.body).toBe(201);
  const r = await c.post('/api/income-records', { householdId: id, year: 2025, quarter: 4, items: { wageOther: wageYuan, businessPlanting: '800', costPlanting: '100' } });
  expect(r.statusCode, r.body).toBe(201);
  return id;
}

async function income(householdId: string, year: number, quarter: number, wageYuan: string) {
  const r = await clerk.post('/api/income-records', { householdId, year, quarter, items: { wageOther: wageYuan } });
  expect(r.statusCode, r.body).toBe(201);
}

interface CaseBody {
  id: string;
  caseNo: string;
  status: string;
  version: number;
  nextSteps: { type: string }[];
  eliminationProblems: string[] | null;
  due: { kind: string; date: string } | null;
  urgency: string;
  [k: string]: unknown;
}

async function open(householdId: string, extra: Record<string, unknown> = {}): Promise<CaseBody> {
  const res = await clerk.post('/api/cases', { householdId, source: 'cadre', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function step(who: TestClient, c: CaseBody, event: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return who.post(`/api/cases/${c.id}/events`, { expectedVersion: c.version, event, ...extra });
}

async function ok(who: TestClient, c: CaseBody, event: Record<string, unknown>): Promise<CaseBody> {
  const res = await step(who, c, event);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

function today() {
  return new Date(env.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
function plusDays(date: string, n: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

const CHECK = { type: 'home_checked', commitmentSigned: true, authorisationSigned: true, finding: 'include', note: '入户核实：务工收入下降', proposedCategory: 'unstable', proposedRiskTypes: ['unstable_employment'] };

/** Lead → home check → 5-day notice → township → county, with the clock moving as in a real village. */
async function identify(householdId: string, approve: Record<string, unknown> = { category: 'unstable', riskTypes: ['unstable_employment'] }) {
  let c = await open(householdId);
  c = await ok(clerk, c, CHECK);
  const start = today();
  c = await ok(clerk, c, { type: 'notice_started', startDate: start, endDate: plusDays(start, 4) });
  await advance(6);
  c = await ok(clerk, c, { type: 'notice_finished', objections: 0 });
  c = await ok(reviewer, c, { type: 'township_reviewed', decision: 'pass', note: '' });
  c = await ok(county, c, { type: 'county_approved', decision: 'approve', ...approve });
  return c;
}

describe('monitoring case workflow over HTTP', () => {
  it('takes a warning through identification, measures and risk elimination, with every step on the record', async () => {
    const id = await household('normal', '5000');
    expect((await county.post('/api/monitoring/evaluate')).statusCode).toBe(200);
    const warnings = (await clerk.get(`/api/warnings?householdId=${id}&status=open&ruleId=below_line`)).json();
    const warning = warnings.items[0];
    expect(warning).toBeTruthy();

    const lead = await clerk.post('/api/cases', { householdId: id, source: 'warning', warningId: warning.id });
    expect(lead.statusCode, lead.body).toBe(201);
    let c: CaseBody = lead.json();
    expect(c.status).toBe('lead');
    expect(c.caseNo).toMatch(/^533423-2026-\d{5}$/);
    expect(c.warning).toMatchObject({ id: warning.id });
    expect(c.due).toEqual({ kind: 'identification', date: plusDays(today(), 15) });
    expect(c.nextSteps.map((s) => s.type)).toContain('home_checked');
    // The warning now points at its case.
    const listed = (await clerk.get(`/api/warnings?householdId=${id}&status=open&ruleId=below_line`)).json().items[0];
    expect(listed.caseId).toBe(c.id);

    // The township may not do the village's home check; the refusal names who may, in Chinese.
    const wrong = await step(reviewer, c, CHECK);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({ code: 'case_step_refused', message: '只有村级信息员可以记录入户核实（当前账号：乡镇审核员）' });

    c = await ok(clerk, c, CHECK);
    const start = today();
    const short = await step(clerk, c, { type: 'notice_started', startDate: start, endDate: plusDays(start, 3) });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.message).toBe(`公示期 ${start} 至 ${plusDays(start, 3)} 共 4 天，少于 5 天`);
    c = await ok(clerk, c, { type: 'notice_started', startDate: start, endDate: plusDays(start, 4) });

    // The notice list shows the name and the proposed category, never the ID number or the phone.
    const notice = await clerk.get(`/api/case-notices?village=${R.village}&kind=identification`);
    expect(notice.statusCode, notice.body).toBe(200);
    const item = notice.json().items.find((i: { caseNo: string }) => i.caseNo === c.caseNo);
    expect(item).toMatchObject({ headName: expect.stringMatching(/^和/), categoryLabel: '脱贫不稳定户', startDate: start, endDate: plusDays(start, 4) });
    expect(notice.body).not.toMatch(/53342319700101|13800138000|idNumber|phone/);

    const early = await step(clerk, c, { type: 'notice_finished', objections: 0 });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toMatch(/不足 5 天，不能结束公示/);
    await advance(6);
    c = await ok(clerk, c, { type: 'notice_finished', objections: 0 });
    expect(c.status).toBe('township_review');
    c = await ok(reviewer, c, { type: 'township_reviewed', decision: 'pass', note: '' });
    expect(c.status).toBe('county_approval');
    c = await ok(county, c, { type: 'county_approved', decision: 'approve', category: 'unstable', riskTypes: ['unstable_employment'] });
    expect(c.status).toBe('monitored');
    expect(c.due).toEqual({ kind: 'measures', date: plusDays(today(), 10) });
    const hh = (await county.get(`/api/households/${id}`)).json();
    expect(hh.household.monitoringCategory).toBe('unstable');

    c = await ok(clerk, c, { type: 'measure_added', measureId: 'm-1', category: 'employment', owner: '县人社局', plannedDate: plusDays(today(), 30), amountFen: 200_000 });
    expect(c.due).toBeNull();
    expect(c.eliminationProblems).toEqual(expect.arrayContaining([expect.stringMatching(/不满 6 个月/)]));
    const tooSoon = await step(clerk, c, { type: 'elimination_proposed', way: 'through_help' });
    expect(tooSoon.statusCode).toBe(422);
    expect(tooSoon.json().error.details.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^纳入监测 0 个月/), '收入稳定超过监测线 0 个月，不满 6 个月']));

    // Seven months on, with two quarters of income well above the line, the household may leave monitoring.
    await advance(215);
    c = (await clerk.get(`/api/cases/${c.id}`)).json();
    c = await ok(clerk, c, { type: 'measure_updated', measureId: 'm-1', status: 'done', actualDate: today() });
    await income(id, 2026, 2, '6000');
    await income(id, 2026, 3, '9000');
    c = (await clerk.get(`/api/cases/${c.id}`)).json();
    expect(c.eliminationProblems).toEqual([]);
    c = await ok(clerk, c, { type: 'elimination_proposed', way: 'through_help' });
    const s2 = today();
    c = await ok(clerk, c, { type: 'elimination_notice_started', startDate: s2, endDate: plusDays(s2, 4) });
    const elimNotice = (await clerk.get(`/api/case-notices?village=${R.village}&kind=elimination`)).json();
    expect(elimNotice.items.find((i: { caseNo: string }) => i.caseNo === c.caseNo)).toMatchObject({ eliminationWayLabel: '帮扶消除' });
    await advance(6);
    c = await ok(clerk, c, { type: 'elimination_notice_finished', objections: 0 });
    c = await ok(reviewer, c, { type: 'elimination_township_reviewed', decision: 'pass', note: '' });
    c = await ok(county, c, { type: 'elimination_county_approved', decision: 'approve' });
    expect(c.status).toBe('eliminated');

    // Eliminated but still tracked: the county may roll it back, with a reason.
    const noReason = await step(county, c, { type: 'elimination_rolled_back', reason: ' ' });
    expect(noReason.statusCode).toBe(422);
    c = await ok(county, c, { type: 'elimination_rolled_back', reason: '复核发现务工收入不稳定' });
    expect(c.status).toBe('monitored');

    // The household's timeline has the warning, every case step and the income entries, newest first.
    const timeline = (await clerk.get(`/api/households/${id}/timeline`)).json().items as { kind: string; title: string; at: string }[];
    expect(timeline.filter((t) => t.kind === 'case_event')).toHaveLength((c.events as unknown[]).length);
    expect(timeline.some((t) => t.kind === 'warning_opened' && t.title.startsWith('预警：'))).toBe(true);
    expect(timeline.filter((t) => t.kind === 'income_recorded').length).toBeGreaterThanOrEqual(3);
    expect(timeline.map((t) => t.at)).toEqual(timeline.map((t) => t.at).sort().reverse());
    expect(timeline.some((t) => t.title === `案件 ${c.caseNo}：回退风险消除`)).toBe(true);

    // Every step is in the audit trail.
    const audited = await queryRows<{ action: string }>(env.db.orm, sql`SELECT action FROM audit_log WHERE entity_id = ${c.id} ORDER BY seq`);
    expect(audited.map((a) => a.action)).toEqual((c.events as { type: string }[]).map((e) => `case.${e.type}`));
  });

  it('never eliminates the risk of a household in which nobody can work, and says so in Chinese', async () => {
    const id = await household('none', '5000');
    let c = await identify(id, { category: 'unstable', riskTypes: ['lack_of_labour'] });
    c = await ok(clerk, c, { type: 'measure_added', measureId: 'm-1', category: 'social_assistance', owner: '县民政局', plannedDate: plusDays(today(), 10) });
    await advance(200);
    await income(id, 2026, 3, '12000');
    c = (await clerk.get(`/api/cases/${c.id}`)).json();
    const refused = await step(clerk, c, { type: 'elimination_proposed', way: 'natural' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.reasons).toContain('家庭无劳动能力成员（0 人），不标注风险消除，应纳入兜底保障并继续监测');
    expect((await clerk.get(`/api/cases/${c.id}`)).json().status).toBe('monitored');
  });

  it('enforces the illness ↔ health-measure rule before elimination', async () => {
    const id = await household('normal', '5000');
    let c = await identify(id, { category: 'sudden_hardship', riskTypes: ['illness'] });
    c = await ok(clerk, c, { type: 'measure_added', measureId: 'm-1', category: 'employment', owner: '县人社局', plannedDate: plusDays(today(), 10) });
    expect(c.eliminationProblems).toEqual(expect.arrayContaining(['缺少与致贫风险对应的帮扶措施：因病风险需有健康帮扶、社会帮扶、综合保障措施']));
  });

  it('keeps one running case per household, and a retried step is stored once', async () => {
    const id = await household();
    const c = await open(id);
    const again = await clerk.post('/api/cases', { householdId: id, source: 'cadre' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'case_exists', details: { caseId: c.id } });

    const requestId = crypto.randomUUID();
    const first = await step(clerk, c, CHECK, { requestId });
    const retry = await step(clerk, c, CHECK, { requestId });
    expect(first.statusCode).toBe(200);
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json().version).toBe(2);
    const n = await queryOne<{ n: number }>(env.db.orm, sql`SELECT count(*)::int8 AS n FROM case_events WHERE case_id = ${c.id}::uuid`);
    expect(n!.n).toBe(2);
    // A different step on a stale version is a conflict, not a silent overwrite.
    const stale = await step(clerk, c, { type: 'notice_started', startDate: today(), endDate: plusDays(today(), 5) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');

    const leadRequest = crypto.randomUUID();
    const other = await household();
    const l1 = await clerk.post('/api/cases', { householdId: other, source: 'cadre', requestId: leadRequest });
    const l2 = await clerk.post('/api/cases', { householdId: other, source: 'cadre', requestId: leadRequest });
    expect(l1.statusCode).toBe(201);
    expect(l2.statusCode).toBe(201);
    expect(l2.json().id).toBe(l1.json().id);
  });

  it('records a self-declaration lead by itself, due for a home check in 2 working days, and never a second case', async () => {
    const id = await household();
    const cases = new CasesService(env.deps);
    const h = { countyCode: R.county, householdId: id, villageCode: R.village };
    const first = await env.db.transaction((tx) => cases.openSystemLead(tx, { ...h, source: 'declaration', note: '家人重病住院' }));
    expect(first.created).toBe(true);
    const again = await env.db.transaction((tx) => cases.openSystemLead(tx, { ...h, source: 'declaration' }));
    expect(again).toEqual({ caseId: first.caseId, caseNo: first.caseNo, created: false });
    const c = (await clerk.get(`/api/cases/${first.caseId}`)).json();
    expect(c).toMatchObject({ status: 'lead', source: 'declaration', due: { kind: 'home_check' } });
    // Two working days, weekends skipped (the clock has moved on in earlier tests, so count from today).
    let due = Date.parse(`${today()}T00:00:00Z`);
    for (let left = 2; left > 0; ) {
      due += DAY;
      if (![0, 6].includes(new Date(due).getUTCDay())) left--;
    }
    expect(c.due.date).toBe(new Date(due).toISOString().slice(0, 10));
    expect(c.events[0].actorName).toBe('农户自主申报（系统登记）');
    expect((await clerk.get('/api/cases?queue=mine&pageSize=200')).json().items.some((i: { id: string }) => i.id === first.caseId)).toBe(true);
    // From there on it is the village's: the platform itself cannot take the home check.
    const check = await step(clerk, c, CHECK);
    expect(check.statusCode, check.body).toBe(200);
  });

  it('refuses a warning lead without its warning, and a viewer may not take steps at all', async () => {
    const id = await household();
    const bad = await clerk.post('/api/cases', { householdId: id, source: 'warning' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('预警记录不存在或不属于该户');
    const viewer = await env.as('viewer', R.county);
    expect((await viewer.post('/api/cases', { householdId: id, source: 'cadre' })).statusCode).toBe(403);
  });

  it('stores events append-only, and the stored projection is always what replaying the events gives', async () => {
    const id = await household();
    const c = await open(id);
    await expect(env.db.orm.execute(sql`UPDATE case_events SET type = 'x' WHERE case_id = ${c.id}::uuid`)).rejects.toThrow(/append-only/);
    await expect(env.db.orm.execute(sql`DELETE FROM case_events WHERE case_id = ${c.id}::uuid`)).rejects.toThrow(/append-only/);
    const cases = await queryRows<{ id: string; state: unknown; version: number }>(env.db.orm, sql`SELECT id, state, version FROM cases`);
    expect(cases.length).toBeGreaterThan(3);
    for (const row of cases) {
      const events = await queryRows<{ event: CaseEvent }>(env.db.orm, sql`SELECT event FROM case_events WHERE case_id = ${row.id}::uuid ORDER BY seq`);
      expect(replay(events.map((e) => e.event))).toEqual(row.state);
      expect(row.version).toBe(events.length);
    }
  });

  it('shows each role its own queue, hides other villages, and puts overdue items at the county', async () => {
    const sibling = await env.as('village_clerk', R.siblingVillage);
    const id = await household();
    const c = await open(id);
    expect((await sibling.get(`/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await sibling.get('/api/cases')).json().items.some((i: { id: string }) => i.id === c.id)).toBe(false);
    expect((await sibling.post(`/api/cases/${c.id}/events`, { expectedVersion: 1, event: CHECK })).statusCode).toBe(404);
    const otherCounty = await env.as('county_admin', R.otherCounty);
    expect((await otherCounty.get(`/api/cases/${c.id}`)).statusCode).toBe(404);

    const mine = (await clerk.get('/api/cases?queue=mine&pageSize=200')).json();
    expect(mine.items.some((i: { id: string }) => i.id === c.id)).toBe(true);
    expect((await reviewer.get('/api/cases?queue=mine&pageSize=200')).json().items.some((i: { id: string }) => i.id === c.id)).toBe(false);

    await advance(16);
    const overdue = (await county.get('/api/cases?queue=overdue&pageSize=200')).json();
    const item = overdue.items.find((i: { id: string }) => i.id === c.id);
    expect(item).toMatchObject({ urgency: 'overdue', due: { kind: 'identification' } });
    expect(overdue.counts.overdue).toBeGreaterThanOrEqual(1);
    expect((await county.get('/api/cases?queue=mine&pageSize=200')).json().items.some((i: { id: string }) => i.id === c.id)).toBe(true);
  });

  it('approves clean items in bulk and reports the others with their reasons', async () => {
    const ready = async (proposal: boolean) => {
      const id = await household();
      let c = await open(id);
      c = await ok(clerk, c, proposal ? CHECK : { ...CHECK, proposedCategory: undefined, proposedRiskTypes: undefined });
      c = await ok(clerk, c, { type: 'notice_started', startDate: today(), endDate: plusDays(today(), 4) });
      return c;
    };
    const cs = [await ready(true), await ready(true), await ready(false)];
    await advance(6);
    for (const [i, c] of cs.entries()) cs[i] = await ok(clerk, (await clerk.get(`/api/cases/${c.id}`)).json(), { type: 'notice_finished', objections: 0 });
    const town = await reviewer.post('/api/cases/bulk', { step: 'township_reviewed', items: cs.map((c) => ({ caseId: c.id, expectedVersion: c.version })) });
    expect(town.statusCode, town.body).toBe(200);
    expect(town.json().applied).toHaveLength(3);
    const fresh = await Promise.all(cs.map(async (c) => (await county.get(`/api/cases/${c.id}`)).json() as CaseBody));
    const res = await county.post('/api/cases/bulk', { step: 'county_approved', items: fresh.map((c) => ({ caseId: c.id, expectedVersion: c.version })) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().applied).toEqual([fresh[0]!.id, fresh[1]!.id]);
    expect(res.json().refused).toEqual([{ caseId: fresh[2]!.id, caseNo: fresh[2]!.caseNo, reason: '村级未提出拟纳入类别和风险类型，请逐户审定' }]);
    expect((await county.get(`/api/cases/${fresh[0]!.id}`)).json()).toMatchObject({ status: 'monitored', category: 'unstable', riskTypes: ['unstable_employment'] });
    // A clerk cannot bulk-approve: refused as a whole, naming who may.
    const byClerk = await clerk.post('/api/cases/bulk', { step: 'county_approved', items: [{ caseId: fresh[2]!.id, expectedVersion: fresh[2]!.version }] });
    expect(byClerk.statusCode).toBe(422);
    expect(byClerk.json().error.message).toBe('只有县级管理员可以批量县级审定');
  });

  it('exports the notice as .xlsx without personal identifiers, and audits the export', async () => {
    const id = await household();
    let c = await open(id);
    c = await ok(clerk, c, CHECK);
    c = await ok(clerk, c, { type: 'notice_started', startDate: today(), endDate: plusDays(today(), 4) });
    const res = await clerk.get(`/api/case-notices.xlsx?village=${R.village}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const text = wb.worksheets[0]!.getSheetValues().flat().map(String).join('|');
    expect(text).toMatch(/防止返贫监测对象识别公示/);
    expect(text).toContain(c.headName as string);
    expect(text).not.toMatch(/\d{17}[\dX]|138\d{8}/);
    const audit = await queryOne<{ n: number }>(env.db.orm, sql`SELECT count(*)::int8 AS n FROM audit_log WHERE action = 'export' AND entity = 'case_notice'`);
    expect(audit!.n).toBeGreaterThanOrEqual(1);
    expect((await clerk.get(`/api/case-notices?village=${R.siblingVillage}`)).statusCode).toBe(404);
  });

  it('reads the notice length from the region setting, never below the national 5 days', async () => {
    const sysadmin = await env.as('system_admin', '53');
    const current = (await sysadmin.get('/api/settings/cases')).json();
    const tooShort = await sysadmin.request('PUT', '/api/settings/cases', { version: current.version, regions: { [R.county]: { noticeDays: 3 } } });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.message).toMatch(/公示天数不能小于 5/);
    const saved = await sysadmin.request('PUT', '/api/settings/cases', { version: current.version, regions: { [R.county]: { noticeDays: 7 } } });
    expect(saved.statusCode, saved.body).toBe(200);
    const id = await household();
    let c = await open(id);
    expect((c.config as { noticeDays: number }).noticeDays).toBe(7);
    c = await ok(clerk, c, CHECK);
    const five = await step(clerk, c, { type: 'notice_started', startDate: today(), endDate: plusDays(today(), 4) });
    expect(five.json().error.message).toMatch(/少于 7 天/);
    await sysadmin.request('PUT', '/api/settings/cases', { version: saved.json().version, regions: {} });
  });
});

