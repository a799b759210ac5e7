/**
 * Reliability tests #13 and #16 (quality.md): personal data stays masked in every registry response and in exports
 * for everyone, unless a role that holds `personal:unmask` asks for it — and every such unmask and every export is
 * audited. Exported text cells that a spreadsheet would run as a formula (= + - @) are neutralised.
 */
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsUnmaskedPersonalData, type Role } from '@zengshou/core';
import { startTestEnv, type TestClient, type TestEnv, R } from './harness.ts';
import { HOUSEHOLD_HEADERS, householdRow, idNumber, writeCsv } from './support/registry-factory.ts';

type Client = TestClient & { userId: string; username: string };

let env: TestEnv;
let admin: Client;

/** Households made in beforeAll, with the personal data that must never leave unmasked. */
interface Planted {
  id: string;
  householdNo: string;
  phone: string;
  idNumbers: string[];
  headId: string;
  headName: string;
  memberIds: string[];
  villageCode: string;
}
const planted: Planted[] = [];

const adult = { labourCapacity: 'normal', health: 'healthy', schooling: 'junior_secondary', schoolingStatus: 'not_applicable', employmentStatus: 'farming' };
let counter = 0;

async function plant(villageCode: string, phone: string, headName: string): Promise<Planted> {
  const householdNo = `MK-${++counter}-${randomUUID().slice(0, 4)}`.toUpperCase();
  const res = await admin.post('/api/households', { householdNo, villageCode, address: '一组', householdType: 'poverty_exit', assistanceStatus: 'none', phone });
  expect(res.statusCode, res.body).toBe(201);
  expectMasked('POST /api/households', res.body);
  const id = res.json().household.id as string;
  const idNumbers = [idNumber('19720304'), idNumber('19740506'), idNumber('20100808')];
  const memberIds: string[] = [];
  for (const [i, n] of idNumbers.entries()) {
    const m = await admin.post('/api/members', {
      householdId: id,
      name: i === 0 ? headName : `成员${++counter}`,
      idNumber: n,
      relation: ['head', 'spouse', 'son'][i],
      ...adult,
      ...(i === 2 ? { labourCapacity: 'none', schooling: 'primary', schoolingStatus: 'in_school', employmentStatus: 'student' } : {}),
    });
    expect(m.statusCode, m.body).toBe(201);
    memberIds.push(m.json().id);
  }
  // Two revisions of one quarter and a second quarter, so the income and history routes have something to show.
  for (const [q, wage] of [[2, '9000'], [4, '20000'], [4, '21000']] as const) {
    const r = await admin.post('/api/income-records', { householdId: id, year: 2025, quarter: q, items: { wageOther: wage, transferPension: '1200' }, remark: '季度走访' });
    expect(r.statusCode, r.body).toBe(201);
    expectMasked('POST /api/income-records', r.body);
  }
  const p = { id, householdNo, phone, idNumbers, headId: idNumbers[0]!, headName, memberIds, villageCode };
  planted.push(p);
  return p;
}

beforeAll(async () => {
  env = await startTestEnv();
  admin = await env.as('county_admin', R.province);
  await plant(R.village, '13812345678', '和国华');
  await plant(R.siblingVillage, '15987654321', '李春梅');
  await plant(R.otherCountyVillage, '18608871234', '扎西');
});
afterAll(async () => env?.close());

/** Roles that read the registry, each at a scope that sees at least one planted household. */
const READERS: { role: Role; scope: string }[] = [
  { role: 'village_clerk', scope: R.village },
  { role: 'township_reviewer', scope: R.township },
  { role: 'county_admin', scope: R.county },
  { role: 'viewer', scope: R.city },
  { role: 'viewer', scope: R.province },
];

function expectMasked(label: string, text: string) {
  expect(containsUnmaskedPersonalData(text), `${label}: unmasked personal data in the reply`).toEqual([]);
}

