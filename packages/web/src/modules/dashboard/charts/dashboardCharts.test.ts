import { describe, expect, it } from 'vitest';
import type { Dashboard, DashboardChild, DashboardIncome, DashboardTarget } from '@zengshou/core';
import { COLORS } from './chartTypes';
import { buildCompositionOption, buildTargetBulletOption, buildTrendOption, type IncomeChartLabels } from './incomeOptions';
import { activeCases, buildCaseStatusOption, buildDeadlineOption, buildFocusOption, buildPopulationOption, buildRiskOption, type PopulationChartLabels } from './populationOptions';
import { buildRankingOption, sortChildren } from './rankingOption';

type Series = { name?: string; type: string; stack?: string; data: { value: number | null; text?: string; metric?: string; regionCode?: string; caption?: string; label?: { show: boolean }; itemStyle?: { color: string } }[]; itemStyle?: { color: string } };
const seriesOf = (option: { series?: unknown }) => option.series as Series[];
const values = (s: Series) => s.data.map((d) => d.value);
const noNaN = (option: unknown) => expect(JSON.stringify(option)).not.toMatch(/NaN/);

const incomeLabels: IncomeChartLabels = {
  parts: { wage: '工资性收入', business: '经营净收入', property: '财产净收入', transfer: '转移净收入' },
  perCapita: '人均纯收入',
  ytd: '本年累计',
  lastYear: '去年同期',
  target: '年度目标',
  projected: '全年预计',
  quarter: (q) => `第${q}季度`,
  year: (y) => `${y}年`,
  reached: (share) => `完成${share}`,
};

const populationLabels: PopulationChartLabels = {
  households: '户数',
  people: '人数',
  householdType: (c) => `type-${c}`,
  category: (c) => `cat-${c}`,
  risk: (c) => `risk-${c}`,
  caseStatus: (c) => `status-${c}`,
  focusGroup: (g) => `group-${g}`,
  onTime: '正常办理',
  dueSoon: '即将到期',
  overdue: '已逾期',
  plansOpen: '帮扶中',
  plansClosedOut: '已销号',
  withoutPlan: '未制定计划',
};

function income(over: Partial<DashboardIncome> = {}): DashboardIncome {
  return {
    reported: { households: 100, people: 400 },
    ytdPerCapitaNetFen: 1_000_000,
    ytdPartsPerCapitaFen: { wage: 500_000, business: 300_000, property: 50_000, transfer: 150_000 },
    projectedPerCapitaNetFen: 1_333_333,
    projectedPartsPerCapitaFen: { wage: 666_667, business: 400_000, property: 66_667, transfer: 200_000 },
    partShares: { wage: 0.5, business: 0.3, property: 0.05, transfer: 0.15 },
    lastYearYtdPerCapitaNetFen: null,
    lastYearYtdPartsPerCapitaFen: null,
    growthRate: null,
    partGrowthRates: { wage: null, business: null, property: null, transfer: null },
    comparableHouseholds: 0,
    incomeFellHouseholds: 0,
    incomeFellShare: null,
    businessFellHouseholds: 0,
    businessFellShare: null,
    ...over,
  };
}

const target: DashboardTarget = {
  regionCode: '533423',
  inheritedFrom: null,
  year: 2026,
  perCapitaNetFen: 1_600_000,
  partsFen: { wage: 700_000, business: 600_000, property: 100_000, transfer: 200_000 },
  growthRate: 0.18,
};

function child(code: string, name: string, over: Partial<DashboardChild> = {}): DashboardChild {
  return {
    code, name, level: 'township', households: 300, people: 1200, monitoredHouseholds: 10, ytdPerCapitaNetFen: 900_000,
    projectedPerCapitaNetFen: 1_200_000, targetPerCapitaNetFen: null, growthRate: 0.1, incomeFellShare: 0.2, businessFellShare: 0.1,
    warningsOpen: 3, casesOverdue: 0, ...over,
  };
}

