import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from './database.ts';

export { sql, type SQL };

/** Runs a Drizzle `sql` query and returns its rows with the caller's row type. Repositories only. */
export async function queryRows<T>(orm: Executor, query: SQL): Promise<T[]> {
  const result = await orm.execute(query);
  return result.rows as T[];
}

export async function queryOne<T>(orm: Executor, query: SQL): Promise<T | undefined> {
  return (await queryRows<T>(orm, query))[0];
}

/** `code LIKE prefix%` for region scope; the prefix is validated digits, the pattern is still bound, not spliced. */
export function withinScope(column: SQL, scopePrefix: string): SQL {
  return sql`${column} LIKE ${scopePrefix + '%'}`;
}

/** A JS array as ONE array parameter (Drizzle's `sql` would otherwise expand it into a list of parameters). */
export function arrayParam(values: readonly (string | number)[]): SQL {
  return sql`${sql.param(values)}`;
}
