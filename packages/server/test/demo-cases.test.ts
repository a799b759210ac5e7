import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay, type CaseEvent } from '@zengshou/core';
import { startTestEnv, type TestEnv } from './harness.ts';
import { seedDemo } from '../src/modules/demo/demo.service.ts';
import { queryRows, sql } from '../src/platform/db/sql.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
  await seedDemo(env.deps, 'Demo-Passw0rd-2026', () => {}, 1_500);
}, 300_000);
afterAll(async () => env?.close());

describe('demo cases', () => {
  it('puts real warnings into every stage of the workflow, each case a replay of events the workflow accepts', async () => {
    const cases = await queryRows<{ id: string; status: string; state: unknown; version: number; due_date: string | null; warning_id: string }>(env.db.orm, sql`SELECT id, status, state, version, due_date, warning_id FROM cases`);
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(['lead', 'home_check', 'in_notice', 'township_review', 'county_approval', 'monitored']));
    for (const c of cases) {
      const events = await queryRows<{ event: CaseEvent }>(env.db.orm, sql`SELECT event FROM case_events WHERE case_id = ${c.id}::uuid ORDER BY seq`);
      expect(replay(events.map((e) => e.event))).toEqual(c.state);
      expect(c.version).toBe(events.length);
    }
    const linked = await queryRows<{ n: number }>(env.db.orm, sql`SELECT count(*)::int8 AS n FROM warnings w JOIN cases c ON c.id = w.case_id AND c.warning_id = w.id`);
    expect(linked[0]!.n).toBe(cases.length);

    // Signed in as the demo accounts, each role finds work waiting, and the county sees overdue items.
    for (const [username, min] of [['clerk', 1], ['reviewer', 1], ['county', 1]] as const) {
      const c = env.client();
      expect((await c.login(username, 'Demo-Passw0rd-2026')).statusCode).toBe(200);
      const queue = (await c.get('/api/cases?queue=mine&pageSize=200')).json();
      expect(queue.total, username).toBeGreaterThanOrEqual(min);
      if (username === 'county') expect(queue.counts.overdue).toBeGreaterThanOrEqual(1);
    }
    const county = env.client();
    await county.login('county', 'Demo-Passw0rd-2026');
    const all = (await county.get('/api/cases?pageSize=200')).json();
    expect(all.counts.dueSoon).toBeGreaterThanOrEqual(1);
    expect(all.items.filter((i: { urgency: string }) => i.urgency === 'overdue').length).toBe(all.counts.overdue);
    // Running the seed again adds nothing.
    await seedDemo(env.deps, 'Demo-Passw0rd-2026', () => {}, 1_500);
    expect((await queryRows<{ n: number }>(env.db.orm, sql`SELECT count(*)::int8 AS n FROM cases`))[0]!.n).toBe(cases.length);
  });
});
