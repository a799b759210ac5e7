import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateHousehold, type HouseholdUpdateBody } from '../api/registryApi';
import { registryKeys } from '../queryKeys';

export function useUpdateHousehold(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: HouseholdUpdateBody) => updateHousehold(id, input),
    // The edit dialog shows errors itself, including the version conflict panel.
    meta: { handlesErrors: true },
    onSettled: () => queryClient.invalidateQueries({ queryKey: registryKeys.all }),
  });
}
