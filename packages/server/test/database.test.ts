import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from './harness.ts';
import type { Database } from '../src/platform/db/database.ts';
import { migrate, readMigrations } from '../src/platform/db/migrate.ts';
import { UniqueViolationError } from '../src/platform/errors.ts';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  await db.pool.query('CREATE TABLE t (id int PRIMARY KEY, label text, at date)');
});
afterAll(async () => drop?.());

describe('database layer', () => {
  it('keeps working after failed statements (the connection survives errors)', async () => {
    for (let i = 0; i < 5; i++) await expect(db.pool.query('SELECT 1/0')).rejects.toMatchObject({ code: '22012' });
    expect((await db.pool.query('SELECT 7 AS x')).rows).toEqual([{ x: 7 }]);
  });

  it('rolls a transaction back completely when any step fails, and maps 23505 to a typed error', async () => {
    await db.pool.query(`INSERT INTO t VALUES (1, 'first', null)`);
    const attempt = db.transaction(async (tx) => {
      await tx.client.query(`INSERT INTO t VALUES (2, 'second', null)`);
      await tx.client.query(`INSERT INTO t VALUES (1, 'duplicate', null)`);
    });
    await expect(attempt).rejects.toBeInstanceOf(UniqueViolationError);
    expect((await db.pool.query('SELECT id FROM t ORDER BY id')).rows).toEqual([{ id: 1 }]);
  });

  it('COPYs rows inside a transaction: NULL vs empty string, quotes, commas, newlines, dates', async () => {
    const rows: [number, string | null, string | null][] = [
      [10, null, '2024-02-29'],
      [11, '', null],
      [12, 'a "quoted", comma\nand newline', '2000-01-01'],
      [13, '张三', null],
    ];
    const n = await db.transaction((tx) => tx.copyRows('t', ['id', 'label', 'at'], rows));
    expect(n).toBe(4);
    const back = (await db.pool.query('SELECT id, label, at FROM t WHERE id >= 10 ORDER BY id')).rows;
    expect(back).toEqual(rows.map(([id, label, at]) => ({ id, label, at })));
  });

  it('a failed COPY leaves nothing behind', async () => {
    const bad = db.transaction((tx) => tx.copyRows('t', ['id', 'label', 'at'], [[20, 'ok', null], [21, 'bad date', 'not-a-date']]));
    await expect(bad).rejects.toThrow();
    expect((await db.pool.query('SELECT count(*) AS n FROM t WHERE id >= 20')).rows[0].n).toBe(0);
  });

  it('applies migrations once and refuses an edited migration', async () => {
    expect(await migrate(db)).toEqual([]);
    const files = readMigrations();
    const edited = files.map((f, i) => (i === 0 ? { ...f, checksum: 'changed' } : f));
    await expect(migrate(db, edited)).rejects.toThrow(/was changed after it was applied/);
  });
});
