import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEnv, type TestEnv, R } from './harness.ts';
import { idNumber } from './support/registry-factory.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => env?.close());

describe('logic-check thresholds are data, changed by the system administrator', () => {
  it('the same income is valid under the default threshold and 待核实 once the threshold is raised', async () => {
    const clerk = await env.as('village_clerk', R.village);
    const created = await clerk.post('/api/households', { householdNo: 'LC-1', villageCode: R.village, address: '一组', householdType: 'ordinary', assistanceStatus: 'none' });
    expect(created.statusCode, created.body).toBe(201);
    const householdId = created.json().household.id;
    const member = await clerk.post('/api/members', { householdId, name: '杨一', idNumber: idNumber('19700101'), relation: 'head', labourCapacity: 'normal', health: 'healthy', schooling: 'junior_secondary', schoolingStatus: 'not_applicable', employmentStatus: 'farming' });
    expect(member.statusCode, member.body).toBe(201);
    const save = () => clerk.post('/api/income-records', { householdId, year: 2025, quarter: 4, items: { wageOther: '4500', businessPlanting: '500', costPlanting: '100' } });

    const firstRes = await save();
    expect(firstRes.statusCode, firstRes.body).toBe(201);
    const first = firstRes.json();
    expect(first.status).toBe('valid'); // 4,900 yuan a year is above the default 4,000 floor

    const sys = await env.as('system_admin', R.county);
    const current = (await sys.get('/api/settings/logic-checks')).json();
    expect(current.config.perCapitaMin).toBe(400_000);
    const put = await sys.request('PUT', '/api/settings/logic-checks', { version: current.version, config: { ...current.config, perCapitaMin: 500_000 } });
    expect(put.statusCode, put.body).toBe(200);

    const second = (await save()).json();
    expect(second.status).toBe('to_verify');
    expect(second.checks.map((c: { id: string }) => c.id)).toContain('per_capita_low');
    expect(second.checks.find((c: { id: string }) => c.id === 'per_capita_low').message).toMatch(/4,900\.00 元.*5,000\.00 元/);

    const disabled = await sys.request('PUT', '/api/settings/logic-checks', {
      version: put.json().version, config: { ...put.json().config, enabled: { per_capita_low: false } },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect((await save()).json().status).toBe('valid');
  });

  it('a stale version is refused with the current thresholds', async () => {
    const sys = await env.as('system_admin', R.county);
    const current = (await sys.get('/api/settings/logic-checks')).json();
    const res = await sys.request('PUT', '/api/settings/logic-checks', { version: current.version - 1 || 999, config: current.config });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.current.version).toBe(current.version);
  });
});