describe('ranking of children', () => {
  const children = [
    child('533423102', '攀天阁乡', { ytdPerCapitaNetFen: 800_000, casesOverdue: 2 }),
    child('533423101', '保和镇', { ytdPerCapitaNetFen: 1_100_000 }),
    child('533423103', '白济汛乡', { ytdPerCapitaNetFen: null, growthRate: null }),
    child('533423104', '康普乡', { ytdPerCapitaNetFen: 800_000 }),
  ];

  it('ranks highest first, ties by code, children without the figure last', () => {
    expect(sortChildren(children, 'ytdPerCapitaNetFen').map((c) => c.name)).toEqual(['保和镇', '攀天阁乡', '康普乡', '白济汛乡']);
  });

  it('draws yuan with the region code on every bar and the names top-down in the same order', () => {
    const option = buildRankingOption(children, 'ytdPerCapitaNetFen', '人均纯收入');
    const [bars] = seriesOf(option);
    expect(values(bars!)).toEqual([11_000, 8_000, 8_000, null]);
    expect(bars!.data.map((d) => d.regionCode)).toEqual(['533423101', '533423102', '533423104', '533423103']);
    expect(bars!.data[0]!.text).toBe('11,000.00 元');
    expect(bars!.data[3]!.text).toBe('—');
    const yAxis = option.yAxis as { data: string[]; inverse: boolean; triggerEvent: boolean };
    expect(yAxis.data).toEqual(['保和镇', '攀天阁乡', '康普乡', '白济汛乡']);
    expect(yAxis.inverse).toBe(true);
    noNaN(option);
  });

  it('ranks shares as one-decimal percentages and overdue cases in red', () => {
    const growth = seriesOf(buildRankingOption(children, 'growthRate', '同比增长'))[0]!;
    expect(growth.data[0]!.value).toBe(10);
    expect(growth.data[0]!.text).toBe('+10.0%');
    const overdue = seriesOf(buildRankingOption(children, 'casesOverdue', '逾期案件'))[0]!;
    expect(overdue.data[0]).toMatchObject({ value: 2, regionCode: '533423102', itemStyle: { color: COLORS.overdue } });
  });

  it('marks a projection short of the child’s target in orange and a reached one in green', () => {
    const option = buildRankingOption(
      [child('1', 'a', { projectedPerCapitaNetFen: 900, targetPerCapitaNetFen: 1000 }), child('2', 'b', { projectedPerCapitaNetFen: 1000, targetPerCapitaNetFen: 1000 })],
      'projectedPerCapitaNetFen',
      'x',
    );
    expect(seriesOf(option)[0]!.data.map((d) => d.itemStyle?.color)).toEqual([COLORS.reached, COLORS.short]);
  });
});

