/**
 * 重点群体台账 and 一户一策 (seeds 000, 001, 004): group membership from real income records (checked against core's
 * rules), region scope, plan revisions with optimistic locking, close-out (销号) and reopening, the idempotent
 * set-based refresh, and the audited export without ID numbers or phones.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../src/platform/excel.ts';
import {
  containsUnmaskedPersonalData, focusGroupsOf, focusIncomeOf, type FocusFacts, type HouseholdType,
} from '@zengshou/core';
import { startTestEnv, type TestClient, type TestEnv, R } from './harness.ts';
import { idNumber } from './support/registry-factory.ts';
import { FocusService } from '../src/modules/focus/focus.service.ts';
import { seedDemoFocusPlans } from '../src/modules/focus/focus-demo.ts';

let env: TestEnv;
let clerk: TestClient & { userId: string; username: string };
let county: TestClient & { userId: string; username: string };

beforeAll(async () => {
  env = await startTestEnv();
  clerk = await env.as('village_clerk', R.village);
  county = await env.as('county_admin', R.county);
});
afterAll(async () => env?.close());

let seq = 0;
/** A household with `size` members (the first is the head), created over HTTP by `who`. */
async function household(who: TestClient, opts: { type?: HouseholdType; village?: string; size?: number; prefix?: string } = {}) {
  const no = `${opts.prefix ?? 'FL'}-${++seq}`;
  const h = await who.post('/api/households', {
    householdNo: no, villageCode: opts.village ?? R.village, address: '一组', householdType: opts.type ?? 'poverty_exit', assistanceStatus: 'none',
    phone: '13812345678',
  });
  expect(h.statusCode, h.body).toBe(201);
  const id = h.json().household.id as string;
  for (let i = 0; i < (opts.size ?? 1); i++) {
    const m = await who.post('/api/members', {
      householdId: id, name: i === 0 ? `户主${seq}` : `成员${seq}-${i}`, idNumber: idNumber('19750505'), relation: i === 0 ? 'head' : 'son',
      labourCapacity: 'normal', health: 'healthy', schooling: 'primary', schoolingStatus: 'not_applicable', employmentStatus: 'farming',
    });
    expect(m.statusCode, m.body).toBe(201);
  }
  return { id, no };
}

/** Year-to-date income of one quarter, in yuan as typed; returns the stored status (valid | to_verify). */
async function income(who: TestClient, householdId: string, year: number, quarter: number, items: Record<string, string>) {
  const r = await who.post('/api/income-records', { householdId, year, quarter, items });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().status as 'valid' | 'to_verify';
}

