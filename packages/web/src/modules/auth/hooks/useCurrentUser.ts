import { useQuery } from '@tanstack/react-query';
import { fetchCurrentUser } from '../api/authApi';
import { authKeys } from '../queryKeys';
import type { User } from '../types';

export interface CurrentUserState {
  user: User | null;
  isLoading: boolean;
  error: Error | null;
  refetch: () => Promise<unknown>;
}

export function useCurrentUser(): CurrentUserState {
  const query = useQuery({ queryKey: authKeys.me, queryFn: fetchCurrentUser, staleTime: 5 * 60_000 });
  return { user: query.data ?? null, isLoading: query.isPending, error: query.error, refetch: query.refetch };
}
