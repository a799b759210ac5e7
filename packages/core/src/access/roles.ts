/**
 * Roles and permissions. Routes declare a permission, never a role: the mapping below is the one place that says
 * which role may do what, so a new role or a changed duty is a data change here, not a hunt through handlers.
 */
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

export const ROLE_LABELS: Record<Role, string> = {
  village_clerk: '村级信息员',
  township_reviewer: '乡镇审核员',
  county_admin: '县级管理员',
  viewer: '市级/省级查看',
  department: '行业部门账号',
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
};

export const PERMISSIONS = [
  'regions:read',
  'regions:manage',
  'registry:read',
  'registry:write',
  'registry:export',
  'personal:unmask',
  // Taking a step in a monitoring case; which step a role may take is core's CASE_STEP_ROLES.
  'cases:work',
  'cases:review',
  'cases:approve',
  'monitoring:manage',
  'department:upload',
  // Setting income targets per region and year, and the quarterly assessment's scoring rules.
  'targets:manage',
  'users:manage',
  'audit:read',
  'settings:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** 三员分立: the system, security and audit administrators are three different people. */
export const SEPARATED_ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // The clerk visits the households and must read their ID numbers to do so; each unmask is audited.
  village_clerk: ['regions:read', 'registry:read', 'registry:write', 'personal:unmask', 'cases:work'],
  township_reviewer: ['regions:read', 'registry:read', 'personal:unmask', 'cases:work', 'cases:review'],
  county_admin: [
    'regions:read',
    'registry:read',
    'registry:write',
    'registry:export',
    'personal:unmask',
    'cases:work',
    'cases:review',
    'cases:approve',
    // Sets the county's monitoring line (only ever above the province's) and re-runs the early warnings.
    'monitoring:manage',
    'department:upload',
    'targets:manage',
  ],
  // City and province leaders see figures and lists, always masked.
  viewer: ['regions:read', 'registry:read', 'registry:export'],
  // A department account sees only its own lists and their matching results, never the registry.
  department: ['regions:read', 'department:upload'],
  // The system administrator runs the platform but reads no personal data and no audit record.
  system_admin: ['regions:read', 'regions:manage', 'settings:manage'],
  security_admin: ['regions:read', 'users:manage'],
  // The auditor reads the trail and changes nothing.
  audit_admin: ['regions:read', 'audit:read'],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const result = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) result.add(p);
  return result;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * A separated administrator holds that one role and nothing else: a system administrator who was also a county
 * administrator could read personal data, which the separation exists to prevent. Returns a Chinese reason.
 */
export function roleSetProblem(roles: readonly string[]): string | null {
  if (roles.length === 0) return '至少选择一个角色';
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0) return `未知角色：${unknown.join('、')}`;
  if (new Set(roles).size !== roles.length) return '角色重复';
  const admins = roles.filter((r) => SEPARATED_ADMIN_ROLES.includes(r as Role)) as Role[];
  if (admins.length > 1) {
    return `${admins.map((r) => ROLE_LABELS[r]).join('、')}必须由不同人员担任（三员分立），不能授予同一账号`;
  }
  if (admins.length === 1 && roles.length > 1) {
    return `${ROLE_LABELS[admins[0]!]}不能同时担任业务角色（三员分立）`;
  }
  return null;
}
