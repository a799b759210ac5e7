/**
 * Rollups (issue #5): after every kind of write — import, income save, evaluation, case step, a plain SQL write the
 * platform does not know about — every stored rollup row equals a recomputation written here, in JavaScript over the
 * detail rows with core's own rules (focus groups, annualising, China dates), independently of the refresh SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_FOCUS_LEDGER_CONFIG, annualise, chinaDate, focusGroupsOf, focusIncomeOf, type CaseEvent, type FocusIncome, type HouseholdType,
} from '@zengshou/core';
import { startTestEnv, type TestClient, type TestEnv, R } from './harness.ts';
import { HOUSEHOLD_HEADERS, INCOME_HEADERS, MEMBER_HEADERS, householdRow, idNumber, incomeRow, memberRow, writeXlsx } from './support/registry-factory.ts';
import { insertCase, monitoredCaseEvents } from './support/case-factory.ts';
import { ImportService } from '../src/modules/imports/imports.service.ts';
import { refreshStaleRollups } from '../src/modules/rollups/rollups.service.ts';

const VILLAGES = [R.village, R.siblingVillage, '533423101003', '533423102201', '533423102202'];
const TYPES = ['脱贫户', '一般农户', '脱贫不享受政策户'];
const CATEGORIES = [null, 'unstable', 'marginal', 'sudden_hardship'] as const;

let env: TestEnv;
let county: TestClient;
let clerk: TestClient;
const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await env.db.pool.query(text, params)).rows as T[];
const importer = () => new ImportService(env.deps);

/** A deterministic spread of incomes (yuan, year-to-date): some fall year on year, some rise, some lose business income. */
function incomes(no: string, k: number): unknown[][] {
  const rows: unknown[][] = [];
  for (const year of [2025, 2026]) {
    for (let quarter = 1; quarter <= (year === 2026 ? 1 : 4); quarter++) {
      if ((k + quarter) % 5 === 0) continue; // gaps: not every household reports every quarter
      const base = 1500 + ((k * 937) % 4000) + (year === 2026 ? ((k % 3) - 1) * 700 : 0);
      const planting = (k % 4) * 300 * (year === 2026 && k % 2 === 0 ? 0.5 : 1);
      rows.push(incomeRow(no, year, quarter, {
        '务工等其他工资性收入（元）': Math.round(base * quarter), '种植业收入（元）': Math.round(planting * quarter),
        '种植业生产经营支出（元）': Math.round(planting * quarter * 0.2), '养老金或离退休金（元）': k % 6 === 0 ? 300 * quarter : 0,
      }));
    }
  }
  return rows;
}

async function importHouseholds(prefix: string, villages: readonly string[], perVillage: number, start: number) {
  const households: unknown[][] = [];
  const members: unknown[][] = [];
  const income: unknown[][] = [];
  let k = start;
  for (const village of villages) {
    for (let i = 0; i < perVillage; i++, k++) {
      const no = `${prefix}-${k}`;
      households.push(householdRow(no, village, { 户类型: TYPES[k % 3] }));
      const size = 1 + (k % 4);
      for (let m = 0; m < size; m++) {
        members.push(memberRow(no, `成员${k}-${m}`, idNumber(`19${60 + m * 5}0${1 + (k % 9)}1${k % 10}`), m === 0 ? {} : { 与户主关系: '之子' }));
      }
      income.push(...incomes(no, k));
    }
  }
  const file = await writeXlsx([
    { name: '户信息', headers: HOUSEHOLD_HEADERS, rows: households },
    { name: '成员信息', headers: MEMBER_HEADERS, rows: members },
    { name: '收入信息', headers: INCOME_HEADERS, rows: income },
  ]);
  const result = await importer().importFile({ userId: null, username: 'test', scope: R.county }, { path: file, name: `${prefix}.xlsx` }, { mode: 'valid-rows', dryRun: false });
  expect(result.status, result.message).toBe('succeeded');
}

// ---------------------------------------------------------------------------------------------------------------
// The recomputation, in JavaScript

interface Figures { [k: string]: number }
type Rows = Map<string, Figures>;

function add(rows: Rows, key: string, figures: Figures) {
  const row = rows.get(key) ?? {};
  for (const [k, v] of Object.entries(figures)) row[k] = (row[k] ?? 0) + v;
  rows.set(key, row);
}

/** Village rows plus their township and county sums, keyed `level|code|rest`. */
function withParents(villageRows: Rows): Rows {
  const all: Rows = new Map();
  for (const [key, figures] of villageRows) {
    const [code, rest] = [key.slice(0, 12), key.slice(13)];
    add(all, `village|${code}|${rest}`, figures);
    add(all, `township|${code.slice(0, 9)}|${rest}`, figures);
    add(all, `county|${code.slice(0, 6)}|${rest}`, figures);
  }
  return all;
}

