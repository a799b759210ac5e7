import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsUnmaskedPersonalData } from '@zengshou/core';
import { startTestEnv, type TestEnv, type TestClient, R } from './harness.ts';
import { idNumber } from './support/registry-factory.ts';
import { loadConfig } from '../src/platform/config.ts';

const DEFAULTS = loadConfig({}).declarations;

let env: TestEnv;
type Client = TestClient & { userId: string; username: string };
let clerk: Client;
let ipCounter = 0;
let hhCounter = 0;

beforeAll(async () => {
  // The real per-IP limits (5 submissions, 60 lookups per 10 minutes); the harness lifts them for other files.
  env = await startTestEnv({ declarationLimits: DEFAULTS });
  clerk = await env.as('village_clerk', R.village);
});
afterAll(async () => env?.close());

/** A member of the public on a fresh address (each test has its own per-IP budget), holding the CSRF cookie. */
async function visitor(ip = `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`) {
  const c = env.client(ip);
  await c.fetchCsrf();
  return c;
}

async function household(village: string = R.village, who: TestClient = clerk) {
  const h = await who.post('/api/households', { householdNo: `D-${++hhCounter}`, villageCode: village, address: '一组', householdType: 'poverty_exit', assistanceStatus: 'none', phone: '13800138000' });
  expect(h.statusCode, h.body).toBe(201);
  const id = h.json().household.id as string;
  const person = idNumber('19750505');
  const m = await who.post('/api/members', { householdId: id, name: `和${hhCounter}`, idNumber: person, relation: 'head', labourCapacity: 'normal', health: 'healthy', schooling: 'primary', schoolingStatus: 'not_applicable', employmentStatus: 'farming' });
  expect(m.statusCode, m.body).toBe(201);
  return { id, person };
}

/** The reply with its (random) receipt code blanked, to compare the rest byte for byte. */
function strip(body: string, code: string) {
  return body.replace(code, 'X'.repeat(10));
}

function form(idNo: string, over: Record<string, unknown> = {}) {
  return { name: '和春花', phone: '13912345678', idNumber: idNo, villageCode: R.village, difficulties: ['illness', 'unsafe_housing'], description: '丈夫住院，花了很多钱', consent: true, ...over };
}

async function declare(body: Record<string, unknown>, who?: TestClient) {
  const c = who ?? (await visitor());
  return c.post('/api/public/declarations', body);
}

interface Item { id: string; receiptCode: string; status: string; case: { id: string; caseNo: string; status: string } | null; homeCheckDue: { date: string; urgency: string } | null; [k: string]: unknown }
async function listed(who: TestClient, receiptCode: string): Promise<Item | undefined> {
  const res = await who.get('/api/declarations?pageSize=200');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Item[]).find((i) => i.receiptCode === receiptCode);
}