async function auditCount(action: string) {
  return (await env.db.pool.query('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action])).rows[0].n as number;
}
async function lastAudit(action: string) {
  return (await env.db.pool.query('SELECT * FROM audit_log WHERE action = $1 ORDER BY seq DESC LIMIT 1', [action])).rows[0];
}

/** Every cell of the first sheet as [row, col, cell]. */
async function readExport(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.Cell>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const r: Record<string, ExcelJS.Cell> = {};
    header.forEach((h, i) => (r[h] = row.getCell(i + 1)));
    rows.push(r);
  });
  const text = ws.getSheetValues().flat().map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))).join('\n');
  return { header, rows, text, ws };
}

describe('masking scan over the registry’s JSON replies (quality.md #13)', () => {
  it('the planted data is what the scanner looks for (otherwise a clean scan would prove nothing)', () => {
    for (const p of planted) {
      expect(containsUnmaskedPersonalData(JSON.stringify({ phone: p.phone, ids: p.idNumbers }))).toEqual([p.phone, ...p.idNumbers]);
    }
  });

  it('list, search, detail, history, income and conflict replies show no full ID number or phone, for every reading role', async () => {
    let scanned = 0;
    for (const { role, scope } of READERS) {
      const client = await env.as(role, scope);
      const visible = planted.filter((p) => p.villageCode.startsWith(scope));
      expect(visible.length, `${role}@${scope}`).toBeGreaterThan(0);
      const replies: [string, string][] = [];
      const get = async (url: string) => {
        const res = await client.get(url);
        expect(res.statusCode, `${role} GET ${url}: ${res.body}`).toBe(200);
        replies.push([`${role}@${scope} GET ${url}`, res.body]);
        return res;
      };
      const list = await get('/api/households?pageSize=200');
      expect(list.json().total, `${role}@${scope}`).toBe(visible.length);
      for (const p of visible) {
        // Searching by the full ID number finds the household without echoing the number.
        const found = await get(`/api/households?q=${p.headId}`);
        expect(found.json().items.map((h: { id: string }) => h.id)).toEqual([p.id]);
        await get(`/api/households?q=${encodeURIComponent(p.headName)}`);
        const d = await get(`/api/households/${p.id}`);
        // Masked, not missing: the forms of domain.md §11.
        expect(d.json().household.phone).toBe(`${p.phone.slice(0, 3)}****${p.phone.slice(7)}`);
        expect(d.json().members.map((m: { idNumber: string }) => m.idNumber).sort()).toEqual(p.idNumbers.map((n) => `${n.slice(0, 6)}********${n.slice(-4)}`).sort());
        await get(`/api/households/${p.id}/history`);
        await get(`/api/households/${p.id}/income`);
        await get(`/api/households/${p.id}/income?revisions=true`);
        // A stale edit answers with the current record: masked too.
        if (role === 'village_clerk' || role === 'county_admin') {
          for (const [url, body] of [
            [`/api/households/${p.id}`, { version: 99, address: '过期' }],
            [`/api/members/${p.memberIds[0]}`, { version: 99, name: '过期' }],
          ] as const) {
            const res = await client.request('PATCH', url, body);
            expect(res.statusCode, `${role} PATCH ${url}: ${res.body}`).toBe(409);
            replies.push([`${role}@${scope} PATCH ${url} (409)`, res.body]);
          }
          // So does a refused duplicate.
          const dup = await client.post('/api/members', { householdId: p.id, name: '重复', idNumber: p.idNumbers[1], relation: 'other', ...adult });
          expect(dup.statusCode).toBe(409);
          replies.push([`${role}@${scope} POST /api/members (duplicate)`, dup.body]);
        }
      }
      for (const [label, body] of replies) {
        expectMasked(label, body);
        scanned++;
      }
    }
    expect(scanned).toBeGreaterThan(40);
  });

  it('the audit trail the audit administrator reads holds no full ID number or phone (searches, exports, unmasks)', async () => {
    const p = planted[0]!;
    const county = await env.as('county_admin', R.county);
    // An export filtered by a full ID number, and an unmask: both leave audit rows.
    const exported = await county.get(`/api/households/export?q=${p.headId}`);
    expect(exported.statusCode).toBe(200);
    expect((await county.post(`/api/households/${p.id}/unmask`, { reason: '核对身份' })).statusCode).toBe(200);
    const auditor = await env.as('audit_admin', R.province);
    const res = await auditor.get('/api/audit?pageSize=500');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { seq: number; action: string }[];
    expect(items.some((i) => i.action === 'export')).toBe(true);
    expect(items.some((i) => i.action === 'personal.unmask')).toBe(true);
    const leaks = items.filter((i) => containsUnmaskedPersonalData(JSON.stringify(i)).length > 0).map((i) => `${i.action} #${i.seq}: ${JSON.stringify(i)}`);
    expect(leaks, 'audit rows shown to the audit administrator with unmasked personal data').toEqual([]);
  });
});