const active = (status: string) => status !== 'eliminated' && status !== 'closed_not_included';
const at = (date: string) => `${date}T10:00:00+08:00`;
const toMap = (rows: Record<string, unknown>[], keys: string[], figures: string[]): Rows =>
  new Map(rows.map((r) => [keys.map((k) => String(r[k])).join('|'), Object.fromEntries(figures.map((f) => [f, Number(r[f])]))]));

async function expectedRollups() {
  const households = await q<{ county_code: string; id: string; village_code: string; household_type: HouseholdType; monitoring_category: string | null; member_count: number }>(
    'SELECT county_code, id, village_code, household_type, monitoring_category, member_count FROM households');
  const records = await q<{ household_id: string; year: number; quarter: number; household_size: number; per_capita_net: number; net_income: number; wage_total: number; business_total: number; cost_total: number; property_total: number; transfer_total: number }>(
    `SELECT household_id, year, quarter, household_size, per_capita_net, net_income, wage_total, business_total, cost_total, property_total, transfer_total
     FROM income_records WHERE superseded_at IS NULL AND status = 'valid'`);
  const cases = await q<{ household_id: string; status: string; risks: string[] | null; due_date: string | null }>(
    `SELECT household_id, status, state -> 'riskTypes' AS risks, due_date FROM cases`);
  const warnings = await q<{ household_id: string; status: string; due_at: Date; closed_at: Date | null }>('SELECT household_id, status, due_at, closed_at FROM warnings');
  const plans = await q<{ household_id: string; status: string; ledger_groups: string[] }>('SELECT household_id, status, ledger_groups FROM focus_plans');

  const counts: Rows = new Map();
  const income: Rows = new Map();
  const due: Rows = new Map();
  const byId = new Map(households.map((h) => [h.id, h]));

  // counts: per household the set of metrics and how many items each
  const perHousehold = new Map<string, Map<string, number>>();
  const count = (hid: string, metric: string) => {
    const m = perHousehold.get(hid) ?? new Map<string, number>();
    m.set(metric, (m.get(metric) ?? 0) + 1);
    perHousehold.set(hid, m);
  };
  for (const h of households) {
    count(h.id, 'all');
    count(h.id, `type:${h.household_type}`);
    if (h.monitoring_category) {
      count(h.id, 'monitored');
      count(h.id, `category:${h.monitoring_category}`);
    }
  }
  for (const c of cases) {
    const h = byId.get(c.household_id)!;
    count(h.id, `case:${c.status}`);
    if (active(c.status)) {
      count(h.id, 'cases_active');
      if (h.monitoring_category) for (const r of c.risks ?? []) count(h.id, `risk:${r}`);
      if (c.due_date) add(due, `${h.village_code}|case|${c.due_date}`, { n: 1 });
    }
  }
  for (const w of warnings) {
    const h = byId.get(w.household_id)!;
    if (w.status === 'open') {
      count(h.id, 'warnings_open');
      add(due, `${h.village_code}|warning|${chinaDate(w.due_at.toISOString())}`, { n: 1 });
    } else if (w.closed_at) {
      count(h.id, `warnings_closed:${chinaDate(w.closed_at.toISOString())!.slice(0, 4)}`);
    }
  }

  const recordsOf = new Map<string, typeof records>();
  for (const r of records) recordsOf.set(r.household_id, [...(recordsOf.get(r.household_id) ?? []), r]);
  const totals = (r: (typeof records)[number]) => ({
    year: r.year, quarter: r.quarter, householdSize: r.household_size, perCapitaNet: r.per_capita_net,
    wage: r.wage_total, business: r.business_total, cost: r.cost_total, property: r.property_total, transfer: r.transfer_total,
  });
  const config = DEFAULT_FOCUS_LEDGER_CONFIG;
  const planOf = new Map(plans.map((p) => [p.household_id, p]));
  for (const h of households) {
    const own = (recordsOf.get(h.id) ?? []).sort((a, b) => b.year - a.year || b.quarter - a.quarter);
    const latest: FocusIncome | null = own[0] ? focusIncomeOf(totals(own[0])) : null;
    const previous = latest ? own.find((r) => r.year === latest.year - 1 && r.quarter === latest.quarter) : undefined;
    const groups = focusGroupsOf({ householdType: h.household_type, latest, previousPerCapitaAnnualFen: previous ? annualise(previous.per_capita_net, previous.quarter) : null }, config);
    const plan = planOf.get(h.id);
    const planMetric = !plan ? 'without_plan' : plan.status === 'closed_out' ? 'plans_closed_out' : 'plans_open';
    let onAny = false;
    for (const g of ['low_income', 'income_fell']) {
      if (groups.includes(g as never) || plan?.ledger_groups.includes(g)) {
        count(h.id, `focus:${g}`);
        count(h.id, `${planMetric}:${g}`);
        onAny = true;
      }
    }
    if (onAny) count(h.id, planMetric);

    for (const r of own) {
      const fi = focusIncomeOf(totals(r));
      const before = own.find((p) => p.year === r.year - 1 && p.quarter === r.quarter);
      const fb = before ? focusIncomeOf(totals(before)) : null;
      add(income, `${h.village_code}|${r.year}|${r.quarter}`, {
        reported_households: 1, reported_people: r.household_size, net_fen: r.net_income, wage_fen: r.wage_total,
        business_fen: r.business_total - r.cost_total, property_fen: r.property_total, transfer_fen: r.transfer_total,
        comparable_households: fb ? 1 : 0,
        income_fell_households: fb && fi.perCapitaAnnualFen < fb.perCapitaAnnualFen ? 1 : 0,
        business_fell_households: fb && fi.partsPerCapitaAnnualFen.business < fb.partsPerCapitaAnnualFen.business ? 1 : 0,
        low_income_households: fi.perCapitaAnnualFen < config.lowIncomeThresholdFen ? 1 : 0,
      });
    }
  }
  for (const [hid, metrics] of perHousehold) {
    const h = byId.get(hid)!;
    for (const [metric, items] of metrics) add(counts, `${h.village_code}|${metric}`, { households: 1, people: h.member_count, items });
  }
  return { counts: withParents(counts), income: withParents(income), due: withParents(due) };
}