interface LedgerItem {
  householdId: string;
  householdNo: string;
  headName: string | null;
  villageCode: string;
  villageName: string | null;
  perCapitaAnnualFen: number | null;
  previousPerCapitaAnnualFen: number | null;
  changeFen: number | null;
  groups: string[];
  plan: null | { status: string; cadreName: string; targetPerCapitaFen: number; version: number; ledgerGroups: string[] };
  gapFen: number | null;
}
interface Ledger {
  total: number;
  counts: { groups: Record<string, number>; planStatus: Record<string, number> };
  items: LedgerItem[];
}
const nos = (l: Ledger) => l.items.map((i) => i.householdNo).sort();
async function ledger(who: TestClient, query: string): Promise<Ledger> {
  const res = await who.get(`/api/focus/ledger?pageSize=200&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Ledger;
}

const plan = (over: Record<string, unknown> = {}) => ({
  version: 0,
  cadreName: '和建华',
  cadrePhone: '13987654321',
  targetYear: 2026,
  targetPerCapitaFen: 1_000_000,
  measures: [{ text: '安排护林员公益性岗位', category: 'public_welfare_job' }, { text: '发展中药材种植' }],
  progressNote: '已入户制定方案',
  ...over,
});
const putPlan = (who: TestClient, householdId: string, body: unknown) => who.request('PUT', `/api/households/${householdId}/focus-plan`, body);
const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await env.db.pool.query(text, params)).rows as T[];

/** Core's verdict on a household, from its stored income records (the latest valid one and the same quarter a year before). */
async function coreGroups(householdId: string, type: HouseholdType) {
  const rows = await q<{ year: number; quarter: number; household_size: number; per_capita_net: number; wage_total: number; business_total: number; cost_total: number; property_total: number; transfer_total: number }>(
    `SELECT year, quarter, household_size, per_capita_net, wage_total, business_total, cost_total, property_total, transfer_total
     FROM income_records WHERE household_id = $1 AND superseded_at IS NULL AND status = 'valid' ORDER BY year DESC, quarter DESC`,
    [householdId],
  );
  const toTotals = (r: (typeof rows)[number]) => ({
    year: r.year, quarter: r.quarter, householdSize: r.household_size, perCapitaNet: r.per_capita_net, wage: r.wage_total,
    business: r.business_total, cost: r.cost_total, property: r.property_total, transfer: r.transfer_total,
  });
  const latest = rows[0] ? focusIncomeOf(toTotals(rows[0])) : null;
  const prev = latest ? rows.find((r) => r.year === latest.year - 1 && r.quarter === latest.quarter) : undefined;
  const facts: FocusFacts = { householdType: type, latest, previousPerCapitaAnnualFen: prev ? focusIncomeOf(toTotals(prev)).perCapitaAnnualFen : null };
  return { facts, groups: focusGroupsOf(facts) };
}

describe('focus groups from real income records', () => {
  const made: Record<string, { id: string; no: string; type: HouseholdType }> = {};

  beforeAll(async () => {
    const add = async (key: string, type: HouseholdType = 'poverty_exit', size = 1) => {
      made[key] = { ...(await household(clerk, { type, size, prefix: `G${key}` })), type };
      return made[key]!.id;
    };
    // 8,000 yuan a year: under 10,000, nothing on record for last year.
    await income(clerk, await add('low'), 2025, 4, { wageOther: '8000' });
    // Two people, 15,000 → 13,000 each: fell, still above 10,000.
    const fell = await add('fell', 'poverty_exit', 2);
    await income(clerk, fell, 2024, 4, { wageOther: '30000' });
    await income(clerk, fell, 2025, 4, { wageOther: '26000' });
    // Q3 to Q3, annualised: 12,000 → 8,000 — both groups.
    const both = await add('both');
    await income(clerk, both, 2024, 3, { wageOther: '9000' });
    await income(clerk, both, 2025, 3, { wageOther: '6000' });
    // An ordinary household under 10,000: the ledgers cover poverty-exit households.
    await income(clerk, await add('ordinary', 'ordinary'), 2025, 4, { wageOther: '5000' });
    // The latest record awaits verification (待核实): the ledgers use the latest VALID one (Q3: 12,000 vs 14,000 → fell).
    const pending = await add('pending');
    await income(clerk, pending, 2024, 3, { wageOther: '10500' });
    await income(clerk, pending, 2025, 3, { wageOther: '9000' });
    expect(await income(clerk, pending, 2025, 4, { wageOther: '3000' })).toBe('to_verify');
    // 脱贫不享受政策户 are poverty-exit households too; 999,999 fen each is under the line by one fen.
    await income(clerk, await add('edge', 'exit_no_policy', 2), 2025, 4, { wageOther: '19999.98' });
    // Exactly 10,000 yuan is not under 10,000.
    await income(clerk, await add('exact'), 2025, 4, { wageOther: '10000' });
    // Three people, a Q3 record with odd amounts: the per-capita part figures must round as core rounds.
    await income(clerk, await add('odd', 'poverty_exit', 3), 2025, 3, {
      wageOther: '7777.75', businessPlanting: '1234.56', costPlanting: '100.01', propertyLandRent: '333.33', transferPension: '88.88',
    });
    // The same income as a year before is not a fall.
    const same = await add('same');
    await income(clerk, same, 2024, 4, { wageOther: '12000' });
    await income(clerk, same, 2025, 4, { wageOther: '12000' });
    await add('none'); // no income at all
  });

  it('lists each household in the ledgers core puts it in, with its income, last year’s and the change', async () => {
    const low = await ledger(county, 'group=low_income');
    const fell = await ledger(county, 'group=income_fell');
    expect(nos(low)).toEqual([made.both!.no, made.edge!.no, made.low!.no, made.odd!.no].sort());
    expect(nos(fell)).toEqual([made.both!.no, made.fell!.no, made.pending!.no].sort());
    expect(low.counts.groups).toEqual({ low_income: 4, income_fell: 3 });
    expect(fell.counts.groups).toEqual({ low_income: 4, income_fell: 3 });
    expect(low.counts.planStatus).toEqual({ none: 4, open: 0, closed_out: 0, reopened: 0 });
    expect(low.total).toBe(4);

    const both = fell.items.find((i) => i.householdNo === made.both!.no)!;
    expect(both).toMatchObject({ perCapitaAnnualFen: 800_000, previousPerCapitaAnnualFen: 1_200_000, changeFen: -400_000, groups: ['low_income', 'income_fell'], plan: null, gapFen: null });
    expect(both.headName).toMatch(/^户主/);
    expect(both.villageName).toBeTruthy();
    const pending = fell.items.find((i) => i.householdNo === made.pending!.no)!;
    expect(pending).toMatchObject({ perCapitaAnnualFen: 1_200_000, previousPerCapitaAnnualFen: 1_400_000, groups: ['income_fell'] });
    expect(low.items.find((i) => i.householdNo === made.edge!.no)!.perCapitaAnnualFen).toBe(999_999);

    // The SQL of the lists and core's rules agree on every household, from the stored records.
    for (const h of Object.values(made)) {
      const { groups } = await coreGroups(h.id, h.type);
      const listed = [...low.items, ...fell.items].find((i) => i.householdId === h.id);
      expect(listed?.groups ?? [], h.no).toEqual(groups);
    }
  });

  it('computes the per-capita part figures exactly as core does (rounding included)', async () => {
    for (const key of ['odd', 'fell', 'pending']) {
      const res = await county.get(`/api/households/${made[key]!.id}/focus-plan`);
      expect(res.statusCode, res.body).toBe(200);
      const { facts, groups } = await coreGroups(made[key]!.id, made[key]!.type);
      expect(res.json().income.latest, key).toEqual(facts.latest);
      expect(res.json().income.previousPerCapitaAnnualFen, key).toBe(facts.previousPerCapitaAnnualFen);
      expect(res.json().groups, key).toEqual(groups);
    }
    // 9,334.51 yuan for 3 people over Q1–Q3 → 3,111.50 each → 4,148.67 a year; the wage part 7,777.75 ÷ 3 rounds to
    // 2,592.58 before it is annualised (3,456.77), not after (3,456.78).
    const odd = (await county.get(`/api/households/${made.odd!.id}/focus-plan`)).json();
    expect(odd.income.latest.perCapitaAnnualFen).toBe(414_867);
    expect(odd.income.latest.partsPerCapitaAnnualFen.wage).toBe(345_677);
    expect(odd.plan).toBeNull();
  });

  it('filters by plan status and pages on the server', async () => {
    expect((await ledger(county, 'group=low_income&planStatus=open')).items).toEqual([]);
    expect((await ledger(county, 'group=low_income&planStatus=none')).total).toBe(4);
    const p1 = (await county.get('/api/focus/ledger?group=low_income&pageSize=3&page=1')).json() as Ledger;
    const p2 = (await county.get('/api/focus/ledger?group=low_income&pageSize=3&page=2')).json() as Ledger;
    expect(p1.items).toHaveLength(3);
    expect(p2.items).toHaveLength(1);
    expect(p2.total).toBe(4);
    expect(new Set([...p1.items, ...p2.items].map((i) => i.householdId)).size).toBe(4);
    const bad = await county.get('/api/focus/ledger?group=poor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/群体/);
  });
});

describe('region scope', () => {
  it('a village clerk never sees another village; outside the scope is 404 like a missing household', async () => {
    const own = await household(clerk, { prefix: 'SC' });
    await income(clerk, own.id, 2025, 4, { wageOther: '7000' });
    const sibling = await household(county, { village: R.siblingVillage, prefix: 'SC' });
    await income(county, sibling.id, 2025, 4, { wageOther: '7000' });

    const mine = await ledger(clerk, 'group=low_income');
    expect(mine.items.filter((i) => !i.villageCode.startsWith(R.village))).toEqual([]);
    expect(mine.items.some((i) => i.householdId === own.id)).toBe(true);
    expect(mine.items.some((i) => i.householdId === sibling.id)).toBe(false);
    // The county sees both, and a township filter narrows to that township.
    const all = await ledger(county, 'group=low_income');
    expect(all.items.some((i) => i.householdId === sibling.id)).toBe(true);
    expect((await ledger(county, `group=low_income&region=${R.siblingVillage}`)).items.map((i) => i.householdId)).toEqual([sibling.id]);

    expect((await clerk.get(`/api/focus/ledger?region=${R.siblingVillage}`)).statusCode).toBe(404);
    const outside = await clerk.get(`/api/households/${sibling.id}/focus-plan`);
    const missing = await clerk.get(`/api/households/${randomUUID()}/focus-plan`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toEqual(missing.json());
    const write = await putPlan(clerk, sibling.id, plan());
    expect(write.statusCode).toBe(404);
    expect(write.json()).toEqual(missing.json());
    expect(await q(`SELECT id FROM focus_plans WHERE household_id = $1`, [sibling.id])).toEqual([]);
  });
});

describe('one-household plans', () => {
  it('creates, revises and keeps every revision; a stale version gets 409 with the current plan', async () => {
    const h = await household(clerk, { prefix: 'PL' });
    await income(clerk, h.id, 2025, 4, { wageOther: '8000' });

    const created = await putPlan(clerk, h.id, plan());
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c.plan).toMatchObject({ version: 1, status: 'open', cadreName: '和建华', targetYear: 2026, targetPerCapitaFen: 1_000_000, ledgerGroups: ['low_income'] });
    expect(c.plan.cadrePhone).toBe('139****4321');
    expect(c.plan.check).toEqual({ met: false, gapFen: 200_000, unmetParts: [] });
    expect(c.plan.progress).toEqual([expect.objectContaining({ version: 1, note: '已入户制定方案' })]);
    expect(c.statusEvents).toEqual([expect.objectContaining({ from: null, to: 'open' })]);

    // A second "first" save, or a save on an old version, loses: 409 with what is stored now.
    const again = await putPlan(clerk, h.id, plan());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('version_conflict');
    expect(again.json().error.details.current.plan.version).toBe(1);

    const revised = await putPlan(clerk, h.id, plan({ version: 1, cadreName: '李红梅', cadrePhone: undefined, targetPerCapitaFen: 1_100_000, progressNote: '护林员岗位已上岗' }));
    expect(revised.statusCode, revised.body).toBe(200);
    const r = revised.json();
    expect(r.plan).toMatchObject({ version: 2, cadreName: '李红梅', targetPerCapitaFen: 1_100_000, cadrePhone: '139****4321' });
    expect(r.plan.progress.map((p: { note: string }) => p.note)).toEqual(['已入户制定方案', '护林员岗位已上岗']);
    expect(r.revisions.map((x: { version: number; current: boolean }) => [x.version, x.current])).toEqual([[2, true], [1, false]]);

    const stale = await putPlan(clerk, h.id, plan({ version: 1, cadreName: '王五' }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.plan).toMatchObject({ version: 2, cadreName: '李红梅' });

    const stored = await q<{ version: number; cadre_name: string; cadre_phone: string; superseded: boolean }>(
      `SELECT r.version, r.cadre_name, r.cadre_phone, r.superseded_at IS NOT NULL AS superseded FROM focus_plan_revisions r
       JOIN focus_plans p ON p.county_code = r.county_code AND p.id = r.plan_id WHERE p.household_id = $1 ORDER BY r.version`,
      [h.id],
    );
    expect(stored).toEqual([
      { version: 1, cadre_name: '和建华', cadre_phone: '13987654321', superseded: true },
      { version: 2, cadre_name: '李红梅', cadre_phone: '13987654321', superseded: false },
    ]);
    // Audited, inside the same transaction; the audit trail notes the phone without keeping it.
    const audit = await q<{ action: string; after: Record<string, unknown>; region_code: string; user_id: string }>(
      `SELECT action, after, region_code, user_id FROM audit_log WHERE entity = 'focus_plan' AND entity_id = $1 ORDER BY seq`,
      [c.plan.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['focus.plan.create', 'focus.plan.revise']);
    expect(audit[1]).toMatchObject({ region_code: R.village, user_id: clerk.userId, after: { version: 2, cadreName: '李红梅', cadrePhone: '(已填写)' } });
    expect(JSON.stringify(audit)).not.toContain('13987654321');

    // Clearing the phone is explicit.
    expect((await putPlan(clerk, h.id, plan({ version: 2, cadrePhone: null }))).json().plan.cadrePhone).toBeNull();
    // A reader sees the plan; the ledger row carries its summary.
    const reader = await env.as('township_reviewer', R.township);
    expect((await reader.get(`/api/households/${h.id}/focus-plan`)).json().plan.version).toBe(3);
    const row = (await ledger(reader, 'group=low_income&planStatus=open')).items.find((i) => i.householdId === h.id)!;
    expect(row.plan).toMatchObject({ status: 'open', cadreName: '和建华', targetPerCapitaFen: 1_000_000, version: 3 });
    expect(row.gapFen).toBe(200_000);
    expect((await putPlan(reader, h.id, plan({ version: 3 }))).statusCode).toBe(403);
  });

  it('two first saves at once: one wins, the other gets 409', async () => {
    const h = await household(clerk, { prefix: 'RC' });
    await income(clerk, h.id, 2025, 4, { wageOther: '8000' });
    const [a, b] = await Promise.all([putPlan(clerk, h.id, plan({ cadreName: '甲' })), putPlan(county, h.id, plan({ cadreName: '乙' }))]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(await q(`SELECT count(*)::int AS n FROM focus_plans WHERE household_id = $1`, [h.id])).toEqual([{ n: 1 }]);
    expect(await q(`SELECT count(*)::int AS n FROM focus_plan_revisions r JOIN focus_plans p ON p.id = r.plan_id WHERE p.household_id = $1`, [h.id])).toEqual([{ n: 1 }]);
  });

  it('refuses invalid plans with Chinese messages, under the field', async () => {
    const h = await household(clerk, { prefix: 'VA' });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ cadreName: '  ' }, /请填写包保干部姓名/],
      [{ measures: [] }, /请至少填写一条帮扶措施/],
      [{ targetPerCapitaFen: 0 }, /人均纯收入目标必须大于 0/],
      [{ cadrePhone: '555' }, /联系电话应为 11 位手机号或带区号的固定电话/],
      [{ partTargetsFen: { wage: 500_000, business: 200_000, property: 0, transfer: 100_000 } }, /四项分项目标合计 8,000\.00 元，低于人均纯收入目标 10,000\.00 元/],
      [{ targetYear: 2025 }, /目标年度不能早于 2026 年/],
      [{ status: 'closed_out' }, /status/],
    ];
    for (const [over, message] of cases) {
      const res = await putPlan(clerk, h.id, plan(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.message, JSON.stringify(over)).toMatch(message);
    }
    const year = await putPlan(clerk, h.id, plan({ targetYear: 2025 }));
    expect(year.json().error.details).toEqual([{ path: '/targetYear', message: '目标年度不能早于 2026 年' }]);
    expect(await q(`SELECT id FROM focus_plans WHERE household_id = $1`, [h.id])).toEqual([]);
  });
});

const statusOf = async (householdId: string) => (await county.get(`/api/households/${householdId}/focus-plan`)).json().plan.status as string;
async function refresh() {
  const res = await county.post('/api/focus/refresh');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { closedOut: number; reopened: number; scope: string };
}
const eventCount = async () => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM focus_plan_status_events`))[0]!.n;

