import { useQuery } from '@tanstack/react-query';
import { getHouseholdHistory } from '../api/registryApi';
import { registryKeys } from '../queryKeys';

export function useHouseholdHistory(id: string) {
  return useQuery({ queryKey: registryKeys.history(id), queryFn: () => getHouseholdHistory(id), staleTime: 0 });
}