describe('income charts', () => {
  it('composition rows are 100 % bars of the four parts, with the target row when all parts are set', () => {
    const option = buildCompositionOption(income({ lastYearYtdPartsPerCapitaFen: { wage: 0, business: 0, property: 0, transfer: 0 } }), target, incomeLabels);
    expect((option.yAxis as { data: string[] }).data).toEqual(['本年累计', '去年同期', '年度目标']);
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['工资性收入', '经营净收入', '财产净收入', '转移净收入']);
    expect(series.map((s) => s.data[0]!.value)).toEqual([50, 30, 5, 15]);
    expect(series[0]!.data[0]!.text).toBe('50.0% · 5,000.00 元');
    // Last year's parts add up to nothing: no bar, not NaN.
    expect(series.map((s) => s.data[1]!.value)).toEqual([null, null, null, null]);
    expect(series.map((s) => s.data[2]!.value)).toEqual([43.8, 37.5, 6.3, 12.5]);
    noNaN(option);
  });

  it('leaves out the target row when the target states no parts, and everything when there is no income', () => {
    const partial = buildCompositionOption(income(), { ...target, partsFen: { wage: 700_000 } }, incomeLabels);
    expect((partial.yAxis as { data: string[] }).data).toEqual(['本年累计']);
    const empty = buildCompositionOption(income({ ytdPartsPerCapitaFen: null }), null, incomeLabels);
    expect((empty.yAxis as { data: string[] }).data).toEqual([]);
    noNaN(empty);
  });

  it('trend: one line per year, oldest first, quarters without reports are gaps', () => {
    const option = buildTrendOption(
      [
        { year: 2026, quarter: 1, ytdPerCapitaNetFen: 300_000, ytdPartsPerCapitaFen: null, reportedHouseholds: 10 },
        { year: 2025, quarter: 1, ytdPerCapitaNetFen: 250_000, ytdPartsPerCapitaFen: null, reportedHouseholds: 10 },
        { year: 2025, quarter: 2, ytdPerCapitaNetFen: null, ytdPartsPerCapitaFen: null, reportedHouseholds: 0 },
        { year: 2026, quarter: 2, ytdPerCapitaNetFen: 610_000, ytdPartsPerCapitaFen: null, reportedHouseholds: 9 },
      ],
      2026,
      incomeLabels,
    );
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['2025年', '2026年']);
    expect(values(series[0]!)).toEqual([2_500, null, null, null]);
    expect(values(series[1]!)).toEqual([3_000, 6_100, null, null]);
    expect(series[1]!.itemStyle?.color).toBe(COLORS.wage);
    expect((option.xAxis as { data: string[] }).data).toEqual(['第1季度', '第2季度', '第3季度', '第4季度']);
    noNaN(option);
  });

  it('bullet: target behind the projection, the share reached in the label, short of target in orange', () => {
    const gap = { perCapitaNetFen: 1_333_333 - 1_600_000, parts: {}, reachedShare: 1_333_333 / 1_600_000 };
    const option = buildTargetBulletOption(income(), target, gap, incomeLabels);
    const [targetBars, projected] = seriesOf(option);
    expect((option.yAxis as { data: string[] }).data).toEqual(['人均纯收入', '工资性收入', '经营净收入', '财产净收入', '转移净收入']);
    expect(values(targetBars!)).toEqual([16_000, 7_000, 6_000, 1_000, 2_000]);
    expect(values(projected!)).toEqual([13_333.33, 6_666.67, 4_000, 666.67, 2_000]);
    expect(projected!.data[0]!.caption).toBe('13,333.33 元（完成83.3%）');
    expect(projected!.data[0]!.itemStyle?.color).toBe(COLORS.short);
    // Transfer reaches its target exactly: its own colour, and the target's label gives way to the projection's.
    expect(projected!.data[4]!.itemStyle?.color).toBe(COLORS.transfer);
    expect(targetBars!.data[4]!.label).toEqual({ show: false });
    expect(targetBars!.data[0]!.label).toBeUndefined();
  });

  it('bullet without a target or income draws projections only, no NaN', () => {
    const option = buildTargetBulletOption(income({ projectedPerCapitaNetFen: null, projectedPartsPerCapitaFen: null }), null, null, incomeLabels);
    const [targetBars, projected] = seriesOf(option);
    expect(values(targetBars!)).toEqual([null, null, null, null, null]);
    expect(projected!.data.map((d) => d.caption)).toEqual(['—', '—', '—', '—', '—']);
    noNaN(option);
  });
});

const byStatus = {
  lead: 2, home_check: 1, in_notice: 0, township_review: 0, county_approval: 1, monitored: 10, elimination_proposed: 1,
  elimination_in_notice: 0, elimination_township_review: 0, elimination_county_approval: 0, eliminated: 7, closed_not_included: 3,
} satisfies Dashboard['cases']['byStatus'];

