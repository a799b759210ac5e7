import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEnv, type TestEnv, R } from './harness.ts';
import { ImportService } from '../src/modules/imports/imports.service.ts';
import { rowErrors } from '../src/modules/imports/imports.repository.ts';
import { queryRows, sql } from '../src/platform/db/sql.ts';
import { HOUSEHOLD_HEADERS, INCOME_HEADERS, MEMBER_HEADERS, householdRow, idNumber, incomeRow, memberRow, writeCsv, writeXlsx } from './support/registry-factory.ts';

let env: TestEnv;
let imports: ImportService;
const actor = { userId: null, username: 'test', scope: R.county };
beforeAll(async () => {
  env = await startTestEnv();
  imports = new ImportService(env.deps);
});
afterAll(async () => env?.close());

async function counts() {
  const [r] = await queryRows<{ h: number; m: number; i: number; all_i: number }>(env.db.orm, sql`SELECT
    (SELECT count(*) FROM households)::int8 AS h, (SELECT count(*) FROM members)::int8 AS m,
    (SELECT count(*) FROM income_records WHERE superseded_at IS NULL)::int8 AS i, (SELECT count(*) FROM income_records)::int8 AS all_i`);
  return r!;
}

const errorsOf = (jobId: string) => rowErrors(env.db.orm, jobId, 1000);

