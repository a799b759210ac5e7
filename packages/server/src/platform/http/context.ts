import type { Permission, Role } from '@zengshou/core';
import type { AppConfig } from '../config.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { AuditLog } from '../audit/audit-log.ts';

/** Who is asking: resolved from the session cookie before any handler runs. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Set<Permission>;
  /** Region scope: a code prefix (2/4/6/9/12 digits). Every repository query over people's data filters by it. */
  scope: string;
  sessionIdHash: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

/** 'public' needs nobody; 'authenticated' needs any signed-in user; otherwise the named permission. */
export type RoutePermission = 'public' | 'authenticated' | Permission;

export interface AppDeps {
  db: Database;
  config: AppConfig;
  clock: Clock;
  audit: AuditLog;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new Error('route declared a permission but no actor was resolved');
  return actor;
}
