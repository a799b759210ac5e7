import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { containsUnmaskedPersonalData, maskIdNumber } from '@zengshou/core';
import { startTestEnv, type TestEnv, type TestClient, R } from './harness.ts';
import { idNumber } from './support/registry-factory.ts';
import { queryOne, queryRows, sql } from '../src/platform/db/sql.ts';

let env: TestEnv;
type Client = TestClient & { userId: string; username: string };
let clerk: Client;
let siblingClerk: Client;
let county: Client;
let dept: Client;
let otherDept: Client;
let counter = 0;

beforeAll(async () => {
  env = await startTestEnv();
  clerk = await env.as('village_clerk', R.village);
  siblingClerk = await env.as('village_clerk', R.siblingVillage);
  county = await env.as('county_admin', R.county);
  dept = await env.as('department', R.county);
  otherDept = await env.as('department', R.county);
});
afterAll(async () => env?.close());

/** A household with one member whose ID number the test knows. */
async function household(village: string = R.village, over: Record<string, unknown> = {}) {
  const c = village === R.village ? clerk : village === R.siblingVillage ? siblingClerk : await env.as('village_clerk', village);
  const h = await c.post('/api/households', { householdNo: `DL-${++counter}`, villageCode: village, address: '一组', householdType: 'poverty_exit', assistanceStatus: 'none', phone: '13800138000', ...over });
  expect(h.statusCode, h.body).toBe(201);
  const id = h.json().household.id as string;
  const person = idNumber('19700101', village.slice(0, 6));
  const m = await c.post('/api/members', { householdId: id, name: `和${counter}`, idNumber: person, relation: 'head', labourCapacity: 'normal', health: 'healthy', schooling: 'primary', schoolingStatus: 'not_applicable', employmentStatus: 'farming' });
  expect(m.statusCode, m.body).toBe(201);
  return { id, person };
}

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer; type?: string }) {
  const boundary = `----zs-dept-${randomUUID()}`;
  const head = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
  const body = Buffer.concat([
    Buffer.from(`${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const csv = (rows: unknown[][]) => Buffer.from(rows.map((r) => r.map((v) => String(v ?? '')).join(',')).join('\n') + '\n');
const CIVIL = ['姓名', '身份证号', '救助类别', '变动', '变动日期'];

async function upload(who: TestClient, listType: string, content: Buffer, dryRun: boolean, name = 'list.csv') {
  const { body, headers } = multipart({ listType, dryRun: String(dryRun) }, { name, content });
  return who.request('POST', '/api/department/lists', body, headers);
}

function expectMasked(body: string) {
  expect(containsUnmaskedPersonalData(body)).toEqual([]);
}

async function warningsOf(householdId: string) {
  return queryRows<{ source: string; rule_id: string; village_code: string; status: string; title: string; explanation: string; due_at: Date; opened_at: Date; department_list_id: string | null }>(
    env.db.orm, sql`SELECT source, rule_id, village_code, status, title, explanation, due_at, opened_at, department_list_id FROM warnings WHERE household_id = ${householdId}::uuid`);
}

async function facts(householdId: string) {
  return (await queryOne<{ assistance_status: string; unsafe_housing: boolean; school_dropout: boolean; version: number }>(env.db.orm,
    sql`SELECT assistance_status, unsafe_housing, school_dropout, version FROM households WHERE id = ${householdId}::uuid`))!;
}

describe('department lists (部门筛查预警)', () => {
  let a: { id: string; person: string };
  let b: { id: string; person: string };
  let known: { id: string; person: string };
  let outside: { id: string; person: string };
  let stranger: string;
  let dryRunId: string;
  let content: Buffer;

  beforeAll(async () => {
    a = await household(R.village);
    b = await household(R.siblingVillage);
    known = await household(R.village, { assistanceStatus: 'dibao' });
    outside = await household(R.otherCountyVillage);
    stranger = idNumber('19900101');
    const good = idNumber('19910101');
    const badId = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    content = csv([
      CIVIL,
      ['和甲', a.person, '低保', '新增', '2026-02-01'],
      ['和乙', b.person, '特困', '新增', '2026/2/15'],
      ['和丙', known.person, '低保', '新增', '2026-01-20'],
      ['和丁', stranger, '低保', '新增', '2026-02-01'],
      ['和戊', outside.person, '低保', '新增', '2026-02-01'],
      ['和己', badId, '低保', '新增', '2026-02-01'],
      ['和庚', a.person, '临时救助', '停止', '2026-02-01'],
      ['和辛', b.person, '低保', '停止', '2026-02-01'],
    ]);
  });

  it('a dry run reports the exact diff and stores no household change or warning', async () => {
    const before = await facts(a.id);
    const res = await upload(dept, 'civil_affairs', content, true);
    expect(res.statusCode, res.body).toBe(201);
    expectMasked(res.body);
    const body = res.json();
    dryRunId = body.list.id;
    expect(body.list).toMatchObject({ status: 'dry_run', statusLabel: '试比对', listType: 'civil_affairs', counts: { total: 8, matched: 2, alreadyKnown: 1, unmatched: 2, invalid: 3 } });
    const byRow = Object.fromEntries(body.rows.map((r: { rowNo: number }) => [r.rowNo, r]));
    expect(byRow[2]).toMatchObject({ status: 'matched', statusLabel: '比对成功', idNumber: maskIdNumber(a.person), name: '和甲', detail: '低保，新增，2026-02-01', warning: null });
    expect(byRow[3]).toMatchObject({ status: 'matched', detail: '特困，新增，2026-02-15' });
    expect(byRow[4]).toMatchObject({ status: 'already_known', reason: '系统中已登记为低保' });
    expect(byRow[5]).toMatchObject({ status: 'unmatched', reason: '管辖范围内没有该身份证号的农户成员' });
    // Another county's member is outside the department's scope: unmatched, exactly like a stranger.
    expect(byRow[6]).toMatchObject({ status: 'unmatched', reason: '管辖范围内没有该身份证号的农户成员' });
    expect(byRow[7].status).toBe('invalid');
    expect(byRow[7].reason).toMatch(/^身份证号：/);
    expect(byRow[8]).toMatchObject({ status: 'invalid', reason: '变动：临时救助是一次性救助，变动只能填“新增”' });
    expect(byRow[9]).toMatchObject({ status: 'invalid', reason: '身份证号与第 3 行重复' });
    // Nothing about the household, its village or anything else from the registry.
    expect(Object.keys(byRow[2]).sort()).toEqual(['detail', 'idNumber', 'name', 'reason', 'rowNo', 'status', 'statusLabel', 'warning']);
    expect(await facts(a.id)).toEqual(before);
    expect(await warningsOf(a.id)).toEqual([]);
    expect(await warningsOf(b.id)).toEqual([]);
  });

  it('applying updates dibao/特困 status and pushes department warnings to each household village, in one step', async () => {
    const res = await dept.post(`/api/department/lists/${dryRunId}/apply`, {});
    expect(res.statusCode, res.body).toBe(200);
    expectMasked(res.body);
    expect(res.json().list).toMatchObject({ status: 'applied', statusLabel: '已导入', warningsOpened: 2, factsUpdated: 2, counts: { matched: 2, alreadyKnown: 1 } });
    expect(res.json().rows.find((r: { rowNo: number }) => r.rowNo === 2).warning).toBe('open');
    expect((await facts(a.id)).assistance_status).toBe('dibao');
    expect((await facts(b.id)).assistance_status).toBe('tekun');
    expect((await facts(known.id)).assistance_status).toBe('dibao');
    const [wa] = await warningsOf(a.id);
    expect(wa).toMatchObject({ source: 'department:civil_affairs', rule_id: 'department:civil_affairs', village_code: R.village, status: 'open', title: '新纳入低保', department_list_id: dryRunId });
    expect(wa!.explanation).toContain('民政部门推送：2026-02-01 新纳入低保');
    expect(wa!.due_at.getTime() - wa!.opened_at.getTime()).toBe(10 * 86_400_000);
    const [wb] = await warningsOf(b.id);
    expect(wb).toMatchObject({ village_code: R.siblingVillage, title: '新纳入特困' });
    expect(await warningsOf(known.id)).toEqual([]);
    const history = await queryRows<{ status: string; source: string }>(env.db.orm, sql`SELECT status, source FROM household_assistance_history WHERE household_id = ${a.id}::uuid AND valid_to IS NULL`);
    expect(history).toEqual([{ status: 'dibao', source: `department:${dryRunId}` }]);
    // The village sees it on its warnings list; the sibling village does not.
    const list = await clerk.get('/api/warnings?status=open');
    expect(list.json().items.filter((w: { source: string }) => w.source === 'department:civil_affairs').map((w: { householdId: string }) => w.householdId)).toEqual([a.id]);
    const audit = await queryOne<{ n: number }>(env.db.orm, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'department.list_applied' AND entity_id = ${dryRunId}`);
    expect(audit?.n).toBe(1);
  });

  it('applying again, or uploading the same file again, changes nothing', async () => {
    const versions = [(await facts(a.id)).version, (await facts(b.id)).version];
    const again = await dept.post(`/api/department/lists/${dryRunId}/apply`, {});
    expect(again.statusCode, again.body).toBe(200);
    const re = await upload(dept, 'civil_affairs', content, false, 'renamed.csv');
    expect(re.statusCode, re.body).toBe(200);
    expect(re.json()).toMatchObject({ alreadyApplied: true, list: { id: dryRunId } });
    const dry = await upload(dept, 'civil_affairs', content, true);
    expect(dry.json()).toMatchObject({ alreadyApplied: true, list: { id: dryRunId } });
    expect([(await facts(a.id)).version, (await facts(b.id)).version]).toEqual(versions);
    expect(await warningsOf(a.id)).toHaveLength(1);
    const n = await queryOne<{ n: number }>(env.db.orm, sql`SELECT count(*)::int AS n FROM department_lists WHERE uploaded_by = ${dept.userId}::uuid`);
    expect(n?.n).toBe(1);
  });

  it('a list with the same rows in another file is all already known (idempotent by content)', async () => {
    const res = await upload(dept, 'civil_affairs', csv([CIVIL, ['和甲', a.person, '低保', '新增', '2026-02-01'], ['和乙', b.person, '特困', '新增', '2026-02-15']]), false);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().list).toMatchObject({ status: 'applied', warningsOpened: 0, factsUpdated: 0, counts: { matched: 0, alreadyKnown: 2 } });
  });

  it('housing and education lists set the problem flags; an .xlsx and the JSON API work the same way', async () => {
    const c = await household(R.village);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['身份证号', '姓名', '危房等级', '鉴定日期']);
    ws.addRow([c.person, '和危', 'D级', new Date(Date.UTC(2026, 1, 10))]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(county, 'housing', xlsx, false, 'housing.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().list, res.body).toMatchObject({ status: 'applied', counts: { matched: 1 }, warningsOpened: 1, factsUpdated: 1 });
    expect((await facts(c.id)).unsafe_housing).toBe(true);
    const [w] = await warningsOf(c.id);
    expect(w).toMatchObject({ source: 'department:housing', title: '住房被鉴定为危房' });
    expect(w!.explanation).toBe('住建部门推送：2026-02-10 住房被鉴定为 D 级危房，已标记该户“住房不安全”，请入户核实住房安全保障。');

    const json = await dept.post('/api/department/lists/json', { listType: 'education', dryRun: false, rows: [{ 学生姓名: '和小明', idNumber: c.person, 辍学日期: '2026-02-20' }, { name: '和小红', idNumber: 'abc', date: '2026-02-20' }] });
    expect(json.statusCode, json.body).toBe(201);
    expectMasked(json.body);
    expect(json.json().list).toMatchObject({ channel: 'api', counts: { matched: 1, invalid: 1 }, warningsOpened: 1 });
    expect(json.json().rows[1].reason).toMatch(/^身份证号：/);
    expect((await facts(c.id)).school_dropout).toBe(true);
  });

  it('an emergency list puts disaster-hit households straight into the case workflow; other lists only warn', async () => {
    const hit = await household(R.village);
    const running = await household(R.village);
    const cadreLead = await clerk.post('/api/cases', { householdId: running.id, source: 'cadre' });
    expect(cadreLead.statusCode, cadreLead.body).toBe(201);
    const casesOf = async (id: string) =>
      (await env.db.pool.query(`SELECT id, source, status, warning_id, state->>'disaster' AS disaster, due_kind FROM cases WHERE household_id = $1`, [id])).rows;
    const warningCase = async (id: string) => (await env.db.pool.query(`SELECT case_id FROM warnings WHERE household_id = $1 AND source = 'department:emergency'`, [id])).rows;
    const body = { listType: 'emergency', dryRun: false, rows: [
      { 姓名: '和灾', 身份证号: hit.person, 灾害类型: '洪涝', 受灾日期: '2026-02-25' },
      { 姓名: '和案', 身份证号: running.person, 灾害类型: '洪涝', 受灾日期: '2026-02-25' },
    ] };
    const res = await dept.post('/api/department/lists/json', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().list).toMatchObject({ status: 'applied', warningsOpened: 2, leadsOpened: 1 });

    const [lead, ...more] = await casesOf(hit.id);
    expect(more).toEqual([]);
    expect(lead).toMatchObject({ source: 'department', status: 'lead', disaster: 'true', due_kind: expect.any(String) });
    expect(await warningCase(hit.id)).toEqual([{ case_id: lead!.id }]);
    expect(lead!.warning_id).toBeTruthy();
    // The household already in a case keeps that one case; the new warning follows it.
    const runningCases = await casesOf(running.id);
    expect(runningCases.map((c) => c.source)).toEqual(['cadre']);
    expect(await warningCase(running.id)).toEqual([{ case_id: runningCases[0]!.id }]);
    // The lead is in the village's queue like any other.
    const queue = await clerk.get('/api/cases?queue=mine&pageSize=200');
    expect(queue.statusCode, queue.body).toBe(200);
    expect(JSON.stringify(queue.json())).toContain(lead!.id);

    // The same list again opens nothing; the civil-affairs list above opened no case for its households.
    const again = await dept.post('/api/department/lists/json', body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().alreadyApplied).toBe(true);
    expect(await casesOf(hit.id)).toHaveLength(1);
    expect(await casesOf(a.id)).toEqual([]);
  });

  it('refuses a file of the wrong layout or kind with a Chinese message, and unknown JSON fields', async () => {
    const wrong = await upload(dept, 'civil_affairs', csv([['姓名', '身份证号'], ['和', idNumber()]]), true);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.message).toBe('名单缺少必填列：救助类别、变动、变动日期（请使用“民政：低保、特困、临时救助”的模板）');
    const xls = await upload(dept, 'civil_affairs', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]), true, 'old.xls');
    expect(xls.json().error.message).toContain('.xls');
    const noType = await upload(dept, 'nope', content, true);
    expect(noType.statusCode).toBe(400);
    expect(noType.json().error.message).toBe('请选择名单类型');
    const extra = await dept.post('/api/department/lists/json', { listType: 'housing', rows: [{ idNumber: idNumber() }], uploadedBy: county.userId });
    expect(extra.statusCode).toBe(400);
  });

  it('a department account sees only its own lists and never the registry', async () => {
    const mine = await dept.get('/api/department/lists');
    expect(mine.statusCode).toBe(200);
    const ids = mine.json().items.map((l: { id: string }) => l.id);
    expect(ids).toContain(dryRunId);
    const countyListId = (await county.get('/api/department/lists')).json().items.find((l: { listType: string }) => l.listType === 'housing').id;
    expect(ids).not.toContain(countyListId);
    expect((await otherDept.get('/api/department/lists')).json().items).toEqual([]);
    const foreign = await otherDept.get(`/api/department/lists/${dryRunId}`);
    expect(foreign.statusCode).toBe(404);
    expect((await otherDept.post(`/api/department/lists/${dryRunId}/apply`, {})).statusCode).toBe(404);
    // The county administrator sees every list of the county.
    expect((await county.get(`/api/department/lists/${dryRunId}`)).statusCode).toBe(200);
    for (const url of ['/api/households', `/api/households/${a.id}`, '/api/warnings', '/api/cases']) {
      expect((await dept.get(url)).statusCode, url).toBe(403);
    }
    expect((await dept.post(`/api/warnings/${randomUUID()}/false-positive`, { reason: '核实无此事' })).statusCode).toBe(403);
  });

  it('the village marks a department warning as a false positive; the department sees the rate per list type', async () => {
    const items = (await clerk.get('/api/warnings?status=open')).json().items as { id: string; householdId: string; source: string }[];
    const wa = items.find((w) => w.householdId === a.id && w.source === 'department:civil_affairs')!;
    // Outside the village: not found, like a missing warning.
    const foreign = await siblingClerk.post(`/api/warnings/${wa.id}/false-positive`, { reason: '核实后情况不符' });
    expect(foreign.statusCode).toBe(404);
    expect((await clerk.post(`/api/warnings/${wa.id}/false-positive`, { reason: '' })).json().error.message).toContain('请填写误报原因');
    const ok = await clerk.post(`/api/warnings/${wa.id}/false-positive`, { reason: '核实后该户低保已于上月停发' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'closed', falsePositive: true, closeReason: '误报：核实后该户低保已于上月停发' });
    const twice = await clerk.post(`/api/warnings/${wa.id}/false-positive`, { reason: '再来一次' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('该预警已关闭，不能再标记为误报');
    // A rules warning is not the department's to judge.
    await env.db.orm.execute(sql`INSERT INTO warnings (county_code, household_id, village_code, rule_id, rule_version, status, title, explanation, score, facts, opened_at, due_at, updated_at)
      VALUES (${R.county}, ${a.id}::uuid, ${R.village}, 'no_labour', '2026.1', 'open', '无劳动力', '测试', 10, '{}'::jsonb, now(), now(), now())`);
    const rules = (await clerk.get('/api/warnings?status=open')).json().items.find((w: { householdId: string; source: string }) => w.householdId === a.id && w.source === 'rules');
    const refused = await clerk.post(`/api/warnings/${rules.id}/false-positive`, { reason: '核实无此事' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe('只有部门推送的预警可以标记为误报');

    const rates = await dept.get('/api/department/false-positive-rates');
    expect(rates.statusCode).toBe(200);
    expectMasked(rates.body);
    const civil = rates.json().items.find((i: { listType: string }) => i.listType === 'civil_affairs');
    expect(civil).toEqual({ listType: 'civil_affairs', label: '民政：低保、特困、临时救助', pushed: 2, open: 1, falsePositives: 1, rate: 0.5 });
    expect(rates.json().items).toHaveLength(7);
    // The other department account pushed nothing.
    expect((await otherDept.get('/api/department/false-positive-rates')).json().items.every((i: { pushed: number }) => i.pushed === 0)).toBe(true);
    const detail = await dept.get(`/api/department/lists/${dryRunId}`);
    expect(detail.json().rows.find((r: { rowNo: number }) => r.rowNo === 2).warning).toBe('false_positive');
    const audit = await queryOne<{ n: number }>(env.db.orm, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'warning.false_positive' AND entity_id = ${wa.id}`);
    expect(audit?.n).toBe(1);
  });

  it('the template names the Chinese columns of each list type', async () => {
    const res = await dept.get('/api/department/templates/medical_insurance');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('名单')!.getRow(1).values).toEqual([undefined, '姓名*', '身份证号*', '自付医疗费用（元）*', '结算日期*']);
  });
});
