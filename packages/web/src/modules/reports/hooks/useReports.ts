import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssessmentRules } from '@zengshou/core';
import { fetchAssessment, fetchAssessmentRules, fetchDispatch, fetchTownshipReview, saveAssessmentRules } from '../api/reportsApi';
import { reportKeys } from '../queryKeys';

export function useDispatchReport(region: string, month: string, enabled = true) {
  return useQuery({ queryKey: reportKeys.dispatch(region, month), queryFn: () => fetchDispatch(region, month), enabled, meta: { handlesErrors: true } });
}

export function useTownshipReview(region: string, date: string, enabled = true) {
  return useQuery({ queryKey: reportKeys.townshipReview(region, date), queryFn: () => fetchTownshipReview(region, date), enabled, meta: { handlesErrors: true } });
}

export function useAssessment(region: string, year: number, quarter: number, enabled = true) {
  return useQuery({ queryKey: reportKeys.assessment(region, year, quarter), queryFn: () => fetchAssessment(region, year, quarter), enabled, meta: { handlesErrors: true } });
}

export function useAssessmentRules(region: string) {
  return useQuery({ queryKey: reportKeys.rules(region), queryFn: () => fetchAssessmentRules(region), meta: { handlesErrors: true } });
}

/** Saving changes the scores, so every assessment read so far is stale. */
export function useSaveAssessmentRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; region: string; rules: AssessmentRules | null }) => saveAssessmentRules(body),
    onSuccess: (state) => {
      client.setQueryData(reportKeys.rules(state.region.code), state);
      void client.invalidateQueries({ queryKey: ['reports', 'assessment'] });
      void client.invalidateQueries({ queryKey: ['reports', 'assessment-rules'] });
    },
  });
}
