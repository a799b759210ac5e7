export const ROLES = [
  'village_clerk',
  'township_reviewer',
  'county_admin',
  'viewer',
  'department',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;

export type Role = (typeof ROLES)[number];

export type Permission =
  | 'regions:read'
  | 'registry:read'
  | 'registry:write'
  | 'registry:export'
  | 'personal:unmask'
  | 'users:manage'
  | 'audit:read'
  | 'settings:manage'
  | 'cases:review'
  | 'cases:approve'
  | 'monitoring:manage'
  | 'department:upload';

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
