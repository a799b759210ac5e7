import type { Role } from '../auth';

export type UserStatus = 'active' | 'locked' | 'disabled';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  regionCode: string;
  regionName: string;
  status: UserStatus;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  /** Optimistic-locking counter; every PATCH must send the version it was based on. */
  version: number;
}

export interface UserListParams {
  page: number;
  pageSize: number;
  q: string;
}

export interface UserCreateInput {
  username: string;
  displayName: string;
  roles: Role[];
  regionCode: string;
  password: string;
}

export interface UserUpdateInput {
  version: number;
  displayName?: string;
  roles?: Role[];
  regionCode?: string;
  status?: 'active' | 'disabled';
}