describe('close-out (销号) and reopening', () => {
  it('closes out as soon as the saved income reaches the target, reopens when it slips, and a refresh after changes nothing', async () => {
    const h = await household(clerk, { prefix: 'CO' });
    await income(clerk, h.id, 2025, 4, { wageOther: '8000' });
    expect((await putPlan(clerk, h.id, plan({ targetPerCapitaFen: 1_000_000 }))).statusCode).toBe(201);
    // A plan with a wage target: the total alone must not close it out.
    const w = await household(clerk, { prefix: 'CO' });
    await income(clerk, w.id, 2025, 4, { wageOther: '8000' });
    expect((await putPlan(clerk, w.id, plan({ targetPerCapitaFen: 1_000_000, partTargetsFen: { wage: 1_100_000 } }))).statusCode).toBe(201);

    // Nothing changed yet.
    const refreshAudits = async () => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'focus.refresh' AND user_id = $1`, [county.userId]))[0]!.n;
    const auditsBefore = await refreshAudits();
    const before = await eventCount();
    expect(await refresh()).toMatchObject({ closedOut: 0, reopened: 0, scope: R.county });

    // Q1 2026: 3,000 yuan in three months → 12,000 a year, above the 10,000 target.
    await income(clerk, h.id, 2026, 1, { wageOther: '3000' });
    // The other one: 12,000 a year in total, but only 9,000 of it wage (business 750 in the quarter).
    await income(clerk, w.id, 2026, 1, { wageOther: '2250', businessPlanting: '800', costPlanting: '50' });
    // Saving the income re-judged the plan in the same transaction: nothing is left for a refresh to do.
    expect(await statusOf(h.id)).toBe('closed_out');
    expect(await refresh()).toMatchObject({ closedOut: 0, reopened: 0 });
    const wPlan = (await county.get(`/api/households/${w.id}/focus-plan`)).json().plan;
    expect(wPlan.status).toBe('open');
    expect(wPlan.check).toEqual({ met: false, gapFen: -200_000, unmetParts: ['wage'] });

    // Closed out, the household has left the low-income group but stays on that ledger as 已销号.
    const closed = (await ledger(county, 'group=low_income&planStatus=closed_out')).items.find((i) => i.householdId === h.id)!;
    expect(closed.groups).toEqual([]);
    expect(closed.plan!.status).toBe('closed_out');
    expect(closed.gapFen).toBe(-200_000);
    const events = (await county.get(`/api/households/${h.id}/focus-plan`)).json().statusEvents;
    expect(events[0]).toMatchObject({ from: 'open', to: 'closed_out', perCapitaAnnualFen: 1_200_000, targetPerCapitaFen: 1_000_000, period: { year: 2026, quarter: 1 } });
    expect(events[0].reason).toMatch(/销号/);

    // Idempotent: the same income, the same statuses, no new history.
    const afterFirst = await eventCount();
    expect(afterFirst).toBe(before + 1);
    expect(await refresh()).toMatchObject({ closedOut: 0, reopened: 0 });
    expect(await eventCount()).toBe(afterFirst);

    // Q2 2026: 4,000 yuan year to date → 8,000 a year: slipped below the target → reopened.
    await income(clerk, h.id, 2026, 2, { wageOther: '4000' });
    expect(await statusOf(h.id)).toBe('reopened');
    expect(await refresh()).toMatchObject({ closedOut: 0, reopened: 0 });
    expect((await ledger(county, 'group=low_income&planStatus=reopened')).items.map((i) => i.householdId)).toContain(h.id);

    // Back up (Q3: 9,000 year to date → 12,000) → closed out again, from reopened.
    await income(clerk, h.id, 2026, 3, { wageOther: '9000' });
    expect(await statusOf(h.id)).toBe('closed_out');
    const history = (await county.get(`/api/households/${h.id}/focus-plan`)).json().statusEvents.map((e: { from: string | null; to: string }) => `${e.from}→${e.to}`);
    expect(history).toEqual(['reopened→closed_out', 'closed_out→reopened', 'open→closed_out', 'null→open']);
    const who = await q<{ changed_by: string; changed_by_name: string }>(
      `SELECT e.changed_by, e.changed_by_name FROM focus_plan_status_events e JOIN focus_plans p ON p.id = e.plan_id
       WHERE p.household_id = $1 AND e.from_status IS NOT NULL`,
      [h.id],
    );
    // Changed by the clerk whose income entry moved it (recorded with the entry, audited as the income change).
    expect(who.every((e) => e.changed_by === clerk.userId)).toBe(true);
    // A person asking for a refresh is always audited, even when nothing moved.
    expect(await refreshAudits()).toBe(auditsBefore + 4);
  });

  it('a plan save refreshes that plan: lowering the target below the income closes it out at once', async () => {
    const h = await household(clerk, { prefix: 'SV' });
    await income(clerk, h.id, 2025, 4, { wageOther: '9000' });
    const created = (await putPlan(clerk, h.id, plan({ targetPerCapitaFen: 1_000_000 }))).json();
    expect(created.plan.status).toBe('open');
    const lowered = await putPlan(clerk, h.id, plan({ version: 1, targetPerCapitaFen: 900_000 }));
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect(lowered.json().plan.status).toBe('closed_out');
    const raised = await putPlan(clerk, h.id, plan({ version: 2, targetPerCapitaFen: 1_000_000 }));
    expect(raised.json().plan.status).toBe('reopened');
    const audit = await q<{ detail: { statusChanges: unknown } }>(
      `SELECT detail FROM audit_log WHERE action = 'focus.plan.revise' AND entity_id = $1 ORDER BY seq`,
      [created.plan.id],
    );
    expect(audit.map((a) => a.detail.statusChanges)).toEqual([{ closedOut: 1, reopened: 0 }, { closedOut: 0, reopened: 1 }]);
  });

  it('refreshPlanStatuses(scope, at) works without a person, narrowed to a scope, and audits only real changes', async () => {
    const h = await household(clerk, { prefix: 'SR' });
    await income(clerk, h.id, 2025, 4, { wageOther: '8000' });
    await putPlan(clerk, h.id, plan());
    await income(clerk, h.id, 2026, 1, { wageOther: '3000' });
    expect(await statusOf(h.id)).toBe('closed_out');
    // A status left stale (written before income saves re-judged plans, or by a repair): the system refresh mends it.
    await q(`UPDATE focus_plans SET status = 'open' WHERE household_id = $1`, [h.id]);
    const service = new FocusService(env.deps);
    const audits = async () => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'focus.refresh' AND user_id IS NULL`))[0]!.n;
    const a0 = await audits();
    // Another village's scope does not touch it.
    expect(await service.refreshPlanStatuses(R.siblingVillage, env.clock.now())).toEqual({ closedOut: 0, reopened: 0 });
    expect(await audits()).toBe(a0);
    expect(await service.refreshPlanStatuses(R.village, env.clock.now(), { householdIds: [h.id] })).toEqual({ closedOut: 1, reopened: 0 });
    expect(await audits()).toBe(a0 + 1);
    expect(await service.refreshPlanStatuses(R.village, env.clock.now())).toEqual({ closedOut: 0, reopened: 0 });
    expect(await audits()).toBe(a0 + 1);
    const event = await q(`SELECT e.changed_by, e.changed_by_name FROM focus_plan_status_events e JOIN focus_plans p ON p.id = e.plan_id
      WHERE p.household_id = $1 AND e.to_status = 'closed_out' ORDER BY e.id`, [h.id]);
    expect(event).toEqual([{ changed_by: clerk.userId, changed_by_name: expect.any(String) }, { changed_by: null, changed_by_name: '系统刷新' }]);
  });
});

