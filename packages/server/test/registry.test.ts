/**
 * The household registry over HTTP, as the people who use it: a village clerk enters a household, its members and
 * its income; the clerk of the next village cannot see or touch any of it; two editors of one record never overwrite
 * each other silently (quality.md #12); a person belongs to one household; moves keep their trail; income is computed
 * exactly in fen, revisions are kept, logic-check failures are flagged; list filters find the right households; the
 * history endpoint tells what changed.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '@zengshou/core';
import { startTestEnv, type TestClient, type TestEnv, R } from './harness.ts';
import { idNumber } from './support/registry-factory.ts';

type Client = TestClient & { userId: string; username: string };

let env: TestEnv;
let clerk: Client;
let siblingClerk: Client;

beforeAll(async () => {
  env = await startTestEnv();
  clerk = await env.as('village_clerk', R.village);
  siblingClerk = await env.as('village_clerk', R.siblingVillage);
});
afterAll(async () => env?.close());

let counter = 0;
const householdNo = (prefix = 'RG') => `${prefix}-${++counter}-${randomUUID().slice(0, 4)}`.toUpperCase();

interface HouseholdView {
  id: string;
  householdNo: string;
  villageCode: string;
  address: string;
  householdType: string;
  assistanceStatus: string;
  phone: string | null;
  headName: string | null;
  memberCount: number;
  latestIncome: { year: number; quarter: number; perCapitaAnnualFen: number | null } | null;
  failingChecks: { errors: number; warnings: number };
  problemFlags: Record<string, boolean>;
  version: number;
}
interface MemberView {
  id: string;
  householdId: string;
  name: string;
  idNumber: string;
  relation: string;
  version: number;
}
interface Detail {
  household: HouseholdView;
  members: MemberView[];
  assistanceHistory: { status: string; valid_from: string; valid_to: string | null }[];
  memberMoves: { member_id: string; from_household_id: string; to_household_id: string; moved_at: string; reason: string }[];
}

async function createHousehold(client: TestClient, over: Record<string, unknown> = {}): Promise<Detail> {
  const res = await client.post('/api/households', {
    householdNo: householdNo(),
    villageCode: R.village,
    address: '保和镇南路一组 12 号',
    householdType: 'poverty_exit',
    assistanceStatus: 'none',
    phone: '13812345678',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Detail;
}

const adult = { labourCapacity: 'normal', health: 'healthy', schooling: 'junior_secondary', schoolingStatus: 'not_applicable', employmentStatus: 'farming' };
async function addMember(client: TestClient, householdId: string, over: Record<string, unknown> = {}) {
  const res = await client.post('/api/members', { householdId, name: `和${++counter}`, idNumber: idNumber('19780412'), relation: 'head', ...adult, ...over });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
async function detail(client: TestClient, id: string): Promise<Detail> {
  const res = await client.get(`/api/households/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}
async function saveIncome(client: TestClient, householdId: string, year: number, quarter: number, items: Record<string, string | number>) {
  return client.post('/api/income-records', { householdId, year, quarter, items });
}
async function list(client: TestClient, query: string): Promise<{ items: HouseholdView[]; total: number }> {
  const res = await client.get(`/api/households?pageSize=200&${query}`);
  expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
  return res.json();
}

describe('households, members and income over HTTP', () => {
  it('a village clerk records a household, its members and its income; the next village’s clerk gets 404 for all of it', async () => {
    const created = await createHousehold(clerk, { assistanceStatus: 'dibao' });
    const id = created.household.id;
    expect(created.household).toMatchObject({ villageCode: R.village, householdType: 'poverty_exit', assistanceStatus: 'dibao', memberCount: 0, latestIncome: null, version: 1 });
    expect(created.household.phone).toBe('138****5678');
    expect(created.assistanceHistory).toEqual([expect.objectContaining({ status: 'dibao', valid_to: null })]);

    const headId = idNumber('19700305');
    const head = await addMember(clerk, id, { name: '和建国', idNumber: headId });
    await addMember(clerk, id, { name: '李秀英', relation: 'spouse', idNumber: idNumber('19720811') });
    await addMember(clerk, id, {
      name: '和小明', relation: 'son', idNumber: idNumber('20120101'),
      labourCapacity: 'none', schooling: 'primary', schoolingStatus: 'in_school', employmentStatus: 'student',
    });
    const income = await saveIncome(clerk, id, 2025, 4, { wageOther: '36000', businessPlanting: '6000', costPlanting: '1500' });
    expect(income.statusCode, income.body).toBe(201);

    const d = await detail(clerk, id);
    expect(d.household).toMatchObject({ memberCount: 3, headName: '和建国', latestIncome: { year: 2025, quarter: 4, perCapitaAnnualFen: 1_350_000 } });
    expect(d.members.map((m) => m.name)).toEqual(['和建国', '李秀英', '和小明']);
    expect(d.members[0]).toMatchObject({ id: head, relation: 'head', idNumber: `${headId.slice(0, 6)}********${headId.slice(-4)}` });

    // The sibling village's clerk: every route on this household or member answers exactly like a missing one.
    const missing = randomUUID();
    const pairs: [string, string, unknown?][] = [
      ['GET', `/api/households/${id}`],
      ['GET', `/api/households/${id}/history`],
      ['GET', `/api/households/${id}/income?revisions=true`],
      ['PATCH', `/api/households/${id}`, { version: d.household.version, address: '被改了' }],
      ['POST', `/api/households/${id}/unmask`, { reason: '想看看' }],
      ['POST', '/api/members', { householdId: id, name: '外人', idNumber: idNumber('19900101'), relation: 'other', ...adult }],
      ['POST', '/api/income-records', { householdId: id, year: 2025, quarter: 4, items: { wageOther: '1' } }],
      ['PATCH', `/api/members/${head}`, { version: 1, name: '被改了' }],
    ];
    for (const [method, url, body] of pairs) {
      const res = await siblingClerk.request(method, url, body);
      const probe = url.replace(id, missing).replace(head, missing);
      const asMissing = await siblingClerk.request(method, probe, body && JSON.parse(JSON.stringify(body).replace(id, missing)));
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
      expect(res.json(), `${method} ${url}`).toEqual(asMissing.json());
    }
    const theirs = await list(siblingClerk, '');
    expect(theirs.items.map((h) => h.id)).not.toContain(id);
    expect((await list(siblingClerk, `q=${headId}`)).items).toEqual([]);
    expect((await list(siblingClerk, 'q=和建国')).items).toEqual([]);

    // Nothing changed behind the refusals.
    const after = await detail(clerk, id);
    expect(after.household).toEqual(d.household);
    expect(after.members).toEqual(d.members);
  });

  it('a household outside the caller’s villages cannot be created, nor moved there', async () => {
    const res = await clerk.post('/api/households', { householdNo: householdNo(), villageCode: R.siblingVillage, address: '一组', householdType: 'ordinary', assistanceStatus: 'none' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('所选村不在您的管辖范围内');
    const mine = await createHousehold(clerk);
    const moved = await clerk.request('PATCH', `/api/households/${mine.household.id}`, { version: 1, villageCode: R.siblingVillage });
    expect(moved.statusCode).toBe(400);
    expect((await detail(clerk, mine.household.id)).household.villageCode).toBe(R.village);
  });
});

describe('two editors of one record (quality.md #12)', () => {
  it('PATCH /api/households/:id: same version → one 200, one 409 with the current record; nothing overwritten', async () => {
    const admin = await env.as('county_admin', R.county);
    const { household } = await createHousehold(clerk);
    const v = household.version;

    const first = await clerk.request('PATCH', `/api/households/${household.id}`, { version: v, address: '甲改的地址' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().household).toMatchObject({ address: '甲改的地址', version: v + 1 });
    const second = await admin.request('PATCH', `/api/households/${household.id}`, { version: v, address: '乙改的地址', unsafeWater: true });
    expect(second.statusCode, second.body).toBe(409);
    const error = second.json().error;
    expect(error.code).toBe('version_conflict');
    expect(error.message).toMatch(/已被他人修改/);
    expect(error.details.current).toMatchObject({ id: household.id, address: '甲改的地址', version: v + 1, problemFlags: { unsafeWater: false } });
    expect(error.details.current.phone).toBe('138****5678');
    const stored = await env.db.pool.query('SELECT address, unsafe_water, version FROM households WHERE id = $1', [household.id]);
    expect(stored.rows[0]).toEqual({ address: '甲改的地址', unsafe_water: false, version: v + 1 });

    // At the same moment: still exactly one winner.
    const [a, b] = await Promise.all([
      clerk.request('PATCH', `/api/households/${household.id}`, { version: v + 1, address: '同时甲' }),
      admin.request('PATCH', `/api/households/${household.id}`, { version: v + 1, address: '同时乙' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? '同时甲' : '同时乙';
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.details.current).toMatchObject({ address: winner, version: v + 2 });
    const final = await env.db.pool.query('SELECT address, version FROM households WHERE id = $1', [household.id]);
    expect(final.rows[0]).toEqual({ address: winner, version: v + 2 });
    const audited = await env.db.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'household.update' AND entity_id = $1`, [household.id]);
    expect(audited.rows[0].n).toBe(2);
  });

  it('PATCH /api/members/:id: same version → one 200, one 409 with the current (masked) member', async () => {
    const admin = await env.as('county_admin', R.county);
    const { household } = await createHousehold(clerk);
    const id = idNumber('19660909');
    const member = await addMember(clerk, household.id, { name: '原名', idNumber: id });

    const first = await clerk.request('PATCH', `/api/members/${member}`, { version: 1, name: '甲改名' });
    expect(first.statusCode, first.body).toBe(200);
    const second = await admin.request('PATCH', `/api/members/${member}`, { version: 1, name: '乙改名', health: 'chronic' });
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json().error.code).toBe('version_conflict');
    expect(second.json().error.details.current).toMatchObject({ id: member, name: '甲改名', health: 'healthy', version: 2, idNumber: `${id.slice(0, 6)}********${id.slice(-4)}` });

    const [a, b] = await Promise.all([
      clerk.request('PATCH', `/api/members/${member}`, { version: 2, name: '同时甲' }),
      admin.request('PATCH', `/api/members/${member}`, { version: 2, name: '同时乙' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? '同时甲' : '同时乙';
    const stored = await env.db.pool.query('SELECT name, health, version FROM members WHERE id = $1', [member]);
    expect(stored.rows[0]).toEqual({ name: winner, health: 'healthy', version: 3 });
  });
});

describe('members: one household per person, moves keep their trail', () => {
  it('the same ID number cannot be added to a second household (409, in Chinese, without naming the other household)', async () => {
    const one = await createHousehold(clerk);
    const two = await createHousehold(clerk);
    const id = idNumber('19551111');
    await addMember(clerk, one.household.id, { idNumber: id });

    const again = await clerk.post('/api/members', { householdId: two.household.id, name: '重复的人', idNumber: id, relation: 'head', ...adult });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().error.message).toBe('该身份证号已登记在其他家庭中，一人只能属于一户；如需迁移请在原户办理');
    expect(again.body).not.toContain(one.household.id);
    expect(again.body).not.toContain(one.household.householdNo);
    // Also when typed with a lower-case x or spaces, and also from another village (whose clerk cannot see the first).
    const otherVillage = await createHousehold(siblingClerk, { villageCode: R.siblingVillage });
    const fromSibling = await siblingClerk.post('/api/members', { householdId: otherVillage.household.id, name: '重复的人', idNumber: ` ${id} `, relation: 'head', ...adult });
    expect(fromSibling.statusCode, fromSibling.body).toBe(409);
    expect(fromSibling.json().error.message).toMatch(/一人只能属于一户/);
    // Changing another member's ID number to it is refused the same way.
    const other = await addMember(clerk, two.household.id, { idNumber: idNumber('19560101') });
    const renumber = await clerk.request('PATCH', `/api/members/${other}`, { version: 1, idNumber: id });
    expect(renumber.statusCode, renumber.body).toBe(409);
    expect(renumber.json().error.message).toMatch(/一人只能属于一户/);

    const rows = await env.db.pool.query('SELECT household_id FROM members WHERE id_number = $1', [id]);
    expect(rows.rows).toEqual([{ household_id: one.household.id }]);
    expect((await detail(clerk, two.household.id)).household.memberCount).toBe(1);
  });

  it('two clerks adding the same person to two households at the same moment: one 201, one 409, one row', async () => {
    const one = await createHousehold(clerk);
    const two = await createHousehold(siblingClerk, { villageCode: R.siblingVillage });
    const id = idNumber('19600229');
    const [a, b] = await Promise.all([
      clerk.post('/api/members', { householdId: one.household.id, name: '同一人', idNumber: id, relation: 'head', ...adult }),
      siblingClerk.post('/api/members', { householdId: two.household.id, name: '同一人', idNumber: id, relation: 'head', ...adult }),
    ]);
    expect([a.statusCode, b.statusCode].sort(), `${a.body} / ${b.body}`).toEqual([201, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('already_exists');
    expect(loser.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    const rows = await env.db.pool.query('SELECT count(*)::int AS n FROM members WHERE id_number = $1', [id]);
    expect(rows.rows[0].n).toBe(1);
    const counts = await env.db.pool.query('SELECT sum(member_count)::int AS n FROM households WHERE id = ANY($1::uuid[])', [[one.household.id, two.household.id]]);
    expect(counts.rows[0].n).toBe(1);
  });

  it('an ID number whose check character is X is stored upper-case and found by search typed in lower case', async () => {
    const { household } = await createHousehold(clerk);
    let idX = '';
    for (let s = 1; s < 1000 && !idX.endsWith('X'); s++) idX = makeIdNumber('533423', '19681203', s);
    expect(idX).toMatch(/X$/);
    await addMember(clerk, household.id, { idNumber: idX.toLowerCase() });
    const stored = await env.db.pool.query('SELECT id_number FROM members WHERE household_id = $1', [household.id]);
    expect(stored.rows).toEqual([{ id_number: idX }]);
    expect((await list(clerk, `q=${idX.toLowerCase()}`)).items.map((h) => h.id)).toEqual([household.id]);
  });

  it('moving a member to another household keeps the trail and updates both counts', async () => {
    const from = await createHousehold(clerk);
    const to = await createHousehold(clerk);
    await addMember(clerk, from.household.id, { name: '留下的户主' });
    const mover = await addMember(clerk, from.household.id, { name: '出嫁的女儿', relation: 'daughter', idNumber: idNumber('19980707') });
    await addMember(clerk, to.household.id, { name: '新户户主' });

    const stale = await clerk.post(`/api/members/${mover}/move`, { toHouseholdId: to.household.id, version: 7, reason: '结婚' });
    expect(stale.statusCode, stale.body).toBe(409);
    const same = await clerk.post(`/api/members/${mover}/move`, { toHouseholdId: from.household.id, version: 1, reason: '结婚' });
    expect(same.statusCode, same.body).toBe(400);
    expect(same.json().error.message).toBe('成员已在该户');

    const moved = await clerk.post(`/api/members/${mover}/move`, { toHouseholdId: to.household.id, version: 1, reason: '结婚' });
    expect(moved.statusCode, moved.body).toBe(200);

    const a = await detail(clerk, from.household.id);
    const b = await detail(clerk, to.household.id);
    expect(a.household.memberCount).toBe(1);
    expect(a.members.map((m) => m.name)).toEqual(['留下的户主']);
    expect(b.household.memberCount).toBe(2);
    expect(b.members.find((m) => m.id === mover)).toMatchObject({ householdId: to.household.id, version: 2 });
    const trail = { member_id: mover, from_household_id: from.household.id, to_household_id: to.household.id, reason: '结婚' };
    expect(a.memberMoves).toEqual([expect.objectContaining(trail)]);
    expect(b.memberMoves).toEqual([expect.objectContaining(trail)]);
    expect(new Date(a.memberMoves[0]!.moved_at).toISOString()).toBe(env.clock.now().toISOString());
    // The lists agree with the details.
    const rows = (await list(clerk, `q=${to.household.householdNo}`)).items;
    expect(rows).toEqual([expect.objectContaining({ id: to.household.id, memberCount: 2 })]);

    // A move into a household the caller cannot see is a missing household.
    const elsewhere = await createHousehold(siblingClerk, { villageCode: R.siblingVillage });
    const out = await clerk.post(`/api/members/${mover}/move`, { toHouseholdId: elsewhere.household.id, version: 2, reason: '迁出' });
    expect(out.statusCode, out.body).toBe(404);
    expect((await detail(clerk, to.household.id)).household.memberCount).toBe(2);
  });
});

describe('income records', () => {
  it('per-capita net income is computed exactly in fen from yuan amounts', async () => {
    const { household } = await createHousehold(clerk);
    await addMember(clerk, household.id);
    await addMember(clerk, household.id, { relation: 'spouse', idNumber: idNumber('19750505') });
    await addMember(clerk, household.id, { relation: 'father', idNumber: idNumber('19480808') });

    // wage 30,000.50 + 1,200.25 + planting 4,000 + pension 2,400 − planting costs 800.10 = 36,800.65 yuan; ÷ 3 = 12,266.883… → 12,266.88.
    const res = await saveIncome(clerk, household.id, 2025, 4, {
      wageOther: '30,000.50', wagePublicWelfare: 1200.25, businessPlanting: '4000', transferPension: '2400', costPlanting: '800.10', medicalOutOfPocket: '999',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('valid');
    expect(res.json().summary).toEqual({
      wage: 3_120_075, business: 400_000, property: 0, transfer: 240_000, cost: 80_010, gross: 3_760_075, net: 3_680_065, householdSize: 3, perCapitaNet: 1_226_688,
    });
    const stored = await env.db.pool.query(
      'SELECT wage_other, wage_public_welfare, cost_planting, medical_out_of_pocket, net_income, household_size, per_capita_net FROM income_records WHERE household_id = $1',
      [household.id],
    );
    expect(stored.rows).toEqual([{ wage_other: 3_000_050, wage_public_welfare: 120_025, cost_planting: 80_010, medical_out_of_pocket: 99_900, net_income: 3_680_065, household_size: 3, per_capita_net: 1_226_688 }]);
    const shown = (await list(clerk, `q=${household.householdNo}`)).items[0]!;
    expect(shown.latestIncome).toEqual({ year: 2025, quarter: 4, perCapitaAnnualFen: 1_226_688 });

    // A year-to-date Q2 figure is annualised for the list: 3,000.01 per person for half a year → 6,000.02 a year.
    const q2 = await createHousehold(clerk);
    await addMember(clerk, q2.household.id);
    const half = await saveIncome(clerk, q2.household.id, 2025, 2, { wageOther: '2000.01', businessPlanting: '1000', costPlanting: '0.00' });
    expect(half.statusCode, half.body).toBe(201);
    expect(half.json().summary.perCapitaNet).toBe(300_001);
    expect((await list(clerk, `q=${q2.household.householdNo}`)).items[0]!.latestIncome).toEqual({ year: 2025, quarter: 2, perCapitaAnnualFen: 600_002 });

    // Amounts that are not money are refused with the item's Chinese name.
    const bad = await saveIncome(clerk, household.id, 2025, 3, { wageOther: '3万' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/务工等其他工资性收入/);
    const negative = await saveIncome(clerk, household.id, 2025, 3, { businessPlanting: -5 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.message).toMatch(/种植业收入：金额不能为负数/);
  });

  it('a revision keeps the old record, superseded', async () => {
    const { household } = await createHousehold(clerk);
    await addMember(clerk, household.id);
    await addMember(clerk, household.id, { relation: 'spouse', idNumber: idNumber('19790202') });
    const first = await saveIncome(clerk, household.id, 2025, 4, { wageOther: '20000', businessPlanting: '3000', costPlanting: '1000' });
    expect(first.statusCode, first.body).toBe(201);
    env.clock.advance(60_000);
    const second = await saveIncome(clerk, household.id, 2025, 4, { wageOther: '24000', businessPlanting: '3000', costPlanting: '1000' });
    expect(second.statusCode, second.body).toBe(201);

    const all = (await clerk.get(`/api/households/${household.id}/income?revisions=true`)).json().items as { id: string; perCapitaNet: number; supersededAt: string | null; items: Record<string, number> }[];
    expect(all).toHaveLength(2);
    const old = all.find((r) => r.id === first.json().id)!;
    const current = all.find((r) => r.id === second.json().id)!;
    expect(old).toMatchObject({ perCapitaNet: 1_100_000, items: expect.objectContaining({ wageOther: 2_000_000 }) });
    expect(old.supersededAt).not.toBeNull();
    expect(current).toMatchObject({ perCapitaNet: 1_300_000, supersededAt: null });

    const latest = (await clerk.get(`/api/households/${household.id}/income`)).json().items as { id: string }[];
    expect(latest.map((r) => r.id)).toEqual([second.json().id]);
    expect((await detail(clerk, household.id)).household.latestIncome).toEqual({ year: 2025, quarter: 4, perCapitaAnnualFen: 1_300_000 });
    const audit = await env.db.pool.query(`SELECT action FROM audit_log WHERE entity = 'income_record' AND entity_id = ANY($1::text[]) ORDER BY seq`, [[first.json().id, second.json().id]]);
    expect(audit.rows.map((r) => r.action)).toEqual(['income.create', 'income.revise']);
  });

  it('a record failing a logic check is 待核实 with a Chinese message naming the value; the list shows the failure and no income', async () => {
    const { household } = await createHousehold(clerk);
    await addMember(clerk, household.id);
    await addMember(clerk, household.id, { relation: 'spouse', idNumber: idNumber('19810303') });
    // Wage 150 yuan for the year: below the 300-yuan plausibility floor; 75 yuan a head is far below 4,000.
    const res = await saveIncome(clerk, household.id, 2025, 4, { wageOther: '150' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { status: string; checks: { id: string; severity: string; message: string }[] };
    expect(body.status).toBe('to_verify');
    const wage = body.checks.find((c) => c.id === 'wage_out_of_range');
    expect(wage).toMatchObject({ severity: 'error' });
    expect(wage!.message).toContain('工资性收入 150.00 元');
    expect(wage!.message).toContain('300.00 元');
    const low = body.checks.find((c) => c.id === 'per_capita_low');
    expect(low!.message).toContain('人均纯收入 75.00 元');

    const row = (await list(clerk, `q=${household.householdNo}`)).items[0]!;
    expect(row.failingChecks.errors).toBeGreaterThanOrEqual(2);
    expect(row.latestIncome).toEqual({ year: 2025, quarter: 4, perCapitaAnnualFen: null });
    const stored = (await clerk.get(`/api/households/${household.id}/income`)).json().items;
    expect(stored).toEqual([expect.objectContaining({ status: 'to_verify', perCapitaNet: 7_500 })]);

    // Corrected: valid again, and the figure comes back.
    const fixed = await saveIncome(clerk, household.id, 2025, 4, { wageOther: '15000' });
    expect(fixed.json().status).toBe('valid');
    const again = (await list(clerk, `q=${household.householdNo}`)).items[0]!;
    expect(again.failingChecks).toEqual({ errors: 0, warnings: 0 });
    expect(again.latestIncome!.perCapitaAnnualFen).toBe(750_000);
  });

  it('a household without members has no per-capita income: refused with a Chinese message', async () => {
    const { household } = await createHousehold(clerk);
    const res = await saveIncome(clerk, household.id, 2025, 4, { wageOther: '10000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/还没有家庭成员/);
  });
});

describe('household list filters', () => {
  const VILLAGE = '533423101201'; // 保和镇 保和村, used by this block only
  let filterClerk: Client;
  const ids: Record<string, string> = {};
  const idNumbers: Record<string, string> = {};

  beforeAll(async () => {
    filterClerk = await env.as('village_clerk', VILLAGE);
    const make = async (key: string, over: Record<string, unknown>, memberName: string, income: Record<string, string> | null) => {
      const d = await createHousehold(filterClerk, { villageCode: VILLAGE, householdNo: householdNo(`F${key}`), ...over });
      idNumbers[key] = idNumber('19830601');
      await addMember(filterClerk, d.household.id, { name: memberName, idNumber: idNumbers[key] });
      if (income) expect((await saveIncome(filterClerk, d.household.id, 2025, 4, income)).statusCode).toBe(201);
      ids[key] = d.household.id;
    };
    // One member each, so per-capita = net.
    await make('rich', { householdType: 'poverty_exit' }, '木春花', { wageOther: '12000' }); // 12,000.00
    await make('poor', { householdType: 'ordinary', assistanceStatus: 'dibao' }, '余建华', { wageOther: '5000' }); // 5,000.00
    await make('failing', { householdType: 'poverty_exit', unsafeHousing: true }, '木春雷', { wageOther: '100' }); // to_verify
    await make('none', { householdType: 'ordinary' }, '和%_\\', null); // no income yet; a name with LIKE wildcards
  });

  const found = async (query: string) => new Set((await list(filterClerk, query)).items.map((h) => h.id));
  const of = (...keys: string[]) => new Set(keys.map((k) => ids[k]));

  it('by household type, assistance status and problem flag', async () => {
    expect(await found('')).toEqual(of('rich', 'poor', 'failing', 'none'));
    expect((await list(filterClerk, '')).total).toBe(4);
    expect(await found('householdType=ordinary')).toEqual(of('poor', 'none'));
    expect(await found('householdType=poverty_exit')).toEqual(of('rich', 'failing'));
    expect(await found('assistanceStatus=dibao')).toEqual(of('poor'));
    expect(await found('problemFlag=unsafe_housing')).toEqual(of('failing'));
    expect((await filterClerk.get('/api/households?householdType=rich')).statusCode).toBe(400);
  });

  it('by income band in yuan (households without a valid figure are in no band)', async () => {
    expect(await found('incomeMin=10000')).toEqual(of('rich'));
    expect(await found('incomeMax=10000')).toEqual(of('poor'));
    expect(await found('incomeMin=4000&incomeMax=6000')).toEqual(of('poor'));
    expect(await found('incomeMin=12000')).toEqual(of('rich'));
    expect(await found('incomeMin=12000.01')).toEqual(of());
    expect(await found('incomeMin=0')).toEqual(of('rich', 'poor'));
    expect((await list(filterClerk, 'incomeMin=10000')).total).toBe(1);
  });

  it('households failing logic checks', async () => {
    expect(await found('failingChecks=true')).toEqual(of('failing'));
    expect(await found('failingChecks=false')).toEqual(of('rich', 'poor', 'failing', 'none'));
  });

  it('search by member name, by full ID number, by household number — never by part of an ID', async () => {
    expect(await found(`q=${encodeURIComponent('木春花')}`)).toEqual(of('rich'));
    expect(await found(`q=${encodeURIComponent('木春')}`)).toEqual(of('rich', 'failing'));
    expect(await found(`q=${encodeURIComponent('余建华')}&householdType=ordinary`)).toEqual(of('poor'));
    expect(await found(`q=${encodeURIComponent('余建华')}&householdType=poverty_exit`)).toEqual(of());
    expect(await found(`q=${idNumbers.poor}`)).toEqual(of('poor'));
    expect(await found(`q=${idNumbers.poor!.slice(0, 14)}`)).toEqual(of());
    // LIKE wildcards typed by a user match themselves only.
    expect(await found(`q=${encodeURIComponent('和%')}`)).toEqual(of('none'));
    expect(await found(`q=${encodeURIComponent('%')}`)).toEqual(of());
    expect(await found(`q=${encodeURIComponent('_')}`)).toEqual(of());
    const no = (await detail(filterClerk, ids.rich!)).household.householdNo;
    expect(await found(`q=${encodeURIComponent(no)}`)).toEqual(of('rich'));
  });

  it('pages: page and pageSize split the list without loss or repetition', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = await filterClerk.get(`/api/households?pageSize=2&page=${page}`);
      const body = res.json() as { items: HouseholdView[]; total: number };
      expect(body.total).toBe(4);
      seen.push(...body.items.map((h) => h.id));
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen)).toEqual(of('rich', 'poor', 'failing', 'none'));
  });
});

describe('household history', () => {
  it('lists every change of the household, its members and its income, newest first, without personal data', async () => {
    const { household } = await createHousehold(clerk);
    const m = await addMember(clerk, household.id, { name: '历史户主' });
    const son = await addMember(clerk, household.id, { name: '历史之子', relation: 'son', idNumber: idNumber('20010101') });
    expect((await clerk.request('PATCH', `/api/households/${household.id}`, { version: 1, address: '新地址 8 号', assistanceStatus: 'tekun' })).statusCode).toBe(200);
    expect((await clerk.request('PATCH', `/api/members/${m}`, { version: 1, health: 'chronic' })).statusCode).toBe(200);
    expect((await saveIncome(clerk, household.id, 2025, 4, { wageOther: '20000' })).statusCode).toBe(201);
    expect((await saveIncome(clerk, household.id, 2025, 4, { wageOther: '21000' })).statusCode).toBe(201);
    // Reads and refused writes are not changes.
    await clerk.get(`/api/households/${household.id}`);
    expect((await clerk.request('PATCH', `/api/households/${household.id}`, { version: 1, address: '过期版本' })).statusCode).toBe(409);
    // Another household's changes are not this one's.
    const other = await createHousehold(clerk);
    await addMember(clerk, other.household.id);

    const res = await clerk.get(`/api/households/${household.id}/history`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { seq: number; action: string; entity: string; username: string; before: unknown; after: unknown }[];
    expect(items.map((i) => i.action)).toEqual(['income.revise', 'income.create', 'member.update', 'household.update', 'member.create', 'member.create', 'household.create']);
    expect(items.every((i) => i.username === clerk.username)).toBe(true);
    const seqs = items.map((i) => i.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    const update = items.find((i) => i.action === 'household.update')!;
    expect(update.before).toMatchObject({ address: '保和镇南路一组 12 号', assistanceStatus: 'none' });
    expect(update.after).toMatchObject({ address: '新地址 8 号', assistanceStatus: 'tekun' });
    expect(items.find((i) => i.action === 'member.update')).toMatchObject({ before: { health: 'healthy' }, after: { health: 'chronic' } });
    expect(items.find((i) => i.action === 'income.revise')).toMatchObject({ before: { wageOther: 2_000_000 }, after: { wageOther: 2_100_000 } });
    expect(res.body).not.toContain('13812345678');
    const ids = await env.db.pool.query('SELECT id_number FROM members WHERE id = ANY($1::uuid[])', [[m, son]]);
    for (const r of ids.rows) expect(res.body).not.toContain(r.id_number);
  });

  it('a member moving out shows in the history of the household they left, as well as of the one they joined', async () => {
    const from = await createHousehold(clerk);
    const to = await createHousehold(clerk);
    await addMember(clerk, from.household.id, { name: '留守户主' });
    const mover = await addMember(clerk, from.household.id, { name: '迁出之女', relation: 'daughter', idNumber: idNumber('19990909') });
    await addMember(clerk, to.household.id, { name: '迁入户户主' });
    expect((await clerk.post(`/api/members/${mover}/move`, { toHouseholdId: to.household.id, version: 1, reason: '结婚迁入夫家' })).statusCode).toBe(200);

    const actions = async (id: string) => ((await clerk.get(`/api/households/${id}/history`)).json().items as { action: string }[]).map((i) => i.action);
    expect(await actions(to.household.id)).toContain('member.move');
    // The household that lost a member must still say so: its member count changed.
    expect(await actions(from.household.id)).toEqual(['member.move', 'member.create', 'member.create', 'household.create']);
  });
});

describe('search by household number', () => {
  it('finds a household whose number has lower-case letters, typed exactly as stored', async () => {
    const no = `hx-${randomUUID().slice(0, 6)}`;
    const { household } = await createHousehold(clerk, { householdNo: no });
    expect((await list(clerk, `q=${no}`)).items.map((h) => h.id)).toEqual([household.id]);
  });
});
