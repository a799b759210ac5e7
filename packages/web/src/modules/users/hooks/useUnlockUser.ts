import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unlockUser } from '../api/usersApi';
import { userKeys } from '../queryKeys';

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unlockUser(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
