import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CASE_CONFIG, INCOME_ITEMS, containsUnmaskedPersonalData, type CaseEvent, type EliminationFacts, type RiskType } from '@zengshou/core';
import ExcelJS from '../src/platform/excel.ts';
import { R, startTestEnv, type TestClient, type TestEnv } from './harness.ts';
import { ImportService } from '../src/modules/imports/imports.service.ts';
import { ExchangeImportService, MASKED_FILE_MESSAGE } from '../src/modules/exchange/exchange-import.service.ts';
import { rowErrors } from '../src/modules/imports/imports.repository.ts';
import { storeCaseHistory } from '../src/modules/cases/cases.service.ts';
import { setHouseholdCategory } from '../src/modules/cases/cases.repository.ts';
import { queryOne, queryRows, sql } from '../src/platform/db/sql.ts';
import { HOUSEHOLD_HEADERS, MEMBER_HEADERS, householdRow, idNumber, memberRow, tempDir, writeXlsx } from './support/registry-factory.ts';

/**
 * National-format exchange: a county slice seeded through the registry import and stored case histories is
 * exported, imported into a second, empty database, and exported again; the two files must hold the same cells.
 */
let source: TestEnv;
let target: TestEnv;
let sourceAdmin: TestClient;
let targetAdmin: TestClient & { userId: string; username: string };

const INCOME_HEADERS = ['户编号', '年度', '季度', ...INCOME_ITEMS.map((i) => `${i.label}（元）`), '备注'];
type Income = Partial<Record<(typeof INCOME_ITEMS)[number]['key'], string | number>>;
const incomeRow = (no: string, year: number, quarter: number, items: Income, remark = '') =>
  [no, year, quarter, ...INCOME_ITEMS.map((i) => items[i.key] ?? ''), remark];

/** Year-to-date income: each quarter adds the same amounts, so Q4 is four times Q1. */
const quarters = (no: string, q1: Income) => [1, 2, 3, 4].map((q) =>
  incomeRow(no, 2025, q, Object.fromEntries(Object.entries(q1).map(([k, v]) => [k, (Number(v) * q).toFixed(2)])) as Income, q === 4 ? '年度数' : ''));

const clerk = { userId: randomUUID(), roles: ['village_clerk' as const] };
const reviewer = { userId: randomUUID(), roles: ['township_reviewer' as const] };
const county = { userId: randomUUID(), roles: ['county_admin' as const] };
const at = (date: string, hour = 10) => `${date}T${hour}:00:00+08:00`;

