import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchCase, fetchCaseNotices, fetchHouseholdTimeline, listCases } from '../api/casesApi';
import { caseKeys } from '../queryKeys';
import type { CaseListState, NoticeKind } from '../types';

export function useCases(state: CaseListState, region: string) {
  return useQuery({
    queryKey: caseKeys.list(state, region),
    queryFn: () => listCases(state, region),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: () => fetchCase(id), meta: { handlesErrors: true } });
}

export function useCaseNotices(villageCode: string | null, kind: NoticeKind) {
  return useQuery({
    queryKey: caseKeys.notices(villageCode ?? '', kind),
    queryFn: () => fetchCaseNotices(villageCode ?? '', kind),
    enabled: villageCode !== null,
    meta: { handlesErrors: true },
  });
}

export function useHouseholdTimeline(householdId: string) {
  return useQuery({
    queryKey: caseKeys.householdTimeline(householdId),
    queryFn: () => fetchHouseholdTimeline(householdId),
    meta: { handlesErrors: true },
  });
}