describe('import', () => {
  it('imports households, members and income from .xlsx; computes per-capita income; a second run changes nothing', async () => {
    const a = idNumber('19700305'), b = idNumber('19720811'), c = idNumber('20120101');
    const file = await writeXlsx([
      { name: '户信息', headers: HOUSEHOLD_HEADERS, rows: [householdRow('H-0001'), householdRow('H-0002', R.siblingVillage, { 户类型: '一般农户', 低保特困: '低保' })] },
      { name: '成员信息', headers: MEMBER_HEADERS, rows: [
        memberRow('H-0001', '和一', a), memberRow('H-0001', '和二', b, { 与户主关系: '配偶' }), memberRow('H-0001', '和三', c, { 与户主关系: '之子', 劳动技能: '无劳动力', 在校情况: '在校生', 务工状况: '在校生' }),
        memberRow('H-0002', '李一', idNumber('19601010'))] },
      { name: '收入信息', headers: INCOME_HEADERS, rows: [incomeRow('H-0001', 2025, 4, { '务工等其他工资性收入（元）': '30,000.50' }), incomeRow('H-0002', 2025, 4)] },
    ]);
    const first = await imports.importFile(actor, { path: file, name: 'import.xlsx' }, { mode: 'all-or-nothing', dryRun: false });
    expect(first.status, first.message).toBe('succeeded');
    expect(first.summary).toMatchObject({ rowsRead: 8, rowsBad: 0, households: { inserted: 2 }, members: { inserted: 4 }, income: { newPeriods: 2 } });
    const [rec] = await queryRows<{ net_income: number; household_size: number; per_capita_net: number; wage_total: number }>(env.db.orm,
      sql`SELECT r.net_income, r.household_size, r.per_capita_net, r.wage_total FROM income_records r JOIN households h ON h.id = r.household_id WHERE h.household_no = 'H-0001'`);
    // wage 30,000.50 + planting 4,000 − costs 800 = 33,200.50 yuan for 3 people → 11,066.83 per person.
    expect(rec).toEqual({ net_income: 3_320_050, household_size: 3, per_capita_net: 1_106_683, wage_total: 3_000_050 });
    const [hh] = await queryRows<{ member_count: number; latest_per_capita_annual: number; assistance: string }>(env.db.orm,
      sql`SELECT member_count, latest_per_capita_annual, (SELECT status FROM household_assistance_history x WHERE x.household_id = h.id) AS assistance FROM households h WHERE household_no = 'H-0002'`);
    expect(hh).toEqual({ member_count: 1, latest_per_capita_annual: 2_720_000, assistance: 'dibao' });

    const before = await counts();
    const second = await imports.importFile(actor, { path: file, name: 'import.xlsx' }, { mode: 'all-or-nothing', dryRun: false });
    expect(second.status).toBe('succeeded');
    expect(second.summary).toMatchObject({ households: { inserted: 0, updated: 0, unchanged: 2 }, members: { inserted: 0, updated: 0, unchanged: 4 }, income: { newPeriods: 0, revised: 0, unchanged: 2 } });
    expect(await counts()).toEqual(before);
  });

  it('reports every bad row with sheet, row, column, value and reason; valid-rows mode stores the rest exactly once', async () => {
    const dup = idNumber('19850505');
    const file = await writeXlsx([
      { name: '户信息', headers: HOUSEHOLD_HEADERS, rows: [
        householdRow('B-0001'), // row 2 ok
        householdRow('B-0002', '533423999999'), // row 3: unknown village
        householdRow('B-0003', R.otherCountyVillage), // row 4: outside scope
        householdRow('B-0001'), // row 5: duplicate number
        householdRow('B-0004', R.village, { 户类型: '富裕户' }), // row 6: bad type
      ] },
      { name: '成员信息', headers: MEMBER_HEADERS, rows: [
        memberRow('B-0001', '张一', dup), // row 2 ok
        memberRow('B-0001', '张二', Number('533423198505051234')), // row 3: ID stored as a number by Excel (digits lost)
        memberRow('B-0001', '张三', '５３３４２３１９８５０５０５１２３Ｘ'.slice(0, 18)), // row 4: full-width, wrong check digit
        memberRow('B-0009', '张四', dup), // row 5: same person in another household
        memberRow('B-0404', '张五', idNumber('19900101')), // row 6: household unknown
      ] },
      { name: '收入信息', headers: INCOME_HEADERS, rows: [
        incomeRow('B-0001', 2025, 4), // row 2 ok
        incomeRow('B-0001', 2025, 4), // row 3 duplicate period
        incomeRow('B-0001', 2025, 3, { '种植业收入（元）': -5 }), // row 4 negative
        incomeRow('B-0001', 2025, 2, { '养老金或离退休金（元）': '20000000' }), // row 5: twenty million yuan of pension
      ] },
    ]);
    const before = await counts();
    const strict = await imports.importFile(actor, { path: file, name: 'bad.xlsx' }, { mode: 'all-or-nothing', dryRun: false });
    expect(strict.status).toBe('failed');
    expect(await counts()).toEqual(before); // nothing from the failed all-or-nothing run

    const result = await imports.importFile(actor, { path: file, name: 'bad.xlsx' }, { mode: 'valid-rows', dryRun: false });
    expect(result.status, result.message).toBe('succeeded');
    const errors = await errorsOf(result.jobId!);
    const brief = errors.map((e) => `${e.sheet}!${e.row_no} ${e.col}: ${e.reason}`);
    expect(brief).toEqual([
      expect.stringMatching(/^户信息!3 村级区划代码: 村级区划代码不存在$/),
      expect.stringMatching(/^户信息!4 村级区划代码: 该村不在您的管辖范围内$/),
      expect.stringMatching(/^户信息!5 户编号: 户编号在文件中重复（首次出现在第 2 行）$/),
      expect.stringMatching(/^户信息!6 户类型: 不是可选值/),
      expect.stringMatching(/^成员信息!3 身份证号: .*Excel/),
      expect.stringMatching(/^成员信息!4 身份证号: /),
      expect.stringMatching(/^成员信息!5 身份证号: 同一人被列在两户中（第 2 行为户 B-0001）/),
      expect.stringMatching(/^成员信息!6 户编号: 户编号不存在/),
      expect.stringMatching(/^收入信息!3 季度: 同一户同一季度的收入在文件中重复（首次出现在第 2 行）$/),
      expect.stringMatching(/^收入信息!4 种植业收入（元）: .*负/),
      expect.stringMatching(/^收入信息!5 养老金或离退休金（元）: .*明显异常/),
    ]);
    expect(errors.find((e) => e.sheet === '成员信息' && e.row_no === 3)!.value).toMatch(/^53342319850505/); // as Excel kept it: the last digits are already gone
    const after = await counts();
    expect(after).toEqual({ h: before.h + 1, m: before.m + 1, i: before.i + 1, all_i: before.all_i + 1 });
  });

  it('dry run reports what would change and writes nothing', async () => {
    const file = await writeXlsx([
      { name: '户信息', headers: HOUSEHOLD_HEADERS, rows: [householdRow('D-0001')] },
      { name: '成员信息', headers: MEMBER_HEADERS, rows: [memberRow('D-0001', '赵一', idNumber('19750101'))] },
    ]);
    const before = await counts();
    const r = await imports.importFile(actor, { path: file, name: 'dry.xlsx' }, { mode: 'all-or-nothing', dryRun: true });
    expect(r).toMatchObject({ status: 'succeeded', dryRun: true, summary: { households: { inserted: 1 }, members: { inserted: 1 } } });
    expect(await counts()).toEqual(before);
  });

  it('imports CSV (UTF-8 and GB18030) and refuses hostile files with a message', async () => {
    const csv = writeCsv(HOUSEHOLD_HEADERS, [householdRow('C-0001')]);
    expect((await imports.importFile(actor, { path: csv, name: 'hh.csv' }, { mode: 'all-or-nothing', dryRun: true })).status).toBe('succeeded');
    const fake = writeCsv(['x'], [['y']]);
    const wrongType = await imports.importFile(actor, { path: fake, name: 'looks.xlsx' }, { mode: 'all-or-nothing', dryRun: false });
    expect(wrongType).toMatchObject({ status: 'rejected', message: '文件扩展名是 .xlsx，但内容不是 Excel 文件' });
    const tooMany = writeCsv(HOUSEHOLD_HEADERS, Array.from({ length: 30 }, (_, i) => householdRow(`T-${i}`)));
    const limited = await imports.importFile(actor, { path: tooMany, name: 'big.csv' }, { mode: 'all-or-nothing', dryRun: false, limits: { maxRowsPerSheet: 20 } });
    expect(limited).toMatchObject({ status: 'rejected', message: expect.stringMatching(/超过 20 行的上限/) });
  });

  it('records logic-check failures with the record and keeps 待核实 records out of the income figure', async () => {
    const file = await writeXlsx([
      { name: '户信息', headers: HOUSEHOLD_HEADERS, rows: [householdRow('L-0001')] },
      { name: '成员信息', headers: MEMBER_HEADERS, rows: [memberRow('L-0001', '钱一', idNumber('19700101'))] },
      { name: '收入信息', headers: INCOME_HEADERS, rows: [incomeRow('L-0001', 2025, 4, { '务工等其他工资性收入（元）': 100, '种植业收入（元）': 0, '种植业生产经营支出（元）': 0 })] },
    ]);
    const r = await imports.importFile(actor, { path: file, name: 'l.xlsx' }, { mode: 'all-or-nothing', dryRun: false });
    expect(r.summary?.income.toVerify).toBe(1);
    const [rec] = await queryRows<{ status: string; check_results: Array<{ id: string; message: string }>; latest: number | null; errors: number }>(env.db.orm,
      sql`SELECT r.status, r.check_results, h.latest_per_capita_annual AS latest, h.latest_check_errors AS errors FROM income_records r JOIN households h ON h.id = r.household_id WHERE h.household_no = 'L-0001'`);
    expect(rec!.status).toBe('to_verify');
    expect(rec!.check_results.map((c) => c.message).join('\n')).toMatch(/100\.00/);
    expect(rec!.latest).toBeNull();
    expect(rec!.errors).toBeGreaterThan(0);
  });
});
