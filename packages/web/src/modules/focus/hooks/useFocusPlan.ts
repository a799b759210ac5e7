import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchPlan, savePlan } from '../api/focusApi';
import { focusKeys } from '../queryKeys';
import type { PlanRequestBody } from '../types';

export function useFocusPlan(householdId: string | undefined) {
  return useQuery({
    queryKey: focusKeys.plan(householdId ?? ''),
    queryFn: () => fetchPlan(householdId!),
    enabled: Boolean(householdId),
  });
}

export function useSaveFocusPlan(householdId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanRequestBody) => savePlan(householdId, body),
    // The drawer shows errors itself, including the version conflict panel.
    meta: { handlesErrors: true },
    onSuccess: (detail) => queryClient.setQueryData(focusKeys.plan(householdId), detail),
    onSettled: () => queryClient.invalidateQueries({ queryKey: focusKeys.ledgers }),
  });
}
