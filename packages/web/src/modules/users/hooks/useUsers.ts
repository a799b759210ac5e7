import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listUsers } from '../api/usersApi';
import { userKeys } from '../queryKeys';
import type { UserListParams } from '../types';

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: () => listUsers(params),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}
