import type { MessageKey } from '../i18n';
import type { Role } from './types';

export const ROLE_LABEL_KEYS: Record<Role, MessageKey> = {
  village_clerk: 'role.village_clerk',
  township_reviewer: 'role.township_reviewer',
  county_admin: 'role.county_admin',
  viewer: 'role.viewer',
  department: 'role.department',
  system_admin: 'role.system_admin',
  security_admin: 'role.security_admin',
  audit_admin: 'role.audit_admin',
};

/**
 * 三员分立: the system, security and audit administrator roles must sit with three different people,
 * so one account may hold at most one of them. The server enforces it; the form checks early.
 */
export const SEPARATED_ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

export function violatesAdminSeparation(roles: readonly Role[]): boolean {
  return roles.filter((role) => SEPARATED_ADMIN_ROLES.includes(role)).length > 1;
}

export function isKnownRole(value: string): value is Role {
  return value in ROLE_LABEL_KEYS;
}
