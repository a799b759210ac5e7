import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '../i18n';
import { dashboardPath, drillMetricLabel, drillPath, parseDrillMetric } from './drillMetrics';
import { drillQueryFromSearch } from './drillQuery';

const zh = (key: MessageKey, params?: MessageParams) => translate(key, params, 'zh-CN');

describe('drill metrics', () => {
  it('accepts the contract’s metrics and nothing else', () => {
    expect(parseDrillMetric('all')).toBe('all');
    expect(parseDrillMetric('cases_overdue')).toBe('cases_overdue');
    expect(parseDrillMetric('type:poverty_exit')).toBe('type:poverty_exit');
    expect(parseDrillMetric('risk:illness')).toBe('risk:illness');
    expect(parseDrillMetric('case:monitored')).toBe('case:monitored');
    expect(parseDrillMetric('focus:income_fell')).toBe('focus:income_fell');
    expect(parseDrillMetric('risk:bad_luck')).toBeNull();
    expect(parseDrillMetric('colour:red')).toBeNull();
    expect(parseDrillMetric('type:')).toBeNull();
    expect(parseDrillMetric(null)).toBeNull();
  });

  it('names the households a metric lists, in Chinese', () => {
    expect(drillMetricLabel('all', zh, 'zh-CN')).toBe('全部农户');
    expect(drillMetricLabel('cases_overdue', zh, 'zh-CN')).toBe('案件已逾期的农户');
    expect(drillMetricLabel('type:poverty_exit', zh, 'zh-CN')).toBe('脱贫户');
    expect(drillMetricLabel('category:marginal', zh, 'zh-CN')).toBe('边缘易致贫户');
    expect(drillMetricLabel('risk:illness', zh, 'zh-CN')).toBe('风险类型为“因病”的监测户');
    expect(drillMetricLabel('focus:low_income', zh, 'zh-CN')).toBe('重点群体：人均纯收入1万元以下');
    expect(drillMetricLabel('without_plan', zh, 'zh-CN', 'income_fell')).toBe('“人均纯收入下降”中未制定帮扶计划的重点户');
    // A group narrows only the plan metrics.
    expect(drillMetricLabel('monitored', zh, 'zh-CN', 'income_fell')).toBe('监测户');
  });

  it('carries a focus group only with a plan metric', () => {
    const path = drillPath({ region: '533423', year: 2026, quarter: 3, metric: 'plans_open', group: 'low_income' });
    expect(path).toBe('/dashboard/households?region=533423&year=2026&quarter=3&metric=plans_open&group=low_income');
    expect(drillQueryFromSearch(new URLSearchParams(path.split('?')[1]))?.group).toBe('low_income');
    expect(drillPath({ region: '533423', year: 2026, quarter: 3, metric: 'all', group: 'low_income' })).not.toContain('group');
    expect(drillQueryFromSearch(new URLSearchParams('region=533423&year=2026&quarter=3&metric=plans_open&group=x'))?.group).toBeUndefined();
  });

  it('builds the list’s address and reads it back', () => {
    const path = drillPath({ region: '533423101', year: 2026, quarter: 3, metric: 'type:ordinary' }, 2);
    expect(path).toBe('/dashboard/households?region=533423101&year=2026&quarter=3&metric=type%3Aordinary&page=2');
    const query = drillQueryFromSearch(new URLSearchParams(path.split('?')[1]));
    expect(query).toEqual({ region: '533423101', year: 2026, quarter: 3, metric: 'type:ordinary', page: 2, pageSize: 20 });
    expect(dashboardPath({ year: 2026, quarter: 3 })).toBe('/dashboard?year=2026&quarter=3');
  });

  it('refuses a list without a valid region, period or metric', () => {
    expect(drillQueryFromSearch(new URLSearchParams('region=533423&year=2026&quarter=3'))).toBeNull();
    expect(drillQueryFromSearch(new URLSearchParams('region=53342&year=2026&quarter=3&metric=all'))).toBeNull();
    expect(drillQueryFromSearch(new URLSearchParams('region=533423&year=2026&quarter=9&metric=all'))).toBeNull();
    expect(drillQueryFromSearch(new URLSearchParams('region=533423&year=2026&quarter=1&metric=all&pageSize=7'))?.pageSize).toBe(20);
  });
});
