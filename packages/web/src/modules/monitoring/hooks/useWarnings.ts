import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { evaluateWarnings, listHouseholdWarnings, listWarnings } from '../api/monitoringApi';
import { monitoringKeys } from '../queryKeys';
import type { WarningListState } from '../types';

export function useWarnings(state: WarningListState, region: string) {
  return useQuery({
    queryKey: monitoringKeys.warningList(state, region),
    queryFn: () => listWarnings(state, region),
    placeholderData: keepPreviousData,
  });
}

export function useHouseholdWarnings(householdId: string) {
  return useQuery({ queryKey: monitoringKeys.householdWarnings(householdId), queryFn: () => listHouseholdWarnings(householdId) });
}

/** 重新研判: re-runs the rules over every household in scope, then every warning list is stale. */
export function useEvaluateWarnings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: evaluateWarnings,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringKeys.warnings }),
  });
}
