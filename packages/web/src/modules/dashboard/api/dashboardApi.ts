import type { Dashboard } from '@zengshou/core';
import { http } from '../../api';
import type { DashboardQuery, DrillPage, DrillQuery } from '../types';

export function fetchDashboard({ region, year, quarter }: DashboardQuery): Promise<Dashboard> {
  return http.get('/api/dashboard', { query: { region, year, quarter } });
}

export function fetchDrillHouseholds(query: DrillQuery): Promise<DrillPage> {
  return http.get('/api/dashboard/households', { query: { ...query } });
}
