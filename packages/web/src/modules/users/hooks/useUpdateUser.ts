import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateUser } from '../api/usersApi';
import { userKeys } from '../queryKeys';
import type { UserUpdateInput } from '../types';

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UserUpdateInput }) => updateUser(id, input),
    // The edit dialog shows errors itself, including the version conflict panel.
    meta: { handlesErrors: true },
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
