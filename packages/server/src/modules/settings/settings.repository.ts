import type { Executor } from '../../platform/db/database.ts';
import { queryOne, sql } from '../../platform/db/sql.ts';

export interface StoredSetting<T> {
  value: T;
  version: number;
}

export async function readSetting<T>(orm: Executor, key: string): Promise<StoredSetting<T> | undefined> {
  return queryOne<StoredSetting<T>>(orm, sql`SELECT value, version FROM settings WHERE key = ${key}`);
}

/** Optimistic: writes only when the stored version is the one the caller read. Returns false on a lost race. */
export async function writeSetting<T>(orm: Executor, key: string, value: T, expectedVersion: number): Promise<boolean> {
  const row = await queryOne<{ version: number }>(
    orm,
    sql`UPDATE settings SET value = ${JSON.stringify(value)}::jsonb, version = version + 1, updated_at = now()
        WHERE key = ${key} AND version = ${expectedVersion} RETURNING version`,
  );
  return row !== undefined;
}

/** Creates a setting no migration seeded, at version 1. Returns false if another writer created it first. */
export async function insertSetting<T>(orm: Executor, key: string, value: T): Promise<boolean> {
  const row = await queryOne<{ version: number }>(
    orm,
    sql`INSERT INTO settings (key, value, version) VALUES (${key}, ${JSON.stringify(value)}::jsonb, 1) ON CONFLICT (key) DO NOTHING RETURNING version`,
  );
  return row !== undefined;
}
