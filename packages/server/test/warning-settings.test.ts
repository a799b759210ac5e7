import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WARNING_CONFIG, WARNING_RULE_IDS, WARNING_RULES_VERSION } from '@zengshou/core';
import { startTestEnv, type TestEnv, R } from './harness.ts';
import { idNumber } from './support/registry-factory.ts';
import { setLine } from '../src/modules/monitoring/monitoring.repository.ts';
import { queryRows, sql } from '../src/platform/db/sql.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
  // Yunnan's line, set by the province (no province account exists in these tests): 8,700 yuan.
  await env.db.transaction(async (tx) => {
    for (const year of [2024, 2025]) await setLine(tx, { regionCode: '53', year, amountFen: 870_000, method: 'manual', inputs: null, note: null, by: null, at: env.clock.now() });
  });
});
afterAll(async () => env?.close());

type Client = Awaited<ReturnType<TestEnv['as']>>;

/** A one-person household whose 2025 per-capita net income is wage + 700 yuan (800 planting − 100 costs). */
async function household(clerk: Client, no: string, wageYuan: string) {
  const h = await clerk.post('/api/households', { householdNo: no, villageCode: R.village, address: '一组', householdType: 'poverty_exit', assistanceStatus: 'none' });
  expect(h.statusCode, h.body).toBe(201);
  const id = h.json().household.id as string;
  const m = await clerk.post('/api/members', { householdId: id, name: '和一', idNumber: idNumber('19700101'), relation: 'head', labourCapacity: 'normal', health: 'healthy', schooling: 'primary', schoolingStatus: 'not_applicable', employmentStatus: 'farming' });
  expect(m.statusCode, m.body).toBe(201);
  const r = await clerk.post('/api/income-records', { householdId: id, year: 2025, quarter: 4, items: { wageOther: wageYuan, businessPlanting: '800', costPlanting: '100' } });
  expect(r.statusCode, r.body).toBe(201);
  return id;
}

const storedRow = async () =>
  (await queryRows<{ value: unknown; version: number }>(env.db.orm, sql`SELECT value, version FROM settings WHERE key = 'warnings'`))[0]!;

const ALL_ON = Object.fromEntries(WARNING_RULE_IDS.map((id) => [id, true]));

