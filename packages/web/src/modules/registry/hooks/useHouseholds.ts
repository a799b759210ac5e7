import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listHouseholds } from '../api/registryApi';
import { registryKeys } from '../queryKeys';
import type { HouseholdListState } from '../types';

export function useHouseholds(state: HouseholdListState, region: string) {
  return useQuery({
    queryKey: registryKeys.list(state, region),
    queryFn: () => listHouseholds(state, region),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}
