import { useMutation, useQueryClient } from '@tanstack/react-query';
import { changePassword, type ChangePasswordInput } from '../api/authApi';
import { authKeys } from '../queryKeys';

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => changePassword(input),
    meta: { handlesErrors: true },
    // mustChangePassword is cleared on the server; read it back rather than guessing.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me }),
  });
}
