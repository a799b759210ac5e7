/**
 * Dashboards (issue #5): figures checked by hand on a small fixture, region scope, the drill-down lists against the
 * numbers they open from (every metric), and a city as the sum of its counties.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_DRILL_METRICS, type Dashboard } from '@zengshou/core';
import { startTestEnv, type TestClient, type TestEnv, R } from './harness.ts';
import { HOUSEHOLD_HEADERS, INCOME_HEADERS, MEMBER_HEADERS, householdRow, idNumber, incomeRow, memberRow, writeXlsx } from './support/registry-factory.ts';
import { insertCase } from './support/case-factory.ts';
import { ImportService } from '../src/modules/imports/imports.service.ts';
import { DashboardService } from '../src/modules/dashboard/dashboard.service.ts';

const VILLAGE_C = '533423102201'; // 巴丁村, in the sibling township 叶枝镇

let env: TestEnv;
let county: TestClient;
let city: TestClient;
const ids = new Map<string, string>();
const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await env.db.pool.query(text, params)).rows as T[];

/** Year-to-date income in yuan: wage, planting, planting costs. */
const income = (no: string, year: number, quarter: number, wage: number, planting = 0, cost = 0) =>
  incomeRow(no, year, quarter, { '务工等其他工资性收入（元）': wage, '种植业收入（元）': planting, '种植业生产经营支出（元）': cost });

beforeAll(async () => {
  env = await startTestEnv();
  const file = await writeXlsx([
    { name: '户信息', headers: HOUSEHOLD_HEADERS, rows: [
      householdRow('D-1', R.village), householdRow('D-2', R.village, { 户类型: '一般农户' }), householdRow('D-3', R.siblingVillage),
      householdRow('D-4', VILLAGE_C), householdRow('D-5', R.otherCountyVillage, { 户类型: '一般农户' }),
    ] },
    { name: '成员信息', headers: MEMBER_HEADERS, rows: [
      memberRow('D-1', '和一', idNumber('19700101')), memberRow('D-1', '和二', idNumber('19720101'), { 与户主关系: '配偶' }),
      memberRow('D-2', '李一', idNumber('19650101')), memberRow('D-3', '杨一', idNumber('19800101')),
      memberRow('D-4', '余一', idNumber('19750101')), memberRow('D-4', '余二', idNumber('19770101'), { 与户主关系: '配偶' }),
      memberRow('D-4', '余三', idNumber('19790101'), { 与户主关系: '之子' }),
      memberRow('D-5', '扎西', idNumber('19690101', '533401')),
    ] },
    { name: '收入信息', headers: INCOME_HEADERS, rows: [
      income('D-1', 2025, 1, 4000), income('D-1', 2025, 4, 20000), income('D-1', 2026, 1, 3000),
      income('D-2', 2025, 1, 2000, 1000, 200), income('D-2', 2026, 1, 3000, 500, 100),
      income('D-3', 2026, 1, 5000),
      income('D-4', 2026, 1, 6000),
      income('D-5', 2026, 1, 9000),
    ] },
  ]);
  const result = await new ImportService(env.deps).importFile({ userId: null, username: 'test', scope: R.city }, { path: file, name: 'd.xlsx' }, { mode: 'all-or-nothing', dryRun: false });
  expect(result.status, result.message).toBe('succeeded');
  for (const r of await q<{ household_no: string; id: string }>('SELECT household_no, id FROM households')) ids.set(r.household_no, r.id);
  // D-2 was identified (不稳定户) through a case whose risk is unstable employment.
  await insertCase(env.db, { countyCode: R.county, householdId: ids.get('D-2')!, villageCode: R.village });
  await q(`UPDATE households SET monitoring_category = 'unstable' WHERE household_no = 'D-2'`);
  await q(`INSERT INTO warnings (county_code, household_id, village_code, rule_id, rule_version, status, title, explanation, score, facts,
      opened_at, due_at, updated_at, closed_at)
    VALUES ($1, $2, $3, 'test-open', '1', 'open', '测试', '测试', 10, '{}', '2026-02-20T10:00:00+08:00', '2026-03-01T10:00:00+08:00', now(), NULL),
           ($1, $4, $5, 'test-closed', '1', 'closed', '测试', '测试', 10, '{}', '2026-01-05T10:00:00+08:00', '2026-01-15T10:00:00+08:00', now(), '2026-01-10T10:00:00+08:00')`,
  [R.county, ids.get('D-1'), R.village, ids.get('D-3'), R.siblingVillage]);
  // The county's 2026 target: 12,000 yuan per person, of which 10,000 wage; its townships inherit it.
  await q(`INSERT INTO income_targets (region_code, year, version, per_capita_fen, wage_fen, set_by_name, set_at)
    VALUES ($1, 2026, 1, 1200000, 1000000, '测试', now())`, [R.county]);
  county = await env.as('county_admin', R.county);
  city = await env.as('viewer', R.city);
  const plan = await county.request('PUT', `/api/households/${ids.get('D-1')}/focus-plan`, {
    version: 0, cadreName: '和建华', targetYear: 2026, targetPerCapitaFen: 1_500_000, measures: [{ text: '安排公益性岗位' }],
  });
  expect(plan.statusCode, plan.body).toBeLessThan(300);
});
afterAll(async () => env?.close());

