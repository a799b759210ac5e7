import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchDashboard, fetchDrillHouseholds } from '../api/dashboardApi';
import { dashboardKeys } from '../queryKeys';
import type { DashboardQuery, DrillQuery } from '../types';

export function useDashboard(query: DashboardQuery, enabled = true) {
  return useQuery({
    queryKey: dashboardKeys.dashboard(query),
    queryFn: () => fetchDashboard(query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDrillHouseholds(query: DrillQuery | null) {
  return useQuery({
    queryKey: query ? dashboardKeys.drill(query) : ['dashboard', 'households', null],
    queryFn: () => fetchDrillHouseholds(query!),
    placeholderData: keepPreviousData,
    enabled: query !== null,
  });
}