describe('self-declaration (农户自主申报)', () => {
  it('turns a declaration by a registered member into a declaration lead due for a home check in 2 working days', async () => {
    const h = await household();
    const res = await declare(form(h.person));
    expect(res.statusCode, res.body).toBe(201);
    const { receiptCode, message } = res.json();
    expect(receiptCode).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    expect(message).toContain('2 个工作日');

    const item = await listed(clerk, receiptCode);
    expect(item).toMatchObject({ status: 'lead_opened', difficultyLabels: ['因病', '住房安全'], householdId: h.id });
    // The clock stands at Monday 2026-03-02: two working days on is Wednesday.
    expect(item!.homeCheckDue).toEqual({ date: '2026-03-04', urgency: 'due_soon' });
    const c = (await clerk.get(`/api/cases/${item!.case!.id}`)).json();
    expect(c).toMatchObject({ status: 'lead', source: 'declaration', householdId: h.id, due: { kind: 'home_check', date: '2026-03-04' } });
    expect(c.events[0].data.note).toContain(receiptCode);
    const mine = (await clerk.get('/api/cases?queue=mine&pageSize=200')).json();
    expect(mine.items.some((i: { id: string }) => i.id === c.id)).toBe(true);

    // A second declaration for the same household joins the running case instead of opening another.
    const again = await declare(form(h.person, { difficulties: ['disaster'] }));
    expect(again.statusCode).toBe(201);
    expect((await listed(clerk, again.json().receiptCode))!.case!.id).toBe(c.id);
  });

  it('keeps an unknown person as needs_registration until the village links the registered household', async () => {
    const person = idNumber('19820303');
    const res = await declare(form(person));
    expect(res.statusCode, res.body).toBe(201);
    const item = (await listed(clerk, res.json().receiptCode))!;
    expect(item).toMatchObject({ status: 'needs_registration', case: null, homeCheckDue: { date: '2026-03-04' } });

    const h = await household();
    const linked = await clerk.post(`/api/declarations/${item.id}/link`, { householdId: h.id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ status: 'lead_opened', householdId: h.id, case: { status: 'lead' }, homeCheckDue: { date: '2026-03-04' } });
    const c = (await clerk.get(`/api/cases/${linked.json().case.id}`)).json();
    expect(c).toMatchObject({ source: 'declaration', due: { kind: 'home_check' } });
    // Linked once; a second link or a close is refused.
    expect((await clerk.post(`/api/declarations/${item.id}/link`, { householdId: h.id })).statusCode).toBe(409);
    expect((await clerk.post(`/api/declarations/${item.id}/close`, { reason: '重复申报' })).statusCode).toBe(409);
  });

  it('closes an open declaration with a reason, and refuses a close without one', async () => {
    const res = await declare(form(idNumber('19830303')));
    const item = (await listed(clerk, res.json().receiptCode))!;
    const bad = await clerk.post(`/api/declarations/${item.id}/close`, { reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('请填写关闭原因');
    const ok = await clerk.post(`/api/declarations/${item.id}/close`, { reason: '非本村户籍，已告知到户籍地申报' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'closed', homeCheckDue: null, closedReason: '非本村户籍，已告知到户籍地申报' });
  });

  it('answers a known and an unknown ID number with byte-identical bodies (no enumeration)', async () => {
    const h = await household();
    const known = await declare(form(h.person));
    const unknown = await declare(form(idNumber('19840404')));
    expect(known.statusCode).toBe(unknown.statusCode);
    expect(strip(known.body, known.json().receiptCode)).toBe(strip(unknown.body, unknown.json().receiptCode));
    expect(Object.keys(known.json())).toEqual(['receiptCode', 'message']);
    expect(known.headers['content-length']).toBe(unknown.headers['content-length']);
  });

  it('limits submissions per IP and per ID number with one and the same 429 reply', async () => {
    const c = await visitor();
    for (let i = 0; i < 5; i++) expect((await declare(form(idNumber('19850505')), c)).statusCode).toBe(201);
    const ipLimited = await declare(form(idNumber('19850505')), c);
    expect(ipLimited.statusCode).toBe(429);

    // Three from one ID in a day, each from a different address; the fourth is refused like the IP limit.
    const person = idNumber('19860606');
    for (let i = 0; i < 3; i++) expect((await declare(form(person))).statusCode).toBe(201);
    const idLimited = await declare(form(person));
    expect(idLimited.statusCode).toBe(429);
    expect(idLimited.body).toBe(ipLimited.body);
    expect(idLimited.json().error.message).toBe('请求过于频繁，请稍后再试');
    // Known ID, same limit, same body.
    const h = await household();
    for (let i = 0; i < 3; i++) expect((await declare(form(h.person))).statusCode).toBe(201);
    expect((await declare(form(h.person))).body).toBe(ipLimited.body);
    // A day later the ID may declare again.
    env.clock.advance(86_400_000 + 1000);
    try {
      expect((await declare(form(person))).statusCode).toBe(201);
    } finally {
      env.clock.advance(-(86_400_000 + 1000));
    }
  });

  it('tells the declarant only the stage, and the same 404 for a wrong last 4 or an unknown code', async () => {
    const h = await household();
    const res = await declare(form(h.person));
    const code = res.json().receiptCode as string;
    const v = await visitor();
    const ok = await v.get(`/api/public/declarations/status?receiptCode=${code.slice(0, 5)}-${code.slice(5).toLowerCase()}&idLast4=${h.person.slice(-4)}`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ stage: 'home_check', stageLabel: '入户核实中', submittedDate: '2026-03-02' });

    const wrongLast4 = await v.get(`/api/public/declarations/status?receiptCode=${code}&idLast4=${h.person.slice(-4) === '0000' ? '1111' : '0000'}`);
    const unknownCode = await v.get(`/api/public/declarations/status?receiptCode=ABCDEFGHJK&idLast4=${h.person.slice(-4)}`);
    expect(wrongLast4.statusCode).toBe(404);
    expect(unknownCode.statusCode).toBe(404);
    expect(wrongLast4.body).toBe(unknownCode.body);
    expect(unknownCode.json().error.message).toBe('没有查到这条申报，请核对受理编号和身份证号后 4 位');

    // A declaration still waiting for registration is simply "received".
    const person = idNumber('19870707');
    const pending = await declare(form(person));
    const p = await v.get(`/api/public/declarations/status?receiptCode=${pending.json().receiptCode}&idLast4=${person.slice(-4)}`);
    expect(p.json()).toEqual({ stage: 'received', stageLabel: '已受理', submittedDate: '2026-03-02' });
    expect((await v.get(`/api/public/declarations/status?receiptCode=${pending.json().receiptCode}&idLast4=12`)).json().error.message).toContain('身份证号后 4 位');
  });

  it('rate limits status lookups per IP', async () => {
    const limited = await startTestEnv({ declarationLimits: DEFAULTS });
    try {
      const c = limited.client('10.8.0.1');
      let last = 0;
      for (let i = 0; i < 61; i++) last = (await c.get('/api/public/declarations/status?receiptCode=ABCDEFGHJK&idLast4=1234')).statusCode;
      expect(last).toBe(429);
      // Another address is unaffected.
      expect((await limited.client('10.8.0.2').get('/api/public/declarations/status?receiptCode=ABCDEFGHJK&idLast4=1234')).statusCode).toBe(404);
    } finally {
      await limited.close();
    }
  });

  it('masks ID and phone in the list; unmasking is audited; the audit never holds a full ID number', async () => {
    const person = idNumber('19880808');
    const res = await declare(form(person, { phone: '13712345678' }));
    const item = (await listed(clerk, res.json().receiptCode))!;
    expect(item.idNumber).toBe(`${person.slice(0, 6)}********${person.slice(-4)}`);
    expect(item.phone).toBe('137****5678');
    const list = await clerk.get('/api/declarations?pageSize=200');
    expect(containsUnmaskedPersonalData(list.body)).toEqual([]);

    const unmasked = await clerk.post(`/api/declarations/${item.id}/unmask`, { reason: '入户核实' });
    expect(unmasked.statusCode, unmasked.body).toBe(200);
    expect(unmasked.json()).toMatchObject({ idNumber: person, phone: '13712345678' });
    const audit = await env.db.pool.query(`SELECT action, username, user_id, detail::text AS detail, before::text AS b, after::text AS a FROM audit_log WHERE entity = 'declaration' AND entity_id = $1 ORDER BY seq`, [item.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['declaration.submitted', 'personal.unmask']);
    expect(audit.rows[0]).toMatchObject({ username: 'public', user_id: null });
    const all = await env.db.pool.query(`SELECT coalesce(detail::text, '') || coalesce(before::text, '') || coalesce(after::text, '') AS t FROM audit_log WHERE action LIKE 'declaration.%'`);
    for (const row of all.rows) expect(containsUnmaskedPersonalData(row.t)).toEqual([]);
    expect(all.rows.some((r) => r.t.includes(person))).toBe(false);
  });

  it('keeps declarations in their village: a sibling village sees nothing and cannot link or close them', async () => {
    const res = await declare(form(idNumber('19890909')));
    const item = (await listed(clerk, res.json().receiptCode))!;
    const sibling = await env.as('village_clerk', R.siblingVillage);
    expect(await listed(sibling, res.json().receiptCode)).toBeUndefined();
    expect((await sibling.get(`/api/declarations/${item.id}`)).statusCode).toBe(404);
    expect((await sibling.post(`/api/declarations/${item.id}/close`, { reason: '不是本村' })).statusCode).toBe(404);
    const siblingHousehold = await household(R.siblingVillage, sibling);
    expect((await sibling.post(`/api/declarations/${item.id}/link`, { householdId: siblingHousehold.id })).statusCode).toBe(404);
    // The village's own clerk may not link a household outside the village either: not found.
    expect((await clerk.post(`/api/declarations/${item.id}/link`, { householdId: siblingHousehold.id })).statusCode).toBe(404);
    const township = await env.as('township_reviewer', R.township);
    expect(await listed(township, res.json().receiptCode)).toBeDefined();
    expect((await sibling.get(`/api/declarations/qr?village=${R.village}`)).statusCode).toBe(404);
    const viewer = await env.as('viewer', R.county);
    expect((await viewer.get('/api/declarations')).statusCode).toBe(403);
  });

  it('refuses a bad form with Chinese messages, unknown fields, and a post without the CSRF token', async () => {
    const c = await visitor();
    const bad = await c.post('/api/public/declarations', form('533423198001011230', { phone: '123', difficulties: [], consent: false }));
    expect(bad.statusCode).toBe(400);
    const msg = bad.json().error.message as string;
    expect(msg).toContain('联系电话格式不正确');
    expect(msg).toContain('请至少选择一项困难类型');
    expect(msg).toContain('请阅读并同意个人信息使用说明');
    const unknownVillage = await c.post('/api/public/declarations', form(idNumber('19900101'), { villageCode: '533423101999' }));
    expect(unknownVillage.statusCode).toBe(400);
    expect(unknownVillage.json().error.message).toBe('所选的村不存在或已停用，请重新选择');
    const extra = await c.post('/api/public/declarations', { ...form(idNumber('19900102')), status: 'closed', householdId: crypto.randomUUID() });
    expect(extra.statusCode).toBe(400);
    const noToken = env.client('10.7.0.1');
    expect((await noToken.post('/api/public/declarations', form(idNumber('19900103')))).statusCode).toBe(403);
    const count = await env.db.pool.query(`SELECT count(*)::int AS n FROM declarations WHERE status = 'closed' AND closed_reason IS NULL`);
    expect(count.rows[0].n).toBe(0);
  });

  it('prints a QR code for a village in scope, and answers the public village picker with names only', async () => {
    const qr = await clerk.get(`/api/declarations/qr?village=${R.village}`);
    expect(qr.statusCode, qr.body).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
    expect(decodeURI(String(qr.headers['x-declare-url']))).toMatch(new RegExp(`/declare\\?village=${R.village}$`));

    const v = await visitor();
    const townships = await v.get(`/api/public/villages?parent=${R.county}`);
    expect(townships.statusCode, townships.body).toBe(200);
    expect(townships.json().items[0]).toEqual({ code: expect.stringMatching(/^533423\d{3}$/), name: expect.any(String), level: 'township', hasChildren: true });
    const path = await v.get(`/api/public/villages/${R.village}`);
    expect(path.json().path.map((p: { level: string }) => p.level)).toEqual(['province', 'city', 'county', 'township', 'village']);
    expect((await v.get(`/api/public/villages/${R.township}000`)).statusCode).toBe(404);
  });
});
