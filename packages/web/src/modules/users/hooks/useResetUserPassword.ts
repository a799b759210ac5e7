import { useMutation } from '@tanstack/react-query';
import { resetUserPassword } from '../api/usersApi';

export function useResetUserPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) => resetUserPassword(id, password),
    meta: { handlesErrors: true },
  });
}
