import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { monitoringKeys } from '../../monitoring';
import { registryKeys } from '../../registry';
import { bulkCaseStep, openLead, takeCaseStep } from '../api/casesApi';
import { caseKeys } from '../queryKeys';
import type { BulkBody, BulkResult, CaseDetail, CaseStepBody, OpenLeadBody } from '../types';

/**
 * After a step the case itself is answered in full; the queues, the household's timeline and its record
 * (county approval sets the monitoring category) are stale.
 */
function afterChange(queryClient: QueryClient, detail: CaseDetail) {
  queryClient.setQueryData(caseKeys.detail(detail.id), detail);
  void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
  void queryClient.invalidateQueries({ queryKey: caseKeys.householdTimeline(detail.householdId) });
  void queryClient.invalidateQueries({ queryKey: registryKeys.detail(detail.householdId) });
}

export function useCaseStep(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseStepBody) => takeCaseStep(caseId, body),
    // The dialog shows refusals (with the workflow's reasons) and version conflicts itself.
    meta: { handlesErrors: true },
    onSuccess: (detail) => afterChange(queryClient, detail),
  });
}

export function useOpenLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenLeadBody) => openLead(body),
    meta: { handlesErrors: true },
    onSuccess: (detail) => {
      afterChange(queryClient, detail);
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.warnings });
    },
  });
}

/** One request per step group, in turn; the results are merged so one summary covers the whole batch. */
export function useBulkCaseStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (groups: BulkBody[]): Promise<BulkResult> => {
      const merged: BulkResult = { applied: [], refused: [] };
      for (const group of groups) {
        try {
          const result = await bulkCaseStep(group);
          merged.applied.push(...result.applied);
          merged.refused.push(...result.refused);
        } catch (error) {
          // A group the server refused as a whole (or a lost connection) still leaves the others' results to show.
          const reason = error instanceof Error ? error.message : String(error);
          merged.refused.push(...group.items.map((item) => ({ caseId: item.caseId, reason })));
        }
      }
      return merged;
    },
    meta: { handlesErrors: true },
    onSettled: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
}
