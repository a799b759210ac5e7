import type { Permission, User } from './types';

export function hasPermission(user: User | null | undefined, permission: Permission): boolean {
  return !!user && user.permissions.includes(permission);
}

/** An empty list means "any signed-in user". */
export function hasAnyPermission(user: User | null | undefined, permissions: readonly Permission[]): boolean {
  if (!user) return false;
  return permissions.length === 0 || permissions.some((permission) => user.permissions.includes(permission));
}