/** The identification steps of a case approved on `approved` (the notice runs the five days before it). */
function identified(householdId: string, approved: string, category: 'unstable' | 'marginal' | 'sudden_hardship', riskTypes: RiskType[], extra: Record<string, unknown> = {}): CaseEvent[] {
  const d = (days: number) => new Date(Date.parse(`${approved}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  return [
    { type: 'lead_opened', at: at(d(12)), actor: clerk, source: 'cadre', householdId },
    { type: 'home_checked', at: at(d(11)), actor: clerk, commitmentSigned: true, authorisationSigned: true, finding: 'include', note: '入户核实', proposedCategory: category, proposedRiskTypes: riskTypes },
    { type: 'notice_started', at: at(d(10)), actor: clerk, startDate: d(10), endDate: d(6) },
    { type: 'notice_finished', at: at(d(5)), actor: clerk, objections: 0 },
    { type: 'township_reviewed', at: at(d(3)), actor: reviewer, decision: 'pass', note: '同意' },
    { type: 'county_approved', at: at(approved), actor: county, decision: 'approve', category, riskTypes, ...extra },
  ] as CaseEvent[];
}

const measure = (id: string, date: string, category: string, amountFen?: number): CaseEvent =>
  ({ type: 'measure_added', at: at(date, 15), actor: clerk, measureId: id, category, owner: '县乡村振兴局', plannedDate: date, ...(amountFen ? { amountFen } : {}) }) as CaseEvent;

function eliminatedOn(proposed: string, notice: [string, string], finished: string, approved: string, way: 'through_help' | 'natural'): CaseEvent[] {
  return [
    { type: 'elimination_proposed', at: at(proposed), actor: clerk, way },
    { type: 'elimination_notice_started', at: at(proposed, 11), actor: clerk, startDate: notice[0], endDate: notice[1] },
    { type: 'elimination_notice_finished', at: at(finished), actor: clerk, objections: 0 },
    { type: 'elimination_township_reviewed', at: at(finished, 16), actor: reviewer, decision: 'pass', note: '同意' },
    { type: 'elimination_county_approved', at: at(approved), actor: county, decision: 'approve' },
  ];
}

const FACTS: EliminationFacts = { incomeAboveLineMonths: 12, problemFlagsCleared: true, membersAbleToWork: 2, perCapitaAboveLine: true };

async function seed(env: TestEnv) {
  const ids = Array.from({ length: 12 }, (_, i) => idNumber(['19700305', '19720811', '20120101', '19450609'][i % 4]!));
  const file = await writeXlsx([
    { name: '户信息', headers: HOUSEHOLD_HEADERS, rows: [
      householdRow('EX-0001', R.village, { 低保特困: '低保', 住房不安全: '是' }),
      householdRow('EX-0002', R.village, { 户类型: '一般农户', 详细地址: '-二组上寨' }),
      householdRow('EX-0003', R.village, { 户类型: '脱贫不享受政策户', 易地扶贫搬迁户: '是', 联系电话: '' }),
      householdRow('EX-0004', R.siblingVillage, { 低保特困: '特困', 饮水不安全: '是' }),
      householdRow('EX-0005', R.siblingVillage, { 户类型: '一般农户', 有成员未参加基本医保: '是' }),
      householdRow('EX-0006', R.siblingVillage),
    ] },
    { name: '成员信息', headers: MEMBER_HEADERS, rows: [
      memberRow('EX-0001', '和一', ids[0]), memberRow('EX-0001', '和二', ids[1], { 与户主关系: '配偶', 健康状况: '残疾', 残疾等级: 2, 劳动技能: '弱劳动力或半劳动力' }),
      memberRow('EX-0001', '和三', ids[2], { 与户主关系: '之子', 劳动技能: '无劳动力', 在校情况: '在校生', 务工状况: '在校生', 文化程度: '小学' }),
      memberRow('EX-0002', '李一', ids[4], { 务工状况: '务工', 务工地点: '省外', 技能特长: '电焊', 劳动技能: '技能劳动力' }),
      memberRow('EX-0002', '李二', ids[5], { 与户主关系: '配偶', 健康状况: '长期慢性病' }),
      memberRow('EX-0003', '王一', ids[7], { 健康状况: '大病', 劳动技能: '丧失劳动力', 务工状况: '无业/待业' }),
      memberRow('EX-0004', '余一', ids[8]), memberRow('EX-0004', '余二', ids[9], { 与户主关系: '之女' }),
      memberRow('EX-0005', '杨一', ids[10], { 务工状况: '公益性岗位' }),
      memberRow('EX-0006', '赵一', ids[11], { 务工状况: '务工', 务工地点: '县内' }),
    ] },
    { name: '收入信息', headers: INCOME_HEADERS, rows: [
      ...quarters('EX-0001', { wagePublicWelfare: 1500, wageOther: 2100.5, businessPlanting: 800, costPlanting: 210.25, transferDibao: 900, transferPension: 330, medicalOutOfPocket: 1200 }),
      ...quarters('EX-0002', { wageOther: 9000, businessLivestock: 2400, costLivestock: 1300, propertyLandRent: 150, insuranceClaims: 500 }),
      ...quarters('EX-0003', { businessForestry: 600, costForestry: 120, transferEcoCompensation: 240, transferFamilyPlanning: 90, propertyDividend: 75.5 }),
      ...quarters('EX-0004', { transferTekun: 1800, transferOther: 300, businessOther: 100, costOther: 20 }),
      ...quarters('EX-0005', { wagePublicWelfare: 2400, propertyOther: 12.34 }),
      incomeRow('EX-0006', 2025, 4, { wageOther: 48000 }),
    ] },
  ], path.join(tempDir(), 'seed.xlsx'));
  const seeded = await new ImportService(env.deps).importFile({ userId: null, username: 'seed', scope: R.county }, { path: file, name: 'seed.xlsx' }, { mode: 'all-or-nothing', dryRun: false });
  expect(seeded.status, JSON.stringify(await rowErrors(env.db.orm, seeded.jobId!, 20))).toBe('succeeded');

  const hh = new Map((await queryRows<{ household_no: string; id: string; county_code: string; village_code: string }>(env.db.orm,
    sql`SELECT household_no, id, county_code, village_code FROM households`)).map((h) => [h.household_no, h]));
  const store = async (no: string, events: CaseEvent[], category?: string) => {
    const h = hh.get(no)!;
    await env.db.transaction(async (tx) => {
      await storeCaseHistory(tx, { countyCode: h.county_code, householdId: h.id, villageCode: h.village_code }, events, {
        config: DEFAULT_CASE_CONFIG, caseNo: `${h.county_code}-S-${randomUUID().slice(0, 8)}`, source: 'cadre', warningId: null, actorName: () => '测试', facts: FACTS,
      });
      // As the county approval does in the workflow.
      if (category) await setHouseholdCategory(tx, h.county_code, h.id, category);
    });
  };
  const id = (no: string) => hh.get(no)!.id;
  // Monitored, two risks, four measures in three categories (one done).
  await store('EX-0001', [...identified(id('EX-0001'), '2025-01-12', 'unstable', ['illness', 'lack_of_labour']),
    measure('m1', '2025-01-15', 'health', 300_000), measure('m2', '2025-01-15', 'social_assistance'), measure('m3', '2025-01-20', 'employment'),
    measure('m4', '2025-02-01', 'employment'),
    { type: 'measure_updated', at: at('2025-03-01'), actor: clerk, measureId: 'm1', status: 'done', actualDate: '2025-03-01' }], 'unstable');
  // Eliminated through help in October 2025.
  await store('EX-0002', [...identified(id('EX-0002'), '2025-02-20', 'marginal', ['unstable_employment']),
    measure('m1', '2025-02-25', 'employment'), measure('m2', '2025-02-25', 'public_welfare_job', 120_000),
    ...eliminatedOn('2025-10-08', ['2025-10-08', '2025-10-12'], '2025-10-14', '2025-10-20', 'through_help')], 'marginal');
  // Flood: a disaster risk with its sub-type, still monitored.
  await store('EX-0003', [...identified(id('EX-0003'), '2025-07-30', 'sudden_hardship', ['natural_disaster', 'illness', 'accident'], { disasterSubtype: 'flood' }),
    measure('m1', '2025-08-01', 'housing'), measure('m2', '2025-08-01', 'social_help'), measure('m3', '2025-08-02', 'health')], 'sudden_hardship');
  // Eliminated naturally, then identified again this year: two rows for one household.
  await store('EX-0004', [...identified(id('EX-0004'), '2024-11-05', 'unstable', ['schooling']), measure('m1', '2024-11-10', 'education'),
    ...eliminatedOn('2025-08-25', ['2025-08-25', '2025-08-29'], '2025-08-31', '2025-09-03', 'natural')], 'unstable');
  await store('EX-0004', [...identified(id('EX-0004'), '2026-01-05', 'sudden_hardship', ['business_failure']), measure('m1', '2026-01-06', 'finance', 5_000_000)], 'sudden_hardship');
  // Eliminated, then rolled back by the county: monitored again.
  await store('EX-0005', [...identified(id('EX-0005'), '2025-01-08', 'marginal', ['other']), measure('m1', '2025-01-09', 'industry'),
    ...eliminatedOn('2025-09-01', ['2025-09-01', '2025-09-05'], '2025-09-07', '2025-09-10', 'natural'),
    { type: 'elimination_rolled_back', at: at('2025-11-01'), actor: county, reason: '复核发现收入不稳定' }], 'marginal');
  // Still a lead: not yet in the national system, so not in the file.
  await store('EX-0006', identified(id('EX-0006'), '2026-02-20', 'marginal', ['other']).slice(0, 1));
}

async function download(client: TestClient, region = R.township) {
  const res = await client.get(`/api/exchange/national.xlsx?region=${region}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.rawPayload;
}

/** The cell under `header` in the nth row of household `householdNo`. */
function col(sheet: { rows: unknown[][] }, header: string, householdNo: string, nth = 0) {
  const header0 = sheet.rows[0]!;
  return sheet.rows.filter((r) => r[header0.indexOf('户编号')] === householdNo)[nth]![header0.indexOf(header)];
}

/** Cell values sheet by sheet: the zip bytes of two exports differ (entry timestamps), their cells must not. */
async function cells(xlsx: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1).map((v) => v ?? '')));
    return { name: ws.name, rows };
  });
}