describe('population and case charts', () => {
  it('counts active cases without the two closed states', () => {
    expect(activeCases(byStatus)).toBe(15);
    expect(activeCases({ ...byStatus, lead: '4' as unknown as number })).toBe(17);
  });

  it('deadline bar: on time, orange due soon and red overdue add up to the active cases', () => {
    const option = buildDeadlineOption({ byStatus, dueSoon: 3, overdue: 2 }, populationLabels);
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['正常办理', '即将到期', '已逾期']);
    expect(series.map((s) => s.data[0]!.value)).toEqual([10, 3, 2]);
    expect(series.map((s) => s.itemStyle?.color)).toEqual([COLORS.onTime, COLORS.dueSoon, COLORS.overdue]);
    expect(series.map((s) => s.data[0]!.metric)).toEqual(['cases_active', 'cases_due_soon', 'cases_overdue']);
    expect(new Set(series.map((s) => s.stack))).toEqual(new Set(['deadline']));
  });

  it('case status bars follow the workflow order; closed states are grey and each bar opens its state', () => {
    const [bars] = seriesOf(buildCaseStatusOption(byStatus, populationLabels));
    expect(values(bars!)).toEqual([2, 1, 0, 0, 1, 10, 1, 0, 0, 0, 7, 3]);
    expect(bars!.data[5]).toMatchObject({ metric: 'case:monitored', itemStyle: { color: COLORS.primary } });
    expect(bars!.data[10]).toMatchObject({ metric: 'case:eliminated', itemStyle: { color: COLORS.closed } });
  });

  it('population bars pair households and people per type and category', () => {
    const population: Dashboard['population'] = {
      total: { households: 30, people: 100 },
      byHouseholdType: { poverty_exit: { households: 20, people: 70 }, ordinary: { households: 9, people: 27 }, exit_no_policy: { households: 1, people: 3 } },
      byMonitoringCategory: { unstable: { households: 2, people: 8 }, marginal: { households: 1, people: 4 }, sudden_hardship: { households: 0, people: 0 } },
      monitored: { households: 3, people: 12 },
      monitoredByRiskType: { illness: 2, disability: 0, schooling: 1, natural_disaster: 0, accident: 0, business_failure: 0, unstable_employment: 2, lack_of_labour: 0, other: 0 },
    };
    const option = buildPopulationOption(population, populationLabels);
    const [households, people] = seriesOf(option);
    expect((option.xAxis as { data: string[] }).data).toEqual(['type-poverty_exit', 'type-ordinary', 'type-exit_no_policy', 'cat-unstable', 'cat-marginal', 'cat-sudden_hardship']);
    expect(values(households!)).toEqual([20, 9, 1, 2, 1, 0]);
    expect(values(people!)).toEqual([70, 27, 3, 8, 4, 0]);
    expect(households!.data.map((d) => d.metric)).toEqual(['type:poverty_exit', 'type:ordinary', 'type:exit_no_policy', 'category:unstable', 'category:marginal', 'category:sudden_hardship']);

    const risk = buildRiskOption(population.monitoredByRiskType, populationLabels);
    expect((risk.yAxis as { data: string[] }).data.slice(0, 3)).toEqual(['risk-illness', 'risk-unstable_employment', 'risk-schooling']);
    expect(seriesOf(risk)[0]!.data[0]).toMatchObject({ value: 2, metric: 'risk:illness' });
  });

  it('focus plans stack per group, each segment opens its plan state within its group; missing groups count as zero', () => {
    const option = buildFocusOption(
      { low_income: { households: 12, plansOpen: 5, plansClosedOut: 4, withoutPlan: 3 } } as Dashboard['focus'],
      ['low_income', 'income_fell'],
      populationLabels,
    );
    const series = seriesOf(option);
    expect(series.map((s) => values(s))).toEqual([[5, 0], [4, 0], [3, 0]]);
    expect(series[2]!.itemStyle?.color).toBe(COLORS.overdue);
    expect(series.map((s) => s.data[0]!.metric)).toEqual(['plans_open', 'plans_closed_out', 'without_plan']);
    expect(series[2]!.data.map((d) => (d as { group?: string }).group)).toEqual(['low_income', 'income_fell']);
    noNaN(option);
  });
});