describe('unmasking a household (personal:unmask only, always audited)', () => {
  it('roles with personal:unmask get the full values, and each call writes a personal.unmask audit row', async () => {
    const p = planted[0]!;
    for (const { role, scope } of [
      { role: 'village_clerk', scope: R.village },
      { role: 'township_reviewer', scope: R.township },
      { role: 'county_admin', scope: R.county },
    ] as const) {
      const client = await env.as(role, scope);
      const before = await auditCount('personal.unmask');
      const res = await client.post(`/api/households/${p.id}/unmask`, { reason: '入户核实身份' });
      expect(res.statusCode, `${role}: ${res.body}`).toBe(200);
      const body = res.json() as { phone: string; members: { idNumber: string }[] };
      expect(body.phone).toBe(p.phone);
      expect(body.members.map((m) => m.idNumber).sort()).toEqual([...p.idNumbers].sort());
      expect(await auditCount('personal.unmask'), role).toBe(before + 1);
      expect(await lastAudit('personal.unmask'), role).toMatchObject({
        user_id: client.userId,
        username: client.username,
        outcome: 'success',
        entity: 'household',
        entity_id: p.id,
        region_code: p.villageCode,
        detail: { reason: '入户核实身份', fields: ['idNumber', 'phone'], members: 3 },
      });
      // Without a reason: refused, and nothing unmasked.
      const noReason = await client.post(`/api/households/${p.id}/unmask`, { reason: ' ' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.message).toMatch(/请填写查看原因/);
      expectMasked(`${role} unmask without reason`, noReason.body);
      expect(await auditCount('personal.unmask'), role).toBe(before + 1);
    }
  });

  it('roles without it get 403, no values, no unmask audit row (the denial itself is audited)', async () => {
    const p = planted[0]!;
    for (const { role, scope } of [
      { role: 'viewer', scope: R.province },
      { role: 'department', scope: R.county },
      { role: 'system_admin', scope: R.province },
      { role: 'security_admin', scope: R.province },
      { role: 'audit_admin', scope: R.province },
    ] as const) {
      const client = await env.as(role, scope);
      const before = await auditCount('personal.unmask');
      const denied = await auditCount('auth.denied');
      const res = await client.post(`/api/households/${p.id}/unmask`, { reason: '想看看' });
      expect(res.statusCode, role).toBe(403);
      expectMasked(role, res.body);
      expect(await auditCount('personal.unmask'), role).toBe(before);
      expect(await auditCount('auth.denied'), role).toBe(denied + 1);
    }
  });
});

async function exportAs(client: TestClient, query = '') {
  const res = await client.get(`/api/households/export${query}`);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename\*=UTF-8''/);
  return readExport(res.rawPayload);
}