describe('export', () => {
  it('is an .xlsx with Chinese headers, no ID numbers or phones, neutralised formulas, and is audited', async () => {
    const h = await household(clerk, { prefix: 'EX' });
    await income(clerk, h.id, 2025, 4, { wageOther: '8000' });
    expect((await putPlan(clerk, h.id, plan({ cadreName: '=1+2', measures: [{ text: '@SUM(A1)' }] }))).statusCode).toBe(201);

    const res = await county.get('/api/focus/ledger/export?group=low_income');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('重点群体台账');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    expect(rows[0]).toContain('户编号');
    expect(rows[0]).toContain('包保干部');
    expect(rows[0]).toContain('人均纯收入目标（元）');
    const mine = rows.find((r) => r[0] === h.no)!;
    expect(mine).toBeDefined();
    expect(mine).toContain("'=1+2");
    expect(mine).toContain('帮扶中');
    expect(mine.join('|')).toContain('8000');
    // Every low-income household of the county is in it, and nothing else.
    const listed = await ledger(county, 'group=low_income');
    expect(rows.length - 1).toBe(listed.total);

    const text = rows.flat().join('\n');
    expect(containsUnmaskedPersonalData(text)).toEqual([]);
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('13987654321');
    expect(text).not.toMatch(/\*{4}/); // not even masked numbers: there are no such columns

    const audit = await q<{ action: string; entity: string; region_code: string; detail: { filter: { group: string } } }>(
      `SELECT action, entity, region_code, detail FROM audit_log WHERE action = 'export' AND entity = 'focus_ledger' AND user_id = $1`,
      [county.userId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ region_code: R.county, detail: { filter: { group: 'low_income' } } });
    expect((await clerk.get('/api/focus/ledger/export')).statusCode).toBe(403);
  });
});

