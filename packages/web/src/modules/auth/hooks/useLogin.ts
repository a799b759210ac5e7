import { useMutation, useQueryClient } from '@tanstack/react-query';
import { login, type LoginInput } from '../api/authApi';
import { authKeys } from '../queryKeys';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => login(input),
    meta: { handlesErrors: true },
    onSuccess: (user) => {
      // Whatever was cached belonged to the previous session.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      queryClient.setQueryData(authKeys.me, user);
    },
  });
}
