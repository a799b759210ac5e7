import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createHousehold, type HouseholdCreateBody } from '../api/registryApi';
import { registryKeys } from '../queryKeys';

export function useCreateHousehold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: HouseholdCreateBody) => createHousehold(input),
    meta: { handlesErrors: true },
    onSuccess: (detail) => {
      queryClient.setQueryData(registryKeys.detail(detail.household.id), detail);
      return queryClient.invalidateQueries({ queryKey: [...registryKeys.all, 'list'] });
    },
  });
}