const saveTemp = (buf: Buffer, name: string) => {
  const file = path.join(tempDir(), name);
  writeFileSync(file, buf);
  return file;
};

async function tableCounts(env: TestEnv) {
  return queryOne<Record<string, number>>(env.db.orm, sql`SELECT
    (SELECT count(*) FROM households)::int8 AS households, (SELECT coalesce(sum(version), 0) FROM households)::int8 AS household_versions,
    (SELECT count(*) FROM members)::int8 AS members, (SELECT count(*) FROM income_records)::int8 AS income_revisions,
    (SELECT count(*) FROM cases)::int8 AS cases, (SELECT count(*) FROM case_events)::int8 AS case_events`);
}

beforeAll(async () => {
  [source, target] = await Promise.all([startTestEnv(), startTestEnv()]);
  await seed(source);
  sourceAdmin = await source.as('county_admin', R.county);
  targetAdmin = await target.as('county_admin', R.county);
}, 120_000);
afterAll(async () => {
  await source?.close();
  await target?.close();
});

/** The row errors of a job, as the failure message of an expectation. */
const why = async (env: TestEnv, jobId: string) => JSON.stringify(await rowErrors(env.db.orm, jobId, 20));

function importer(env: TestEnv, who: { userId: string; username: string }, scope: string = R.county) {
  return { service: new ExchangeImportService(env.deps, new ImportService(env.deps)), actor: { userId: who.userId, username: who.username, scope } };
}