describe('household export (.xlsx)', () => {

  it('is masked by default for every role that may export, and every export is audited', async () => {
    for (const { role, scope } of [
      { role: 'county_admin', scope: R.county },
      { role: 'viewer', scope: R.city },
      { role: 'viewer', scope: R.province },
    ] as const) {
      const client = await env.as(role, scope);
      const before = await auditCount('export');
      const sheet = await exportAs(client);
      const visible = planted.filter((p) => p.villageCode.startsWith(scope));
      expect(sheet.rows.length, `${role}@${scope}`).toBe(visible.length);
      expectMasked(`${role}@${scope} export`, sheet.text);
      for (const p of visible) {
        const row = sheet.rows.find((r) => r['户编号']!.value === p.householdNo)!;
        expect(row, p.householdNo).toBeDefined();
        expect(row['户主姓名']!.value).toBe(p.headName);
        expect(row['户主身份证号']!.value).toBe(`${p.headId.slice(0, 6)}********${p.headId.slice(-4)}`);
        expect(row['联系电话']!.value).toBe(`${p.phone.slice(0, 3)}****${p.phone.slice(7)}`);
      }
      expect(await auditCount('export'), role).toBe(before + 1);
      expect(await lastAudit('export'), role).toMatchObject({
        user_id: client.userId,
        outcome: 'success',
        entity: 'households',
        region_code: scope,
        detail: expect.objectContaining({ unmasked: false, format: 'xlsx' }),
      });
    }
  });

  it('unmasked=true gives full values only to a role with personal:unmask, and the audit row says unmasked', async () => {
    const county = await env.as('county_admin', R.county);
    const before = await auditCount('export');
    const sheet = await exportAs(county, '?unmasked=true');
    const mine = planted.filter((p) => p.villageCode.startsWith(R.county));
    expect(sheet.rows).toHaveLength(mine.length);
    for (const p of mine) {
      const row = sheet.rows.find((r) => r['户编号']!.value === p.householdNo)!;
      expect(row['户主身份证号']!.value).toBe(p.headId);
      expect(row['联系电话']!.value).toBe(p.phone);
    }
    expect(await auditCount('export')).toBe(before + 1);
    expect(await lastAudit('export')).toMatchObject({ user_id: county.userId, detail: expect.objectContaining({ unmasked: true }) });

    // A viewer asking for it still gets masked data, and the audit row says so.
    const viewer = await env.as('viewer', R.province);
    const masked = await exportAs(viewer, '?unmasked=true');
    expect(masked.rows).toHaveLength(planted.length);
    expectMasked('viewer export ?unmasked=true', masked.text);
    expect(await auditCount('export')).toBe(before + 2);
    expect(await lastAudit('export')).toMatchObject({ user_id: viewer.userId, detail: expect.objectContaining({ unmasked: false }) });
  });

  it('filters apply to the export as to the list, inside the caller scope only', async () => {
    const viewer = await env.as('viewer', R.province);
    const p = planted[1]!;
    const bySearch = await exportAs(viewer, `?q=${p.headId}`);
    expect(bySearch.rows.map((r) => r['户编号']!.value)).toEqual([p.householdNo]);
    const byRegion = await exportAs(viewer, `?region=${R.otherCounty}`);
    expect(byRegion.rows.map((r) => r['户编号']!.value)).toEqual([planted[2]!.householdNo]);
    const clerkScope = await env.as('county_admin', R.county);
    const outside = await clerkScope.get(`/api/households/export?region=${R.otherCounty}`);
    expect(outside.statusCode).toBe(404);
  });

  it('roles that may not export get 403, and the attempt is audited as denied', async () => {
    for (const { role, scope } of [
      { role: 'village_clerk', scope: R.village },
      { role: 'township_reviewer', scope: R.township },
      { role: 'department', scope: R.county },
    ] as const) {
      const client = await env.as(role, scope);
      const exports = await auditCount('export');
      const denied = await auditCount('auth.denied');
      const res = await client.get('/api/households/export?unmasked=true');
      expect(res.statusCode, role).toBe(403);
      expect(await auditCount('export'), role).toBe(exports);
      expect(await auditCount('auth.denied'), role).toBe(denied + 1);
    }
  });
});

