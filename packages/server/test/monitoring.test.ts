import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEnv, type TestEnv, R } from './harness.ts';
import { idNumber } from './support/registry-factory.ts';
import { setLine } from '../src/modules/monitoring/monitoring.repository.ts';
import { queryRows, sql } from '../src/platform/db/sql.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
  // Yunnan's line, set by the province (no province account exists in these tests).
  await env.db.transaction(async (tx) => {
    for (const year of [2024, 2025]) await setLine(tx, { regionCode: '53', year, amountFen: 870_000, method: 'manual', inputs: null, note: null, by: null, at: env.clock.now() });
  });
});
afterAll(async () => env?.close());

async function household(clerk: Awaited<ReturnType<TestEnv['as']>>, no: string, wageYuan: string) {
  const h = await clerk.post('/api/households', { householdNo: no, villageCode: R.village, address: '一组', householdType: 'poverty_exit', assistanceStatus: 'none' });
  expect(h.statusCode, h.body).toBe(201);
  const id = h.json().household.id as string;
  const m = await clerk.post('/api/members', { householdId: id, name: '和一', idNumber: idNumber('19700101'), relation: 'head', labourCapacity: 'normal', health: 'healthy', schooling: 'primary', schoolingStatus: 'not_applicable', employmentStatus: 'farming' });
  expect(m.statusCode, m.body).toBe(201);
  const r = await clerk.post('/api/income-records', { householdId: id, year: 2025, quarter: 4, items: { wageOther: wageYuan, businessPlanting: '800', costPlanting: '100' } });
  expect(r.statusCode, r.body).toBe(201);
  return id;
}

describe('monitoring lines', () => {
  it('a county may raise the province line but not lower it, and every change is kept', async () => {
    const county = await env.as('county_admin', R.county);
    const lower = await county.post('/api/monitoring-lines', { regionCode: R.county, year: 2025, amountYuan: '8000', method: 'manual' });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().error.message).toMatch(/8,000\.00 元.*8,700\.00 元/);
    const higher = await county.post('/api/monitoring-lines', { regionCode: R.county, year: 2025, amountYuan: '9000', method: 'manual' });
    expect(higher.statusCode, higher.body).toBe(201);
    expect(higher.json().effective.find((e: { year: number }) => e.year === 2025).line.amountFen).toBe(900_000);
    const again = await county.post('/api/monitoring-lines', { regionCode: R.county, year: 2025, amountYuan: '9100', method: 'manual' });
    expect(again.statusCode).toBe(201);
    const history = await queryRows<{ amount_fen: number; superseded: boolean }>(env.db.orm, sql`SELECT amount_fen, superseded_at IS NOT NULL AS superseded FROM monitoring_lines WHERE region_code = ${R.county} ORDER BY id`);
    expect(history.map((h) => h.amount_fen)).toEqual([900_000, 910_000]);
    const outside = await county.post('/api/monitoring-lines', { regionCode: R.otherCounty, year: 2025, amountYuan: '9500', method: 'manual' });
    expect(outside.statusCode).toBe(404);
  });
});

describe('early warnings', () => {
  it('explains each warning with its numbers, creates no duplicates when run twice, and closes a cleared condition', async () => {
    const clerk = await env.as('village_clerk', R.village);
    const poor = await household(clerk, 'W-1', '5000'); // 5,700 yuan for one person: below 9,100
    const fine = await household(clerk, 'W-2', '30000');
    const county = await env.as('county_admin', R.county);

    const first = await county.post('/api/monitoring/evaluate');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().opened).toBeGreaterThan(0);
    const open = (await county.get(`/api/warnings?householdId=${poor}&status=open`)).json();
    const below = open.items.find((w: { ruleId: string }) => w.ruleId === 'below_line');
    expect(below.explanation).toMatch(/5,700\.00 元.*9,100\.00 元/);
    expect(below.score).toBeGreaterThan(0);
    expect(below.facts).toBeTruthy();
    expect((await county.get(`/api/warnings?householdId=${fine}&status=open&ruleId=below_line`)).json().total).toBe(0);

    const countOpen = async () => (await queryRows<{ n: number }>(env.db.orm, sql`SELECT count(*)::int8 AS n FROM warnings WHERE status = 'open'`))[0]!.n;
    const before = await countOpen();
    const second = (await county.post('/api/monitoring/evaluate')).json();
    expect(second).toMatchObject({ opened: 0, closed: 0, updated: 0 });
    expect(await countOpen()).toBe(before);

    // Income rises above the line: the next evaluation closes the warning, with the reason.
    await clerk.post('/api/income-records', { householdId: poor, year: 2025, quarter: 4, items: { wageOther: '20000', businessPlanting: '800', costPlanting: '100' } });
    const third = (await county.post('/api/monitoring/evaluate')).json();
    expect(third.closed).toBeGreaterThan(0);
    const closed = (await county.get(`/api/warnings?householdId=${poor}&status=closed&ruleId=below_line`)).json();
    expect(closed.items[0].closeReason).toMatch(/已消除/);
  });

  it('shows warnings only inside the caller’s scope', async () => {
    const sibling = await env.as('village_clerk', R.siblingVillage);
    expect((await sibling.get('/api/warnings')).json().total).toBe(0);
    expect((await sibling.get(`/api/warnings?region=${R.village}`)).statusCode).toBe(404);
  });
});
