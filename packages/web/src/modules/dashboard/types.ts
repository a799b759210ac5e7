import type { DrillHousehold, DrillMetric, FocusGroup } from '@zengshou/core';
import type { Period } from './dashboardPeriod';

export type { Dashboard, DashboardChild, DrillHousehold, DrillMetric } from '@zengshou/core';

/** A dashboard request: the period is left to the server (its latest quarter) until the page knows one. */
export interface DashboardQuery extends Partial<Period> {
  region: string;
}

export interface DrillQuery extends Period {
  region: string;
  metric: DrillMetric;
  /** Narrows the plan metrics (plans_open, plans_closed_out, without_plan) to one focus group. */
  group?: FocusGroup;
  page: number;
  pageSize: number;
}

/** One page of the households behind a figure; `total` is the figure the list stands for. */
export interface DrillPage {
  total: number;
  items: DrillHousehold[];
}

/** Where a dashboard figure leads: the household list of a metric (a plan metric optionally within one group). */
export type DrillTo = (metric: DrillMetric, group?: FocusGroup) => string;