describe('formula injection in exports (quality.md #16)', () => {
  const TRIGGERS = ['=', '+', '-', '@'] as const;
  /** Household number and head name starting with each trigger; planted over HTTP when the API takes them, else in SQL. */
  const hostile: { householdNo: string; headName: string; address: string; id: string }[] = [];

  beforeAll(async () => {
    const clerk = await env.as('village_clerk', R.township);
    const village = '533423101202'; // 兰永村: only these households
    for (const t of TRIGGERS) {
      const householdNo = `${t}HYPERLINK("http://x.example/${t}","点我")`.slice(0, 30);
      const address = `${t}cmd|' /C calc'!A0`;
      const headName = `${t}SUM(1+1)*${TRIGGERS.indexOf(t)}`;
      let res = await clerk.post('/api/households', { householdNo, villageCode: village, address, householdType: 'ordinary', assistanceStatus: 'none' });
      let id: string;
      if (res.statusCode === 201) {
        id = res.json().household.id;
      } else {
        // The API refused the value: plant it directly, as an old import or another system could have.
        res = await clerk.post('/api/households', { householdNo: `FI-${TRIGGERS.indexOf(t)}`, villageCode: village, address: '一组', householdType: 'ordinary', assistanceStatus: 'none' });
        expect(res.statusCode, res.body).toBe(201);
        id = res.json().household.id;
        await env.db.pool.query('UPDATE households SET household_no = $1, address = $2 WHERE id = $3', [householdNo, address, id]);
      }
      const m = await clerk.post('/api/members', { householdId: id, name: headName, idNumber: idNumber('19660606'), relation: 'head', ...adult });
      if (m.statusCode !== 201) {
        const plain = await clerk.post('/api/members', { householdId: id, name: `户主${TRIGGERS.indexOf(t)}`, idNumber: idNumber('19660606'), relation: 'head', ...adult });
        expect(plain.statusCode, plain.body).toBe(201);
        await env.db.pool.query('UPDATE members SET name = $1 WHERE id = $2', [headName, plain.json().id]);
      }
      hostile.push({ householdNo, headName, address, id });
    }
  });

  it('every text cell starting with = + - @ is written as text with a leading apostrophe, never as a formula', async () => {
    const county = await env.as('county_admin', R.county);
    const res = await county.get('/api/households/export?region=533423101202');
    expect(res.statusCode).toBe(200);
    const sheet = await readExport(res.rawPayload);
    expect(sheet.rows).toHaveLength(hostile.length);
    for (const h of hostile) {
      const row = sheet.rows.find((r) => r['户编号']!.value === `'${h.householdNo}`);
      expect(row, `household number ${h.householdNo} exported as '${h.householdNo}`).toBeDefined();
      for (const [col, raw] of [['户编号', h.householdNo], ['户主姓名', h.headName]] as const) {
        const cell = row![col]!;
        expect(cell.type, `${col} ${raw}`).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.type, `${col} ${raw}`).toBe(ExcelJS.ValueType.String);
        expect(cell.value, `${col} ${raw}`).toBe(`'${raw}`);
      }
    }
    // And no cell anywhere in the sheet is a formula or a text that a spreadsheet would run as one.
    sheet.ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(cell.value, cell.address).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });

  it('the import error report neutralises the rejected values it quotes', async () => {
    const county = await env.as('county_admin', R.county);
    const csv = writeCsv(HOUSEHOLD_HEADERS, [
      householdRow('FR-1', R.village, { 详细地址: '=HYPERLINK("http://x.example","点我")' }),
      householdRow('FR-2', R.village, { 户类型: '@SUM(1)' }),
      householdRow('FR-3', R.village, { 联系电话: '+cmd|calc' }),
      householdRow('FR-4', '-533423101001'),
    ]);
    const job = await env.services.imports.importFile({ userId: county.userId, username: county.username, scope: R.county }, { path: csv, name: '=bad.csv' }, { mode: 'all-or-nothing', dryRun: true });
    expect(job.status).toBe('failed');
    const res = await county.get(`/api/imports/${job.jobId}/report`);
    expect(res.statusCode).toBe(200);
    const { ws } = await readExport(res.rawPayload);
    const values: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') {
          values.push(cell.value);
          expect(cell.value, cell.address).not.toMatch(/^[=+\-@\t\r]/);
        }
      }),
    );
    for (const quoted of ['=HYPERLINK("http://x.example","点我")', '@SUM(1)', '+cmd|calc', '-533423101001']) {
      expect(values, quoted).toContain(`'${quoted}`);
    }
  });
});
