import { periodFromSearch } from './dashboardPeriod';
import { parseDrillMetric, parseFocusGroup } from './drillMetrics';
import type { DrillQuery } from './types';

export const DRILL_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;
const REGION_CODE = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

/** The list asked for in the address bar; without a region, period and known metric there is nothing to list. */
export function drillQueryFromSearch(search: URLSearchParams): DrillQuery | null {
  const region = search.get('region') ?? '';
  const { year, quarter } = periodFromSearch(search);
  const metric = parseDrillMetric(search.get('metric'));
  if (!REGION_CODE.test(region) || year === undefined || quarter === undefined || metric === null) return null;
  const page = Number(search.get('page'));
  const pageSize = Number(search.get('pageSize'));
  const group = parseFocusGroup(search.get('group'));
  return {
    region,
    year,
    quarter,
    metric,
    ...(group ? { group } : {}),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (DRILL_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}
