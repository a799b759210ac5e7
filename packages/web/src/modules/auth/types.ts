// Roles and permissions are the server's own definitions, shared through core.
export { ROLES, type Role, type Permission } from '@zengshou/core';
import type { Role } from '@zengshou/core';

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** Region scope as a code prefix: 2/4/6/9/12 digits. */
  regionCode: string;
  /** Full path, e.g. "云南省 迪庆藏族自治州 维西傈僳族自治县". */
  regionName: string;
  /** Kept as plain strings: the server may grant permissions this build does not know yet. */
  permissions: string[];
  mustChangePassword: boolean;
}

export interface SessionResponse {
  user: User;
  csrfToken: string;
}
