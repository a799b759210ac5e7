import { useQuery } from '@tanstack/react-query';
import { getHousehold } from '../api/registryApi';
import { registryKeys } from '../queryKeys';

export function useHousehold(id: string) {
  return useQuery({ queryKey: registryKeys.detail(id), queryFn: () => getHousehold(id), meta: { handlesErrors: true } });
}
