import type { RouteOptions } from 'fastify';
import type { RoutePermission } from './context.ts';

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: RoutePermission;
}

export class MissingPermissionError extends Error {}

/** Paths served by plugins (static files, the API docs page) rather than by our route files. */
function isPluginRoute(url: string): boolean {
  return !url.startsWith('/api/') || url.startsWith('/api/docs');
}

/**
 * Every API route must declare who may call it. A route without a declared permission stops the server from
 * starting (and so fails the test suite), which keeps new endpoints inside the authorisation matrix.
 */
export function collectRoute(routes: RegisteredRoute[], options: RouteOptions): void {
  const methods = Array.isArray(options.method) ? options.method : [options.method];
  const permission = options.config && (options.config as { permission?: RoutePermission }).permission;
  if (isPluginRoute(options.url)) return;
  if (!permission) {
    throw new MissingPermissionError(`route ${methods.join(',')} ${options.url} declares no permission`);
  }
  for (const method of methods) {
    if (method === 'HEAD') continue;
    routes.push({ method, url: options.url, permission });
  }
}