async function dashboard(who: TestClient, query: string): Promise<Dashboard> {
  const res = await who.get(`/api/dashboard?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Dashboard;
}

describe('dashboard', () => {
  it('shows the township figures worked out by hand', async () => {
    const d = await dashboard(county, `region=${R.township}&year=2026&quarter=1`);
    expect(d.region).toMatchObject({ code: R.township, level: 'township' });
    expect(d.path.map((p) => p.code)).toEqual([R.county, R.township]);
    expect(d.population.total).toEqual({ households: 3, people: 4 });
    expect(d.population.byHouseholdType.poverty_exit).toEqual({ households: 2, people: 3 });
    expect(d.population.byHouseholdType.ordinary).toEqual({ households: 1, people: 1 });
    expect(d.population.monitored).toEqual({ households: 1, people: 1 });
    expect(d.population.byMonitoringCategory.unstable).toEqual({ households: 1, people: 1 });
    expect(d.population.monitoredByRiskType.unstable_employment).toBe(1);
    expect(d.cases.byStatus.monitored).toBe(1);
    expect(d.warnings).toEqual({ open: 1, openOverdue: 1, closedThisYear: 1 });

    // 2026 Q1: D-1 3,000 (2 people), D-2 3,000 + 500 − 100 (1), D-3 5,000 (1) → 11,400 yuan for 4 people.
    const inc = d.income;
    expect(inc.reported).toEqual({ households: 3, people: 4 });
    expect(inc.ytdPerCapitaNetFen).toBe(285_000);
    expect(inc.projectedPerCapitaNetFen).toBe(1_140_000);
    expect(inc.ytdPartsPerCapitaFen).toEqual({ wage: 275_000, business: 10_000, property: 0, transfer: 0 });
    // 2025 Q1: D-1 4,000 (2 people), D-2 2,000 + 1,000 − 200 (1) → 6,800 ÷ 3 = 2,266.67 yuan.
    expect(inc.lastYearYtdPerCapitaNetFen).toBe(226_667);
    expect(inc.growthRate).toBeCloseTo(285_000 / 226_667 - 1, 10);
    // Comparable: D-1 (6,000 < 8,000 a year: fell) and D-2 (business 400 < 800: business fell).
    expect(inc.comparableHouseholds).toBe(2);
    expect(inc.incomeFellHouseholds).toBe(1);
    expect(inc.businessFellHouseholds).toBe(1);
    expect(inc.incomeFellShare).toBe(0.5);
    // Below 10,000 yuan a year: only D-1 (1,500 × 4 = 6,000 per person).
    expect(inc.lowIncomeHouseholds).toBe(1);

    // Projected 11,400 yuan against the inherited 12,000: 600 short (95 %); wage 11,000 projected against 10,000.
    expect(d.target).toMatchObject({ perCapitaNetFen: 1_200_000, inheritedFrom: { code: R.county } });
    expect(d.gap).toEqual({ perCapitaNetFen: -60_000, parts: { wage: 100_000 }, reachedShare: 0.95 });
    expect(d.children.find((c) => c.code === R.village)?.targetPerCapitaNetFen).toBe(1_200_000);

    // Focus ledgers cover poverty-exit households: D-1 is in both groups and has an open plan.
    expect(d.focus.low_income).toEqual({ households: 1, plansOpen: 1, plansClosedOut: 0, withoutPlan: 0 });
    expect(d.focus.income_fell).toEqual({ households: 1, plansOpen: 1, plansClosedOut: 0, withoutPlan: 0 });

    expect(d.trend.map((t) => `${t.year}Q${t.quarter}`)).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4', '2026Q1']);
    // 2025 Q4: only D-1, 20,000 yuan for 2 people.
    expect(d.trend.find((t) => t.year === 2025 && t.quarter === 4)).toMatchObject({ ytdPerCapitaNetFen: 1_000_000, reportedHouseholds: 1 });

    // Villages ranked by per-capita income: 杨 (5,000) before 和/李 (6,400 ÷ 3).
    const ranked = d.children.filter((c) => c.households > 0).map((c) => c.code);
    expect(ranked).toEqual([R.siblingVillage, R.village]);
    expect(d.children.find((c) => c.code === R.village)).toMatchObject({ households: 2, people: 3, monitoredHouseholds: 1, warningsOpen: 1, ytdPerCapitaNetFen: 213_333 });
  });

  it('defaults to this year (China time) and its latest quarter with reported income', async () => {
    const d = await dashboard(county, `region=${R.township}`);
    expect([d.year, d.quarter, d.today]).toEqual([2026, 1, '2026-03-02']);
    const list = (await county.get(`/api/dashboard/households?region=${R.township}&metric=reported`)).json();
    expect(list.total).toBe(3);
    const earlier = await dashboard(county, `region=${R.township}&year=2025`);
    expect([earlier.year, earlier.quarter, earlier.income.reported.households]).toEqual([2025, 4, 1]);
  });

  it('counts overdue cases from the deadlines the cases hold', async () => {
    const d = await dashboard(county, `region=${R.county}&year=2026&quarter=1`);
    const [due] = await q<{ overdue: number; soon: number }>(`SELECT count(*) FILTER (WHERE due_date < '2026-03-02')::int AS overdue,
      count(*) FILTER (WHERE due_date BETWEEN '2026-03-02' AND '2026-03-04')::int AS soon
      FROM cases WHERE status NOT IN ('eliminated', 'closed_not_included')`);
    expect(d.cases.overdue).toBe(due!.overdue);
    expect(d.cases.dueSoon).toBe(due!.soon);
    expect(d.population.total).toEqual({ households: 4, people: 7 });
  });

  it('keeps to the caller’s scope: another township is not found, a parent shows the own region', async () => {
    const reviewer = await env.as('township_reviewer', R.siblingTownship);
    expect((await reviewer.get(`/api/dashboard?region=${R.township}`)).statusCode).toBe(404);
    expect((await reviewer.get(`/api/dashboard/households?region=${R.township}&metric=all`)).statusCode).toBe(404);
    const own = await dashboard(reviewer, `region=${R.county}&year=2026&quarter=1`);
    expect(own.region.code).toBe(R.siblingTownship);
    expect(own.population.total).toEqual({ households: 1, people: 3 });
    expect((await reviewer.get('/api/dashboard?region=533423199')).statusCode).toBe(404);
    expect((await reviewer.get('/api/dashboard/households?metric=nonsense')).statusCode).toBe(400);
  });

  it('lists, for every metric, exactly the households the figure counts', async () => {
    for (const region of [R.county, R.township, R.city]) {
      const d = await dashboard(city, `region=${region}&year=2026&quarter=1`);
      for (const metric of ALL_DRILL_METRICS) {
        const res = await city.get(`/api/dashboard/households?region=${region}&year=2026&quarter=1&metric=${encodeURIComponent(metric)}&pageSize=200`);
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json() as { total: number; items: { id: string; headName: string }[] };
        expect(body.total, `${region} ${metric}`).toBe(d.drillCounts?.[metric] ?? 0);
        expect(body.items.length).toBe(body.total);
      }
      // The figures shown are the lists' totals where they count households.
      expect(d.drillCounts?.all).toBe(d.population.total.households);
      expect(d.drillCounts?.reported).toBe(d.income.reported.households);
      expect(d.drillCounts?.income_fell).toBe(d.income.incomeFellHouseholds);
      expect(d.drillCounts?.['focus:low_income']).toBe(d.focus.low_income.households);
      expect(d.drillCounts?.cases_overdue ?? 0).toBe(d.cases.overdue);
    }
    const page = (await city.get(`/api/dashboard/households?region=${R.township}&metric=plans_open&group=low_income`)).json();
    expect(page.items.map((i: { householdNo: string; headName: string }) => [i.householdNo, i.headName])).toEqual([['D-1', '和一']]);
  });

  it('makes a city the sum of its counties', async () => {
    const [c, a, b] = await Promise.all([
      dashboard(city, `region=${R.city}&year=2026&quarter=1`),
      dashboard(city, `region=${R.county}&year=2026&quarter=1`),
      dashboard(city, `region=${R.otherCounty}&year=2026&quarter=1`),
    ]);
    expect(c.population.total.households).toBe(a.population.total.households + b.population.total.households);
    expect(c.population.total.people).toBe(a.population.total.people + b.population.total.people);
    expect(c.income.reported.people).toBe(a.income.reported.people + b.income.reported.people);
    expect(c.warnings.open).toBe(a.warnings.open + b.warnings.open);
    // 11,400 + 6,000 (D-4, 3 people) + 9,000 (D-5, 1 person) = 26,400 yuan for 8 people.
    expect(c.income.ytdPerCapitaNetFen).toBe(330_000);
    const counties = c.children.filter((x) => x.households > 0);
    expect(counties.map((x) => x.code).sort()).toEqual([R.otherCounty, R.county].sort());
    expect(counties.reduce((n, x) => n + x.households, 0)).toBe(c.population.total.households);
    // The province (only 迪庆 is loaded here) is its cities' sum, read from the same county rows.
    const province = await env.as('viewer', R.province);
    const p = await dashboard(province, `region=${R.province}&year=2026&quarter=1`);
    expect(p.population).toEqual(c.population);
    expect(p.children.filter((x) => x.households > 0).map((x) => [x.code, x.households])).toEqual([[R.city, c.population.total.households]]);
  });

  it('builds the same dashboard through the service the reports call', async () => {
    const service = new DashboardService(env.deps);
    const actor = { userId: 'x', username: 'x', displayName: 'x', roles: ['viewer'], permissions: new Set(), scope: R.county, sessionIdHash: '', csrfToken: '', mustChangePassword: false } as never;
    const d = await service.build(actor, { region: R.township, year: 2026, quarter: 1 });
    expect(d.income.ytdPerCapitaNetFen).toBe(285_000);
  });
});
