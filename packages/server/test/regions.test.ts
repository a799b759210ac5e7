import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEnv, type TestEnv, R, diqingDivisions } from './harness.ts';
import { queryOne, queryRows, sql } from '../src/platform/db/sql.ts';
import { findRegionAt, insertRegion, loadRegions, retireRegions } from '../src/modules/regions/regions.repository.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => env?.close());

describe('regions', () => {
  it('holds Diqing down to every village: Weixi has 10 townships and 83 villages, Shangri-La 65 villages', async () => {
    const counts = await queryRows<{ county: string; townships: number; villages: number }>(
      env.db.orm,
      sql`SELECT substr(code, 1, 6) AS county, count(*) FILTER (WHERE level = 'township')::int8 AS townships,
                 count(*) FILTER (WHERE level = 'village')::int8 AS villages
          FROM regions WHERE valid_to IS NULL AND code LIKE '5334%' AND length(code) >= 9 GROUP BY 1 ORDER BY 1`,
    );
    expect(counts.find((c) => c.county === '533423')).toEqual({ county: '533423', townships: 10, villages: 83 });
    expect(counts.find((c) => c.county === '533401')?.villages).toBe(65);
    const weixi = await queryOne<{ name: string; version: string }>(env.db.orm, sql`SELECT name, version FROM regions WHERE code = '533423'`);
    expect(weixi).toEqual({ name: '维西傈僳族自治县', version: '2023' });
  });

  it('loading the same code table again changes nothing', async () => {
    const rows = await diqingDivisions();
    const result = await env.db.transaction((tx) => loadRegions(tx, '2023', '2023-01-01', rows));
    expect(result).toEqual({ staged: rows.length, inserted: 0 });
  });

  it('serves the tree below the caller’s scope and hides everything else', async () => {
    const reviewer = await env.as('township_reviewer', R.township);
    const roots = (await reviewer.get('/api/regions/children')).json().items;
    expect(roots).toEqual([{ code: R.township, name: '保和镇', level: 'township', parentCode: R.county, hasChildren: true }]);
    const villages = (await reviewer.get(`/api/regions/children?parent=${R.township}`)).json().items;
    expect(villages.length).toBeGreaterThan(3);
    expect(villages.every((v: { code: string; level: string }) => v.code.startsWith(R.township) && v.level === 'village')).toBe(true);
    expect((await reviewer.get(`/api/regions/children?parent=${R.siblingTownship}`)).statusCode).toBe(404);
    expect((await reviewer.get(`/api/regions/children?parent=${R.county}`)).statusCode).toBe(404);
    const path = (await reviewer.get(`/api/regions/${R.village}`)).json().path.map((p: { name: string }) => p.name);
    expect(path.slice(0, 4)).toEqual(['云南省', '迪庆藏族自治州', '维西傈僳族自治县', '保和镇']);
  });

  it('keeps history when townships merge: the old codes stay resolvable for their period', async () => {
    const [a, b] = ['533423205', '533423206']; // 巴迪乡, 中路乡 merged into a new town
    const merged = '533423104';
    await env.db.transaction(async (tx) => {
      await tx.orm.execute(sql`INSERT INTO region_code_versions (version, valid_from, source) VALUES ('2027', '2027-01-01', 'test merge')`);
      await retireRegions(tx, [a, b], merged, '2027-01-01');
      await insertRegion(tx, { code: merged, name: '巴迪镇', level: 'township', parentCode: R.county, version: '2027', validFrom: '2027-01-01' });
    });
    expect(await findRegionAt(env.db.orm, a, '2026-06-30')).toMatchObject({ name: '巴迪乡', valid_to: '2027-01-01', successor_code: merged });
    expect(await findRegionAt(env.db.orm, a, '2027-03-01')).toBeUndefined();
    expect(await findRegionAt(env.db.orm, merged, '2027-03-01')).toMatchObject({ name: '巴迪镇' });
    const current = (await (await env.as('county_admin', R.county)).get(`/api/regions/children?parent=${R.county}`)).json().items;
    const codes = current.map((r: { code: string }) => r.code);
    expect(codes).toContain(merged);
    expect(codes).not.toContain(a);
  });
});