describe('national-format exchange', () => {
  let first: Buffer;

  it('exports every sheet in the national layout with the seeded facts', async () => {
    first = await download(sourceAdmin);
    const sheets = await cells(first);
    expect(sheets.map((s) => s.name)).toEqual(['说明', '户信息', '成员信息', '收入信息', '监测信息']);
    const [info, households, members, income, monitoring] = sheets;
    expect(info!.rows).toContainEqual(['身份证号已脱敏', '否']);
    expect(households!.rows.length).toBe(1 + 6);
    expect(members!.rows.length).toBe(1 + 10);
    expect(income!.rows.length).toBe(1 + 21);
    // EX-0004 twice (eliminated, then identified again); EX-0006 is only a lead.
    expect(monitoring!.rows.length).toBe(1 + 6);
    expect(col(households!, '户类型', 'EX-0003')).toBe('脱贫不享受政策户');
    expect(col(households!, '详细地址', 'EX-0002')).toBe("'-二组上寨");
    expect(col(households!, '监测对象类别', 'EX-0004')).toBe('突发严重困难户');
    expect(col(households!, '乡（镇）', 'EX-0001')).toBe('保和镇');
    // EX-0001 Q4: wage (1,500 + 2,100.50) × 4 = 14,402; net 14,402 + 3,200 − 841 + 4,920 = 21,681 for 3 people → 7,227 each.
    const q4 = income!.rows.filter((r) => r[income!.rows[0]!.indexOf('户编号')] === 'EX-0001')[3]!;
    const h = income!.rows[0]!;
    expect(q4[h.indexOf('工资性收入（元）')]).toBe(14402);
    expect(q4[h.indexOf('生产经营性支出（元）')]).toBe(841);
    expect(q4[h.indexOf('人均纯收入（元）')]).toBe(7227);
    expect(q4[h.indexOf('合规自付医疗支出（元）')]).toBe(4800);
    expect(col(monitoring!, '风险类型2', 'EX-0001')).toBe('缺劳动力');
    expect(col(monitoring!, '就业帮扶（项）', 'EX-0001')).toBe(2);
    expect(col(monitoring!, '风险是否消除', 'EX-0001')).toBe('否');
    expect([col(monitoring!, '风险是否消除', 'EX-0002'), col(monitoring!, '风险消除方式', 'EX-0002'), col(monitoring!, '风险消除年月', 'EX-0002')]).toEqual(['是', '帮扶消除', '2025-10']);
    expect(col(monitoring!, '自然灾害类型', 'EX-0003')).toBe('洪涝灾害');
    expect([col(monitoring!, '识别时间', 'EX-0004', 0), col(monitoring!, '风险消除年月', 'EX-0004', 0), col(monitoring!, '识别时间', 'EX-0004', 1)]).toEqual(['2024-11-05', '2025-09', '2026-01-05']);
    expect(col(monitoring!, '风险是否消除', 'EX-0005')).toBe('否');
  });

  it('round trip: export → import into an empty database → export again gives the same cells', async () => {
    const { service, actor } = importer(target, targetAdmin);
    const file = saveTemp(first, 'first.xlsx');
    const dry = await service.importFile(actor, { path: file, name: 'first.xlsx' }, { dryRun: true });
    expect(dry.status, await why(target, dry.jobId)).toBe('succeeded');
    expect((await tableCounts(target))!.households).toBe(0);
    const applied = await service.importFile(actor, { path: file, name: 'first.xlsx' }, { dryRun: false });
    expect(applied.status, await why(target, applied.jobId)).toBe('succeeded');
    expect(applied.summary).toMatchObject({ households: { inserted: 6 }, members: { inserted: 10 }, income: { newPeriods: 21 }, cases: { inserted: 6, unchanged: 0 } });
    const second = await download(targetAdmin);
    expect(await cells(second)).toEqual(await cells(first));
  });

  it('importing the same file again changes nothing', async () => {
    const { service, actor } = importer(target, targetAdmin);
    const before = await tableCounts(target);
    const again = await service.importFile(actor, { path: saveTemp(first, 'again.xlsx'), name: 'again.xlsx' }, { dryRun: false });
    expect(again.status, await why(target, again.jobId)).toBe('succeeded');
    expect(again.summary).toMatchObject({ households: { inserted: 0, updated: 0, unchanged: 6 }, income: { newPeriods: 0, revised: 0 }, cases: { inserted: 0, unchanged: 6 } });
    expect(await tableCounts(target)).toEqual(before);
  });

  it('a dry run reports bad rows with sheet, row, column and a Chinese reason, and writes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(first as unknown as ArrayBuffer);
    const set = (sheet: string, row: number, header: string, value: unknown) => {
      const ws = wb.getWorksheet(sheet)!;
      const colNo = (ws.getRow(1).values as unknown[]).indexOf(header);
      ws.getRow(row).getCell(colNo).value = value as never;
    };
    set('户信息', 3, '户类型', '富裕户');
    set('成员信息', 4, '身份证号', Number('533423197003051234')); // Excel stored the ID as a number: digits lost
    set('收入信息', 5, '种植业收入（元）', '12.345');
    set('监测信息', 2, '风险类型1', '因穷');
    set('监测信息', 4, '识别时间', '2030-01-01');
    const fresh = await startTestEnv();
    try {
      const admin = await fresh.createUser('county_admin', R.county);
      const { service, actor } = importer(fresh, { userId: admin.id, username: admin.username });
      const file = path.join(tempDir(), 'bad.xlsx');
      await wb.xlsx.writeFile(file);
      const result = await service.importFile(actor, { path: file, name: 'bad.xlsx' }, { dryRun: true });
      expect(result.status).toBe('failed');
      const errors = await rowErrors(fresh.db.orm, result.jobId, 100);
      const byPlace = errors.map((e) => [e.sheet, e.row_no, e.col]);
      expect(byPlace, JSON.stringify(errors)).toEqual(expect.arrayContaining([
        ['户信息', 3, '户类型'], ['成员信息', 4, '身份证号'], ['收入信息', 5, '种植业收入（元）'], ['监测信息', 2, '风险类型1'], ['监测信息', 4, '识别时间'],
        // EX-0002's household row is refused, so its members, income and monitoring row cannot be placed either.
        ['成员信息', 5, '户编号'], ['收入信息', 6, '户编号'], ['监测信息', 3, '户编号'],
      ]));
      expect(errors.find((e) => e.sheet === '户信息')!.reason).toContain('不是可选值');
      expect(errors.find((e) => e.sheet === '监测信息' && e.row_no === 2)!.reason).toContain('“因穷”不是可选值');
      expect(errors.find((e) => e.sheet === '监测信息' && e.row_no === 4)!.reason).toBe('识别时间 2030-01-01 晚于今天');
      expect((await tableCounts(fresh))).toMatchObject({ households: 0, members: 0, income_revisions: 0, cases: 0 });
    } finally {
      await fresh.close();
    }
  });

  it('refuses, row by row, what lies outside the importer\'s region, and then writes nothing', async () => {
    const fresh = await startTestEnv();
    try {
      const clerkUser = await fresh.createUser('village_clerk', R.village);
      const { service, actor } = importer(fresh, { userId: clerkUser.id, username: clerkUser.username }, R.village);
      const result = await service.importFile(actor, { path: saveTemp(first, 'scope.xlsx'), name: 'scope.xlsx' }, { dryRun: false });
      expect(result.status).toBe('failed');
      const errors = await rowErrors(fresh.db.orm, result.jobId, 100);
      // EX-0004..6 live in the sibling village: their household rows (5, 6, 7), and their monitoring rows.
      expect(errors.filter((e) => e.sheet === '户信息').map((e) => [e.row_no, e.col, e.reason])).toEqual([
        [5, '村级区划代码', '该村不在您的管辖范围内'], [6, '村级区划代码', '该村不在您的管辖范围内'], [7, '村级区划代码', '该村不在您的管辖范围内'],
      ]);
      expect(errors.filter((e) => e.sheet === '监测信息').map((e) => e.row_no).sort()).toEqual([5, 6, 7]);
      expect((await tableCounts(fresh))).toMatchObject({ households: 0, cases: 0 });
    } finally {
      await fresh.close();
    }
  });

  it('a masked export (no personal:unmask) carries no full ID and is refused on import with a clear message', async () => {
    const viewer = await source.as('viewer', R.county);
    const masked = await download(viewer);
    const sheets = await cells(masked);
    expect(sheets[0]!.rows).toContainEqual(['身份证号已脱敏', '是']);
    expect(containsUnmaskedPersonalData(JSON.stringify(sheets))).toEqual([]);
    const { service, actor } = importer(target, targetAdmin);
    const result = await service.importFile(actor, { path: saveTemp(masked, 'masked.xlsx'), name: 'masked.xlsx' }, { dryRun: true });
    expect(result).toMatchObject({ status: 'rejected', message: MASKED_FILE_MESSAGE });
  });

  it('export and import are audited; upload over HTTP runs a dry run by default and reports its progress', async () => {
    const exports = await queryRows<{ detail: { unmasked: boolean } }>(source.db.orm, sql`SELECT detail FROM audit_log WHERE action = 'export' AND entity = 'national_exchange'`);
    expect(exports.map((e) => e.detail.unmasked).sort()).toEqual([false, true]);
    const boundary = `----zs-ex-${randomUUID()}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      first, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await targetAdmin.request('POST', '/api/exchange/imports', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(res.statusCode, res.body).toBe(202);
    const { jobId } = res.json() as { jobId: string };
    const job = await vi.waitFor(async () => {
      const r = await targetAdmin.get(`/api/exchange/imports/${jobId}`);
      const j = r.json().job;
      if (j.status === 'running') throw new Error('still running');
      return j;
    }, { timeout: 30_000, interval: 50 });
    expect(job, JSON.stringify(job)).toMatchObject({ status: 'succeeded', dryRun: true, phase: 'done' });
    const applied = await queryRows(target.db.orm, sql`SELECT 1 FROM audit_log WHERE action = 'exchange.import'`);
    expect(applied.length).toBe(2);
  });
});