async function storedRollups() {
  const incomeFigures = ['reported_households', 'reported_people', 'net_fen', 'wage_fen', 'business_fen', 'property_fen', 'transfer_fen',
    'comparable_households', 'income_fell_households', 'business_fell_households', 'low_income_households'];
  return {
    counts: toMap(await q('SELECT * FROM rollup_counts'), ['level', 'region_code', 'metric'], ['households', 'people', 'items']),
    income: toMap(await q('SELECT * FROM rollup_income'), ['level', 'region_code', 'year', 'quarter'], incomeFigures),
    due: toMap(await q('SELECT * FROM rollup_due'), ['level', 'region_code', 'kind', 'due_date'], ['n']),
  };
}

const sorted = (rows: Rows) => [...rows].sort(([a], [b]) => (a < b ? -1 : 1));

/** Every stored row equals the recomputation, and nothing is left marked stale. */
async function expectRollupsMatchDetail() {
  const [expected, stored] = [await expectedRollups(), await storedRollups()];
  expect(sorted(stored.counts)).toEqual(sorted(expected.counts));
  expect(sorted(stored.income)).toEqual(sorted(expected.income));
  expect(sorted(stored.due)).toEqual(sorted(expected.due));
  expect(await q('SELECT * FROM rollup_stale_villages')).toEqual([]);
}

// ---------------------------------------------------------------------------------------------------------------