describe('demo plans', () => {
  it('gives the first households of each ledger a plan once, and closes out a fell household already back above target', async () => {
    const village = '533423102201'; // 叶枝镇: a township no other test here uses
    const low = await household(county, { village, prefix: 'DM' });
    await income(county, low.id, 2025, 4, { wageOther: '7000' });
    const recovered = await household(county, { village, prefix: 'DM' });
    await income(county, recovered.id, 2024, 4, { wageOther: '11000' });
    await income(county, recovered.id, 2025, 4, { wageOther: '10500' });
    const first = await seedDemoFocusPlans(env.deps, R.siblingTownship);
    expect(first).toEqual({ plans: 2, closedOut: 1 });
    const lowPlan = (await county.get(`/api/households/${low.id}/focus-plan`)).json().plan;
    expect(lowPlan).toMatchObject({ status: 'open', targetPerCapitaFen: 900_000, ledgerGroups: ['low_income'], version: 1 });
    expect(lowPlan.measures.length).toBeGreaterThan(0);
    const recoveredPlan = (await county.get(`/api/households/${recovered.id}/focus-plan`)).json().plan;
    expect(recoveredPlan).toMatchObject({ status: 'closed_out', targetPerCapitaFen: 1_000_000, ledgerGroups: ['income_fell'] });
    expect(await seedDemoFocusPlans(env.deps, R.siblingTownship)).toEqual({ plans: 0, closedOut: 0 });
  });
});
