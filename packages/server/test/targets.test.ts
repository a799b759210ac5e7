/**
 * Income targets (增收目标): the schema's refusals, versions and the 409 on a stale save, region scope, the
 * inheritance the dashboard reads (applicableTargets), the sheet import (dry run, apply, idempotent re-import, a
 * report of bad rows by row and column), the audited export, and the demo's figures against seeds 004 and 000.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../src/platform/excel.ts';
import { queryOne, queryRows, sql } from '../src/platform/db/sql.ts';
import { applicableTargets, saveTargetVersion } from '../src/modules/targets/targets.repository.ts';
import { seedDemoTargets } from '../src/modules/targets/targets-demo.ts';
import { startTestEnv, R, type TestClient, type TestEnv } from './harness.ts';

let env: TestEnv;
let county: TestClient;
beforeAll(async () => {
  env = await startTestEnv();
  county = await env.as('county_admin', R.county);
});
afterAll(async () => env?.close());

const none = { wage: null, business: null, property: null, transfer: null };

interface Row {
  region_code: string;
  year: number;
  version: number;
  is_base: boolean;
  per_capita_fen: number;
  wage_fen: number | null;
  business_fen: number | null;
  property_fen: number | null;
  transfer_fen: number | null;
  growth_rate: number | null;
  source: string | null;
  note: string | null;
  superseded_at: Date | null;
}
const rowsOf = (region: string, year?: number) =>
  queryRows<Row>(env.db.orm, sql`SELECT * FROM income_targets WHERE region_code = ${region} ${year === undefined ? sql`` : sql`AND year = ${year}`} ORDER BY year, version`);
const current = async (region: string, year: number) => (await rowsOf(region, year)).find((r) => r.superseded_at === null);
const countAll = async () => (await queryOne<{ n: number }>(env.db.orm, sql`SELECT count(*)::int8 AS n FROM income_targets`))!.n;
const regionName = async (code: string) => (await queryOne<{ name: string }>(env.db.orm, sql`SELECT name FROM regions WHERE code = ${code} AND valid_to IS NULL`))!.name;

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = `----zs-targets-${randomUUID()}`;
  const head = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
  const body = Buffer.concat([
    Buffer.from(`${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const importSheet = (who: TestClient, content: Buffer, dryRun: boolean) => {
  const { body, headers } = multipart({ dryRun: String(dryRun) }, { name: 'targets.xlsx', content });
  return who.request('POST', '/api/targets/import', body, headers);
};

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目标');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function readXlsx(content: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as never);
  const out: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

const HEADERS = ['区划代码', '区划名称', '年度', '类型（目标/基数）', '人均纯收入（元）', '工资性收入（元）', '工资性收入占比（%）', '经营净收入（元）',
  '经营净收入占比（%）', '财产净收入（元）', '财产净收入占比（%）', '转移净收入（元）', '转移净收入占比（%）', '增速（%）', '来源', '备注'];

describe('demo targets (seeds 004 and 000)', () => {
  it('loads the Weixi table, Shangri-La\'s figures and the marked extrapolation, once', async () => {
    const lines: string[] = [];
    await seedDemoTargets(env.deps, (l) => lines.push(l));
    const weixi = await rowsOf('533423');
    const figures = weixi.map((r) => [r.year, r.is_base, r.per_capita_fen, r.business_fen, r.wage_fen, r.property_fen, r.transfer_fen, r.growth_rate]);
    // Typed from seed 004's table (yuan × 100); 2024's per-capita cell is 19,280.56 × 1.18, the seed's own rule.
    expect(figures.slice(0, 4)).toEqual([
      [2021, true, 1_384_700, 374_700, 791_300, 52_400, 166_300, 0.0658],
      [2022, false, 1_633_946, 578_744, 816_973, 59_149, 179_080, 0.18],
      [2023, false, 1_928_056, 800_722, 867_625, 66_711, 192_998, 0.18],
      [2024, false, 2_275_106, 1_084_543, 910_043, 75_761, 204_760, 0.18],
    ]);
    // 22,751.06 × 1.18 = 26,846.2508 → 26,846.25; × 1.18 = 31,678.575 → 31,678.58 (the demo runs to 2026).
    expect(figures.slice(4)).toEqual([
      [2025, false, 2_684_625, null, null, null, null, 0.18],
      [2026, false, 3_167_858, null, null, null, null, 0.18],
    ]);
    for (const r of weixi.slice(4)) expect(r.note).toContain('推算值，非方案原数');
    for (const r of weixi.slice(0, 4)) expect(r.source).toContain('维办发〔2022〕30号');

    const shangriLa = await rowsOf('533401');
    expect(shangriLa.map((r) => [r.year, r.is_base, r.per_capita_fen, r.wage_fen, r.business_fen, r.growth_rate])).toEqual([
      [2021, true, 1_874_894, 881_200, null, null], // 8,812 ÷ 47 % = 18,748.936…, the seed gives no 2021 total
      [2024, false, 2_518_500, 1_392_762, null, 0.1],
    ]);
    expect(shangriLa[0]!.note).toContain('并非方案原数');

    // The shares the list shows are the seed's printed shares (to its 0.01 %).
    const list = (await county.get('/api/targets?years=2021,2022,2023,2024')).json();
    const printed: Record<number, [number, number, number, number]> = {
      2021: [57.15, 27.06, 3.78, 12.01], 2022: [50, 35.42, 3.62, 10.96], 2023: [45, 41.53, 3.46, 10.01], 2024: [40, 47.67, 3.33, 9],
    };
    for (const t of list.items.filter((i: { regionCode: string }) => i.regionCode === '533423')) {
      const [wage, business, property, transfer] = printed[t.year]!;
      expect(t.partShares.wage * 100).toBeCloseTo(wage, 1);
      expect(t.partShares.business * 100).toBeCloseTo(business, 1);
      expect(t.partShares.property * 100).toBeCloseTo(property, 1);
      expect(t.partShares.transfer * 100).toBeCloseTo(transfer, 1);
      if (t.year > 2021) expect(t.derivedGrowthRate).toBeCloseTo(0.18, 5);
    }
    const sla = (await county.get('/api/targets?region=533401')).statusCode;
    expect(sla).toBe(404);

    const before = await countAll();
    await seedDemoTargets(env.deps, () => {});
    expect(await countAll()).toBe(before);
    expect(lines).toHaveLength(1);
  });
});

describe('setting a target', () => {
  const body = {
    perCapitaNetFen: 3_000_000,
    partsFen: { wage: 1_500_000, business: 1_000_000, property: 100_000, transfer: 400_000 },
    growthRate: 0.1,
    source: '县政府常务会议',
    version: 0,
  };

  it('refuses inconsistent figures with Chinese reasons', async () => {
    const res = await county.request('PUT', `/api/targets/${R.county}/2030`, { ...body, perCapitaNetFen: 2_000_000 });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('四项收入合计 30,000.00 元，与人均纯收入 20,000.00 元 相差超过 1 元');
    const shares = await county.request('PUT', `/api/targets/${R.county}/2030`, {
      ...body, partsFen: none, partShares: { wage: 0.5, business: 0.3, property: 0.05, transfer: 0.1 },
    });
    expect(shares.statusCode).toBe(400);
    expect(shares.body).toContain('四项收入占比合计 95.00%，应为 100%');
    const negative = await county.request('PUT', `/api/targets/${R.county}/2030`, { ...body, partsFen: { ...body.partsFen, wage: -1 } });
    expect(negative.body).toContain('工资性收入不能为负数');
    expect(await rowsOf(R.county, 2030)).toEqual([]);
  });

  it('converts a share entered instead of an amount', async () => {
    const res = await county.request('PUT', `/api/targets/${R.siblingTownship}/2030`, {
      perCapitaNetFen: 2_000_000, partShares: { ...none, wage: 0.553 }, version: 0,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await current(R.siblingTownship, 2030))!.wage_fen).toBe(1_106_000);
  });

  it('keeps every version, refuses a stale one with 409, and audits each change', async () => {
    const created = await county.request('PUT', `/api/targets/${R.county}/2030`, body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ regionCode: R.county, year: 2030, version: 1, perCapitaNetFen: 3_000_000, growthRate: 0.1 });
    expect(created.json().partShares.wage).toBeCloseTo(0.5, 10);

    const stale = await county.request('PUT', `/api/targets/${R.county}/2030`, { ...body, perCapitaNetFen: 3_100_000, partsFen: { ...body.partsFen, wage: 1_600_000 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.version).toBe(1);

    const revised = await county.request('PUT', `/api/targets/${R.county}/2030`, { ...body, perCapitaNetFen: 3_100_000, partsFen: { ...body.partsFen, wage: 1_600_000 }, version: 1 });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json().version).toBe(2);
    // The same figures again are no new version.
    const same = await county.request('PUT', `/api/targets/${R.county}/2030`, { ...body, perCapitaNetFen: 3_100_000, partsFen: { ...body.partsFen, wage: 1_600_000 }, version: 2 });
    expect(same.json().version).toBe(2);

    const rows = await rowsOf(R.county, 2030);
    expect(rows.map((r) => [r.version, r.per_capita_fen, r.superseded_at === null])).toEqual([[1, 3_000_000, false], [2, 3_100_000, true]]);
    const history = (await county.get(`/api/targets/${R.county}/2030/history`)).json();
    expect(history.items.map((i: { version: number }) => i.version)).toEqual([2, 1]);
    const audits = await queryRows<{ action: string; before: { perCapitaNetFen: number } | null; after: { perCapitaNetFen: number } }>(env.db.orm,
      sql`SELECT action, before, after FROM audit_log WHERE entity = 'income_target' AND entity_id = ${`${R.county}:2030`} ORDER BY seq`);
    expect(audits.map((a) => [a.action, a.before?.perCapitaNetFen ?? null, a.after.perCapitaNetFen])).toEqual([
      ['target.set', null, 3_000_000], ['target.set', 3_000_000, 3_100_000],
    ]);
  });

  it('is scoped: outside the caller\'s region is 404, no targets:manage is 403', async () => {
    expect((await county.request('PUT', `/api/targets/${R.otherCounty}/2030`, body)).statusCode).toBe(404);
    expect((await county.request('PUT', `/api/targets/${R.city}/2030`, body)).statusCode).toBe(404);
    expect((await county.request('PUT', '/api/targets/533423999/2030', body)).statusCode).toBe(404);
    expect((await county.get(`/api/targets/${R.otherCounty}/2024/history`)).statusCode).toBe(404);
    const village = await county.request('PUT', `/api/targets/${R.village}/2030`, { ...body, growthRate: null });
    expect(village.statusCode, village.body).toBe(201);
    const reviewer = await env.as('township_reviewer', R.township);
    expect((await reviewer.request('PUT', `/api/targets/${R.township}/2030`, body)).statusCode).toBe(403);
    // A reviewer reads its township's targets and the county target above it.
    const list = (await reviewer.get('/api/targets?years=2030')).json();
    expect(list.items.map((i: { regionCode: string }) => i.regionCode)).toEqual([R.village]);
    expect(list.inherited.map((i: { regionCode: string }) => i.regionCode)).toEqual([R.county]);
    const other = await env.as('county_admin', R.otherCounty);
    expect((await other.get('/api/targets?years=2030')).json().items).toEqual([]);
  });
});

describe('applicableTargets', () => {
  it('gives each region its own target or the nearest ancestor\'s, in one query', async () => {
    await env.db.transaction(async (tx) => {
      const at = env.clock.now();
      const by = { userId: null, name: '测试', at };
      const t = (regionCode: string, year: number, perCapitaNetFen: number, extra: Partial<{ base: boolean; growthRate: number | null }> = {}) =>
        saveTargetVersion(tx, { regionCode, year, base: false, perCapitaNetFen, partsFen: none, growthRate: null, source: null, note: null, ...extra }, 1, by);
      await t('53', 2040, 2_000_000);
      await t(R.county, 2039, 2_400_000, { base: true });
      await t(R.county, 2040, 3_000_000, { growthRate: null });
      await t(R.township, 2040, 3_300_000, { growthRate: 0.12 });
      // A base row is a year's actual figures, never a target to inherit.
      await t(R.otherCounty, 2040, 9_999_900, { base: true });
    });
    const map = await applicableTargets(env.db, [R.village, R.siblingTownship, R.county, R.otherCounty, R.otherCountyVillage, '54'], 2040);
    const weixiCounty = { code: R.county, name: await regionName(R.county), level: 'county' };
    const township = { code: R.township, name: await regionName(R.township), level: 'township' };
    const province = { code: '53', name: (await regionName('53').catch(() => null)) ?? '53', level: 'province' };
    expect(map.get(R.village)).toEqual({ regionCode: R.village, inheritedFrom: township, year: 2040, perCapitaNetFen: 3_300_000, partsFen: {}, growthRate: 0.12 });
    // The county's growth is derived from its 2039 base: 30,000 ÷ 24,000 − 1.
    expect(map.get(R.siblingTownship)).toEqual({ regionCode: R.siblingTownship, inheritedFrom: weixiCounty, year: 2040, perCapitaNetFen: 3_000_000, partsFen: {}, growthRate: 0.25 });
    expect(map.get(R.county)).toMatchObject({ inheritedFrom: null, perCapitaNetFen: 3_000_000 });
    expect(map.get(R.otherCounty)).toMatchObject({ inheritedFrom: province, perCapitaNetFen: 2_000_000, growthRate: null });
    expect(map.get(R.otherCountyVillage)).toMatchObject({ inheritedFrom: province });
    expect(map.has('54')).toBe(false);
    expect((await applicableTargets(env.db, [R.village], 2041)).size).toBe(0);
    // Seed 004's 2024 target, derived growth 22,751.06 ÷ 19,280.56 − 1 replaced by the stated 18 %; parts as stated.
    const weixi = (await applicableTargets(env.db, [R.village], 2024)).get(R.village)!;
    expect(weixi).toMatchObject({ inheritedFrom: weixiCounty, perCapitaNetFen: 2_275_106, growthRate: 0.18, partsFen: { wage: 910_043, business: 1_084_543, property: 75_761, transfer: 204_760 } });
  });
});

describe('sheet import and export', () => {
  const good = [
    [R.county, '维西', 2031, '目标', 30000, 15000, '', 10000, '', 1000, '', 4000, '', 10, '县方案', ''],
    [R.township, '', 2031, '', 33000, '', 50, '', '', '', '', '', '', '', '', '只填工资占比'],
  ];
  const bad = [
    [R.county, '', 2032, '目标', 30000, 10000, '', 10000, '', 1000, '', 4000, '', '', '', ''], // parts 25,000 ≠ 30,000
    [R.otherCounty, '', 2031, '', 20000, '', '', '', '', '', '', '', '', '', '', ''],
    [R.county, '', 2031, '', 30000, '', '', '', '', '', '', '', '', '', '', ''], // second row for county 2031
    [R.township, '', '二〇三一', '计划', '', '', '', '', '', '', '', '', '', '', '', ''],
  ];

  it('dry run reports every bad row by row and column and stores nothing; apply refuses while errors remain', async () => {
    const before = await countAll();
    const content = await xlsx([HEADERS, ...good, ...bad]);
    const dry = await importSheet(county, content, true);
    expect(dry.statusCode, dry.body).toBe(200);
    const report = dry.json();
    expect(report).toMatchObject({ dryRun: true, applied: false, rows: 6, created: 2, changed: 0, unchanged: 0 });
    expect(report.errors).toEqual([
      { row: 4, column: '人均纯收入（元）', columnLetter: 'E', message: '四项收入合计 25,000.00 元，与人均纯收入 30,000.00 元 相差超过 1 元' },
      { row: 5, column: '区划代码', columnLetter: 'A', message: '区划代码 533401 不存在或不在您的管辖范围内' },
      { row: 6, column: '区划代码', columnLetter: 'A', message: '533423 2031 年已在第 2 行填写，同一地区同一年度只能有一行' },
      { row: 7, column: '年度', columnLetter: 'C', message: '"二〇三一"不是整数' },
      { row: 7, column: '类型（目标/基数）', columnLetter: 'D', message: '类型应为"目标"或"基数"，不是"计划"' },
      { row: 7, column: '人均纯收入（元）', columnLetter: 'E', message: '请填写人均纯收入' },
    ]);
    expect(await countAll()).toBe(before);
    const refused = await importSheet(county, content, false);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.errors).toHaveLength(6);
    expect(await countAll()).toBe(before);
  });

  it('applies in one go, and importing the same sheet again changes nothing', async () => {
    const content = await xlsx([HEADERS, ...good]);
    const applied = await importSheet(county, content, false);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ applied: true, created: 2, changed: 0, unchanged: 0, errors: [] });
    const c = (await current(R.county, 2031))!;
    expect([c.per_capita_fen, c.wage_fen, c.business_fen, c.property_fen, c.transfer_fen, c.growth_rate, c.source]).toEqual([3_000_000, 1_500_000, 1_000_000, 100_000, 400_000, 0.1, '县方案']);
    expect((await current(R.township, 2031))!.wage_fen).toBe(1_650_000);

    const count = await countAll();
    const again = await importSheet(county, content, false);
    expect(again.json()).toMatchObject({ applied: true, created: 0, changed: 0, unchanged: 2 });
    expect(await countAll()).toBe(count);

    const changedSheet = await xlsx([HEADERS, [...good[0]!.slice(0, 13), 12, '县方案', '调整'], good[1]!]);
    const changed = await importSheet(county, changedSheet, false);
    expect(changed.json()).toMatchObject({ created: 0, changed: 1, unchanged: 1 });
    expect((await rowsOf(R.county, 2031)).map((r) => [r.version, r.growth_rate])).toEqual([[1, 0.1], [2, 0.12]]);
    const imports = await queryRows<{ detail: { created: number; changed: number } }>(env.db.orm, sql`SELECT detail FROM audit_log WHERE action = 'target.import' ORDER BY seq`);
    expect(imports.map((i) => [i.detail.created, i.detail.changed])).toEqual([[2, 0], [0, 0], [0, 1]]);
  });

  it('refuses a sheet without the required columns', async () => {
    const res = await importSheet(county, await xlsx([['区划代码', '备注'], [R.county, 'x']]), true);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('表头缺少以下列：年度、人均纯收入（元）');
  });

  it('exports the same layout, audited, and the export imports back unchanged', async () => {
    const res = await county.get(`/api/targets/export?region=${R.county}&years=2031,2024`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(HEADERS);
    const byKey = new Map(rows.slice(1).map((r) => [`${r[0]}:${r[2]}`, r]));
    expect([...byKey.keys()].sort()).toEqual([`${R.county}:2024`, `${R.county}:2031`, `${R.township}:2031`].sort());
    expect(byKey.get(`${R.county}:2024`)!.slice(2, 14)).toEqual([2024, '目标', 22751.06, 9100.43, 40, 10845.43, 47.67, 757.61, 3.33, 2047.6, 9, 18]);
    const audit = await queryOne<{ detail: { filter: { region: string } } }>(env.db.orm,
      sql`SELECT detail FROM audit_log WHERE action = 'export' AND entity = 'income_target' ORDER BY seq DESC LIMIT 1`);
    expect(audit!.detail.filter.region).toBe(R.county);

    const back = await importSheet(county, res.rawPayload, true);
    expect(back.json()).toMatchObject({ errors: [], created: 0, changed: 0, unchanged: 3 });

    const viewer = await env.as('township_reviewer', R.township);
    expect((await viewer.get('/api/targets/export')).statusCode).toBe(403);
    expect((await county.get(`/api/targets/export?region=${R.otherCounty}`)).statusCode).toBe(404);
  });

  it('serves a template with the layout\'s headers', async () => {
    const res = await county.get('/api/targets/template');
    expect(res.statusCode).toBe(200);
    expect((await readXlsx(res.rawPayload))[0]).toEqual(HEADERS);
  });
});
