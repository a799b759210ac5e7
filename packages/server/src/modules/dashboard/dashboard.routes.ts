import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/http/context.ts';

/** Routes of the dashboard module; registered in platform/http/app.ts. */
export async function dashboardRoutes(_app: FastifyInstance, _opts: { deps: AppDeps }) {}
