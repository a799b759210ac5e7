import type { DashboardQuery, DrillQuery } from './types';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  dashboard: (query: DashboardQuery) => ['dashboard', 'figures', query.region, query.year ?? null, query.quarter ?? null] as const,
  drill: (query: DrillQuery) => ['dashboard', 'households', query] as const,
};