beforeAll(async () => {
  env = await startTestEnv();
  county = await env.as('county_admin', R.county);
  clerk = await env.as('village_clerk', R.village);
  await importHouseholds('RU', VILLAGES, 8, 1);
  const hh = await q<{ county_code: string; id: string; village_code: string; household_no: string }>(
    'SELECT county_code, id, village_code, household_no FROM households ORDER BY household_no');
  // One-household plans for a few poverty-exit households (some will be closed out by their income).
  for (const h of hh.filter((_, i) => i % 3 === 0).slice(0, 6)) {
    const res = await county.request('PUT', `/api/households/${h.id}/focus-plan`, {
      version: 0, cadreName: '和建华', targetYear: 2026, targetPerCapitaFen: 900_000, measures: [{ text: '发展种植' }],
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
  }
  // Categories of every kind; cases in several states and with deadlines past, near and far; warnings open and closed.
  for (const [i, h] of hh.entries()) {
    const category = CATEGORIES[i % 4];
    if (category) await q('UPDATE households SET monitoring_category = $1 WHERE id = $2', [category, h.id]);
  }
  const base = monitoredCaseEvents('');
  for (const [i, h] of hh.slice(0, 14).entries()) {
    const events = base.map((e) => ({ ...e, householdId: h.id })) as CaseEvent[];
    const lead: CaseEvent[] = [{ ...events[0]!, at: at(i % 2 === 0 ? '2026-03-01' : '2026-02-20') } as CaseEvent];
    const history = i % 3 === 0 ? lead : events.slice(0, 1 + (i % 7));
    await insertCase(env.db, { countyCode: h.county_code, householdId: h.id, villageCode: h.village_code }, history);
  }
  for (const [i, h] of hh.slice(5, 25).entries()) {
    const open = i % 3 !== 0;
    await q(`INSERT INTO warnings (county_code, household_id, village_code, rule_id, rule_version, status, title, explanation, score, facts,
        opened_at, due_at, updated_at, closed_at)
      VALUES ($1, $2, $3, $4, '1', $5, '测试', '测试', 10, '{}', '2025-12-01T10:00:00+08:00', $6, now(), $7)`,
    [h.county_code, h.id, h.village_code, `t-${i % 2}`, open ? 'open' : 'closed', `2026-0${2 + (i % 3)}-0${1 + (i % 5)}T23:30:00+08:00`,
      open ? null : i % 2 ? '2025-12-31T20:00:00+08:00' : '2026-01-02T08:00:00+08:00']);
  }
});
afterAll(async () => env?.close());

describe('rollups', () => {
  it('equal the detail rows after the initial load and refresh', async () => {
    // The fixture's plain SQL writes (categories, warnings) marked their villages; nothing refreshed them yet.
    expect((await q<{ n: number }>('SELECT count(*)::int AS n FROM rollup_stale_villages'))[0]!.n).toBeGreaterThan(0);
    await refreshStaleRollups(env.deps);
    await expectRollupsMatchDetail();
    const [{ n }] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM rollup_counts WHERE metric LIKE 'risk:%' OR metric LIKE 'plans_%' OR metric LIKE 'case:%'`) as [{ n: number }];
    expect(n).toBeGreaterThan(0); // the fixture reaches the metrics that need cases and plans
  });

  it('stay equal after an income save (the household now earns less than a year ago)', async () => {
    const [h] = await q<{ id: string }>(`SELECT id FROM households WHERE village_code = $1 AND household_no = 'RU-3'`, [R.village]);
    const res = await clerk.post('/api/income-records', { householdId: h!.id, year: 2026, quarter: 1, items: { wageOther: '900' } });
    expect(res.statusCode, res.body).toBe(201);
    await expectRollupsMatchDetail();
  });

  it('stay equal after an import into a village and a revision of existing records', async () => {
    await importHouseholds('RN', ['533423101003', '533423102203'], 3, 100);
    await expectRollupsMatchDetail();
  });

  it('stay equal after an evaluation', async () => {
    const res = await county.post('/api/monitoring/evaluate');
    expect(res.statusCode, res.body).toBeLessThan(300);
    await expectRollupsMatchDetail();
  });

  it('stay equal after a case step', async () => {
    const [c] = await q<{ id: string; version: number }>(`SELECT id, version FROM cases WHERE status = 'lead' AND village_code = $1 LIMIT 1`, [R.village]);
    expect(c).toBeDefined();
    const res = await clerk.post(`/api/cases/${c!.id}/events`, {
      expectedVersion: c!.version,
      event: { type: 'home_checked', commitmentSigned: true, authorisationSigned: true, finding: 'include', note: '核实', proposedCategory: 'marginal', proposedRiskTypes: ['illness'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    await expectRollupsMatchDetail();
  });

  it('catch writes made outside the services: a household moving village marks both villages', async () => {
    await q(`UPDATE households SET village_code = '533423102202' WHERE household_no = 'RU-1'`);
    expect((await q<{ village_code: string }>('SELECT village_code FROM rollup_stale_villages ORDER BY 1')).map((r) => r.village_code))
      .toEqual([R.village, '533423102202']);
    await refreshStaleRollups(env.deps);
    await expectRollupsMatchDetail();
    // Warnings leave a village's income rows alone; an income record marks them for redoing too.
    await q(`DELETE FROM warnings WHERE status = 'closed' AND village_code = $1`, [R.siblingVillage]);
    await q(`UPDATE income_records SET remark = 'x' WHERE household_id = (SELECT id FROM households WHERE household_no = 'RU-20')`);
    const [rv] = await q<{ village_code: string }>(`SELECT village_code FROM households WHERE household_no = 'RU-20'`);
    expect(await q('SELECT village_code, income FROM rollup_stale_villages ORDER BY 1')).toEqual(
      [{ village_code: R.siblingVillage, income: false }, { village_code: rv!.village_code, income: true }].sort((a, b) => (a.village_code < b.village_code ? -1 : 1)));
    await refreshStaleRollups(env.deps);
    await expectRollupsMatchDetail();
    await q(`DELETE FROM warnings WHERE status = 'closed'`);
    await q(`UPDATE settings SET value = '{"lowIncomeThresholdFen": 1000000}' WHERE key = 'focusLedgers'`);
    await refreshStaleRollups(env.deps);
    await expectRollupsMatchDetail();
  });

  it('serialise concurrent refreshes without losing a write', async () => {
    const [h] = await q<{ id: string }>(`SELECT id FROM households WHERE household_no = 'RU-10'`);
    await q(`UPDATE households SET monitoring_category = NULL WHERE id = $1`, [h!.id]);
    await Promise.all([refreshStaleRollups(env.deps), refreshStaleRollups(env.deps), refreshStaleRollups(env.deps)]);
    await expectRollupsMatchDetail();
  });
});