describe('warning rules are data, changed by the system administrator', () => {
  it('reads the defaults, every rule switched on, with the rule catalogue', async () => {
    const sys = await env.as('system_admin', R.county);
    const res = await sys.get('/api/settings/warnings');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.version).toBe(1);
    expect(body.config).toEqual({
      marginPct: 10, fallPct: 10, partFallPct: 20, partFallMinFen: 50_000, focusThresholdFen: 1_000_000, enabled: ALL_ON, weights: {},
    });
    expect(body.config.focusThresholdFen).toBe(DEFAULT_WARNING_CONFIG.focusThresholdFen);
    expect(body.rules.map((r: { id: string }) => r.id)).toEqual([...WARNING_RULE_IDS]);
    const near = body.rules.find((r: { id: string }) => r.id === 'near_line');
    expect(near).toMatchObject({ title: '人均纯收入接近监测线', version: WARNING_RULES_VERSION, parameters: ['marginPct'], needsIncome: true });
    expect(near.description).toMatch(/接近监测线幅度/);
  });

  it('saves a change, audits it with before and after, and refuses a stale version with the current settings', async () => {
    const sys = await env.as('system_admin', R.county);
    const current = (await sys.get('/api/settings/warnings')).json();
    const put = await sys.request('PUT', '/api/settings/warnings', {
      version: current.version,
      config: { ...current.config, fallPct: 15, enabled: { ...current.config.enabled, no_labour: false }, weights: { below_line: 1.5 } },
    });
    expect(put.statusCode, put.body).toBe(200);
    const saved = put.json();
    expect(saved.version).toBe(current.version + 1);
    expect(saved.config).toMatchObject({ fallPct: 15, marginPct: 10, weights: { below_line: 1.5 } });
    expect(saved.config.enabled.no_labour).toBe(false);
    expect(saved.config.enabled.below_line).toBe(true);
    expect(saved.rules).toHaveLength(WARNING_RULE_IDS.length);
    expect((await sys.get('/api/settings/warnings')).json()).toEqual(saved);

    const audit = await queryRows<{ action: string; outcome: string; username: string; before: { fallPct: number }; after: { fallPct: number } }>(
      env.db.orm,
      sql`SELECT action, outcome, username, before, after FROM audit_log WHERE entity = 'settings' AND entity_id = 'warnings' ORDER BY seq`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'settings.update', outcome: 'success', username: sys.username });
    expect(audit[0]!.before.fallPct).toBe(10);
    expect(audit[0]!.after.fallPct).toBe(15);

    const stale = await sys.request('PUT', '/api/settings/warnings', { version: current.version, config: { ...current.config, fallPct: 30 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect(stale.json().error.details.current).toEqual(saved);
    expect((await storedRow()).version).toBe(saved.version);

    // Back to the defaults for the evaluation test below.
    const reset = await sys.request('PUT', '/api/settings/warnings', { version: saved.version, config: {} });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().config).toEqual({ ...DEFAULT_WARNING_CONFIG, enabled: ALL_ON, weights: {} });
  });

  it('refuses invalid values with the schema’s Chinese messages and stores nothing', async () => {
    const sys = await env.as('system_admin', R.county);
    const current = (await sys.get('/api/settings/warnings')).json();
    const before = await storedRow();
    const auditCount = async () =>
      (await queryRows<{ n: number }>(env.db.orm, sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = 'warnings'`))[0]!.n;
    const audits = await auditCount();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ marginPct: 150 }, /接近监测线幅度不能超过 100%/],
      [{ fallPct: -5 }, /收入下降幅度不能为负数/],
      [{ focusThresholdFen: 1.5 }, /金额必须是以分为单位的整数/],
      [{ partFallMinFen: -100 }, /金额不能为负数/],
      [{ weights: { near_line: 11 } }, /权重不能超过 10/],
      [{ enabled: { below_the_line: false } }, /输入有误/],
      [{ marginPct: 10, margin: 12 }, /输入有误/],
    ];
    for (const [config, message] of cases) {
      const res = await sys.request('PUT', '/api/settings/warnings', { version: current.version, config });
      expect(res.statusCode, JSON.stringify(config)).toBe(400);
      expect(res.json().error.message, JSON.stringify(config)).toMatch(message);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const extraTop = await sys.request('PUT', '/api/settings/warnings', { version: current.version, config: {}, regionCode: R.otherCounty });
    expect(extraTop.statusCode).toBe(400);
    expect(await storedRow()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('only the system administrator reads or changes them', async () => {
    const county = await env.as('county_admin', R.county);
    expect((await county.get('/api/settings/warnings')).statusCode).toBe(403);
    expect((await county.request('PUT', '/api/settings/warnings', { version: 1, config: {} })).statusCode).toBe(403);
  });

  it('a saved change decides the next evaluation (重新研判): rules switched off close, a raised threshold opens', async () => {
    const clerk = await env.as('village_clerk', R.village);
    const county = await env.as('county_admin', R.county);
    const sys = await env.as('system_admin', R.county);
    const low = await household(clerk, 'WS-1', '9000'); // 9,700 yuan: above the 8,700 line, under the 10,000 focus line
    const high = await household(clerk, 'WS-2', '11000'); // 11,700 yuan
    const warningsOf = async (id: string, status: 'open' | 'closed', ruleId: string) =>
      (await county.get(`/api/warnings?householdId=${id}&status=${status}&ruleId=${ruleId}`)).json().items as { score: number; explanation: string; closeReason: string | null }[];
    const evaluate = async () => {
      const res = await county.post('/api/monitoring/evaluate');
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { opened: number; updated: number; closed: number };
    };
    const put = async (change: (config: Record<string, unknown>) => Record<string, unknown>) => {
      const current = (await sys.get('/api/settings/warnings')).json();
      const res = await sys.request('PUT', '/api/settings/warnings', { version: current.version, config: change(current.config) });
      expect(res.statusCode, res.body).toBe(200);
    };

    await evaluate();
    expect(await warningsOf(low, 'open', 'focus_low_income')).toHaveLength(1);
    expect(await warningsOf(high, 'open', 'focus_low_income')).toHaveLength(0);
    expect(await warningsOf(low, 'open', 'near_line')).toHaveLength(0); // 9,700 ≥ 8,700 × 1.1

    // Saving alone changes nothing: the change applies when the households are judged again.
    await put((c) => ({ ...c, enabled: { ...(c.enabled as object), focus_low_income: false } }));
    expect(await warningsOf(low, 'open', 'focus_low_income')).toHaveLength(1);
    const off = await evaluate();
    expect(off.closed).toBeGreaterThanOrEqual(1);
    expect(await warningsOf(low, 'open', 'focus_low_income')).toHaveLength(0);
    expect((await warningsOf(low, 'closed', 'focus_low_income'))[0]!.closeReason).toMatch(/已消除/);

    // Back on with the focus line raised to 12,000 yuan and a wider band above the monitoring line.
    await put((c) => ({ ...c, enabled: { ...(c.enabled as object), focus_low_income: true }, focusThresholdFen: 1_200_000, marginPct: 20 }));
    const on = await evaluate();
    expect(on.opened).toBeGreaterThanOrEqual(3);
    const highFocus = await warningsOf(high, 'open', 'focus_low_income');
    expect(highFocus).toHaveLength(1);
    expect(highFocus[0]!.explanation).toMatch(/11,700\.00 元.*12,000\.00 元/);
    expect(await warningsOf(low, 'open', 'focus_low_income')).toHaveLength(1);
    const near = await warningsOf(low, 'open', 'near_line'); // 9,700 < 8,700 × 1.2 = 10,440
    expect(near).toHaveLength(1);
    expect(near[0]!.explanation).toMatch(/20%/);

    // A weight rescales the score of the standing warning (10 → 20).
    expect(highFocus[0]!.score).toBe(10);
    await put((c) => ({ ...c, weights: { focus_low_income: 2 } }));
    const weighted = await evaluate();
    expect(weighted.updated).toBeGreaterThanOrEqual(2);
    expect((await warningsOf(high, 'open', 'focus_low_income'))[0]!.score).toBe(20);
  });
});
