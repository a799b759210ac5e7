import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchLedger, refreshPlanStatuses } from '../api/focusApi';
import { focusKeys } from '../queryKeys';
import type { LedgerState } from '../types';

export function useFocusLedger(state: LedgerState, region: string) {
  const { plan: _drawer, ...list } = state;
  return useQuery({
    queryKey: focusKeys.ledger(list, region),
    queryFn: () => fetchLedger(list, region),
    placeholderData: keepPreviousData,
  });
}

/** 刷新销号状态: closes out and reopens plans against the latest income; every ledger and plan is then stale. */
export function useRefreshPlanStatuses() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: refreshPlanStatuses,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: focusKeys.all }),
  });
}
