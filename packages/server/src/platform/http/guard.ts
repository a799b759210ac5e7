import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '@zengshou/core';
import type { AuthService } from '../../modules/auth/auth.service.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { DomainError, ForbiddenError, UnauthenticatedError } from '../errors.ts';
import type { RoutePermission } from './context.ts';

export const SESSION_COOKIE = 'zs_sid';
export const CSRF_COOKIE = 'zs_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function cookieOptions(secure: boolean) {
  // SameSite=Strict: the session cookie is never sent on a request started by another site.
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure };
}

class CsrfError extends DomainError {
  constructor() {
    super(403, 'csrf_failed', '请求缺少有效的防跨站令牌，请刷新页面后重试');
  }
}

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Runs before every route: who is asking (session cookie), is a state change carrying the CSRF token, and may this
 * caller use this route at all. Region scope is the repositories' job; this layer knows only permissions.
 */
export function installGuard(app: FastifyInstance, deps: { auth: AuthService; audit: AuditLog }) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const sessionId = request.cookies[SESSION_COOKIE];
    request.actor = sessionId ? await deps.auth.resolveSession(sessionId) : null;

    const permission = request.routeOptions.config?.permission as RoutePermission | undefined;
    if (!permission) return; // plugin routes: static files and the API docs page

    if (!SAFE_METHODS.has(request.method)) checkCsrf(request);

    if (permission === 'public') return;
    if (!request.actor) throw new UnauthenticatedError();
    if (permission === 'authenticated') return;
    if (!request.actor.permissions.has(permission as Permission)) {
      await deps.audit.appendStandalone({
        action: 'auth.denied',
        outcome: 'denied',
        actor: request.actor,
        ip: request.ip,
        regionCode: request.actor.scope,
        detail: { method: request.method, route: request.routeOptions.url, permission },
      });
      throw new ForbiddenError();
    }
  });
}

/**
 * Signed-in callers must echo their session's token; anonymous callers (login, the public declaration form)
 * must echo the token cookie (double submit). A cross-site page can send neither.
 */
function checkCsrf(request: FastifyRequest) {
  const header = request.headers['x-csrf-token'];
  const sent = Array.isArray(header) ? header[0] : header;
  const expected = request.actor ? request.actor.csrfToken : request.cookies[CSRF_COOKIE];
  if (!sameToken(sent, expected)) throw new CsrfError();
}
