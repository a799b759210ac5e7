import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEnv, type TestEnv, R, TEST_PASSWORD, DB_KIND } from './harness.ts';
import { queryRows, sql } from '../src/platform/db/sql.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => env?.close());

async function auditRows() {
  return queryRows<{ seq: number; action: string; outcome: string; username: string | null; ip: string | null; before: unknown; after: unknown; detail: unknown }>(
    env.db.orm,
    sql`SELECT seq, action, outcome, username, ip, before, after, detail FROM audit_log ORDER BY seq`,
  );
}

describe('audit trail', () => {
  it('records logins (success and failure), denied access and changes with before/after, user and IP', async () => {
    const u = await env.createUser('viewer', R.county);
    const c = env.client('10.1.2.3');
    await c.login(u.username, 'Wrong-pass-1x');
    await c.login(u.username, TEST_PASSWORD);
    await c.get('/api/users'); // viewer may not manage users
    const admin = await env.as('security_admin', R.county);
    const created = await admin.post('/api/users', { username: 'audited_user', displayName: '被审计', roles: ['viewer'], regionCode: R.township, password: 'Strong-Pass-77' });
    const id = created.json().user.id;
    await admin.request('PATCH', `/api/users/${id}`, { version: 1, displayName: '改了名字' });

    const rows = await auditRows();
    const mine = rows.filter((r) => r.username === u.username);
    expect(mine.map((r) => [r.action, r.outcome])).toEqual([
      ['auth.login', 'failure'],
      ['auth.login', 'success'],
      ['auth.denied', 'denied'],
    ]);
    expect(mine.every((r) => r.ip === '10.1.2.3')).toBe(true);
    const update = rows.find((r) => r.action === 'user.update')!;
    expect(update.username).toBe(admin.username);
    expect(update.before).toMatchObject({ displayName: '被审计' });
    expect(update.after).toMatchObject({ displayName: '改了名字' });
    expect(JSON.stringify(rows)).not.toContain('Strong-Pass-77');
  });

  it('lets the application neither update nor delete nor truncate audit rows', async () => {
    await expect(env.db.pool.query(`UPDATE audit_log SET action = 'x' WHERE seq = 1`)).rejects.toMatchObject({ code: '42501' });
    await expect(env.db.pool.query(`DELETE FROM audit_log WHERE seq = 1`)).rejects.toMatchObject({ code: '42501' });
    await expect(env.db.pool.query(`TRUNCATE audit_log`)).rejects.toMatchObject({ code: '42501' });
  });

  it('keeps an intact hash chain, and verify names the first edited row', async () => {
    const before = await env.deps.audit.verify();
    expect(before.ok).toBe(true);
    expect(before.checked).toBeGreaterThan(5);

    const auditor = await env.as('audit_admin', R.county);
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: true });

    // Someone with database-owner rights switches the guard off and edits row 3.
    await env.db.pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await env.db.pool.query(`UPDATE audit_log SET ip = '6.6.6.6' WHERE seq = 3`);
    await env.db.pool.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    const after = await env.deps.audit.verify();
    expect(after).toEqual({ ok: false, checked: 2, firstBrokenSeq: 3 });
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it('detects a deleted row in the middle of the chain', async () => {
    const { db, drop } = await (await import('./harness.ts')).openTestDatabase();
    try {
      const { AuditLog } = await import('../src/platform/audit/audit-log.ts');
      const { ManualClock } = await import('../src/platform/clock.ts');
      const log = new AuditLog(db, new ManualClock(new Date('2026-01-01T00:00:00Z')));
      for (let i = 0; i < 5; i++) await log.appendStandalone({ action: 'test', outcome: 'success', detail: { i } });
      await db.pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
      await db.pool.query('DELETE FROM audit_log WHERE seq = 4');
      expect(await log.verify()).toEqual({ ok: false, checked: 3, firstBrokenSeq: 4 });
    } finally {
      await drop();
    }
  });

  it('chains concurrent appends without forks', async () => {
    const { db, drop } = await (await import('./harness.ts')).openTestDatabase();
    try {
      const { AuditLog } = await import('../src/platform/audit/audit-log.ts');
      const { systemClock } = await import('../src/platform/clock.ts');
      const log = new AuditLog(db, systemClock);
      await Promise.all(Array.from({ length: 40 }, (_, i) => log.appendStandalone({ action: 'parallel', outcome: 'success', detail: { i } })));
      expect(await log.verify()).toEqual({ ok: true, checked: 40, firstBrokenSeq: null });
    } finally {
      await drop();
    }
  });

  it('shows the audit administrator a filtered view, newest first', async () => {
    const auditor = await env.as('audit_admin', R.county);
    const res = await auditor.get('/api/audit?action=auth.login&outcome=failure');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((i: { action: string; outcome: string }) => i.action === 'auth.login' && i.outcome === 'failure')).toBe(true);
    const seqs = body.items.map((i: { seq: number }) => i.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
  });

  it('runs on ' + DB_KIND, () => expect(DB_KIND).toMatch(/pglite|postgres/));
});
