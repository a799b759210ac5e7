import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/http/context.ts';

/** Routes of the reports module; registered in platform/http/app.ts. */
export async function reportsRoutes(_app: FastifyInstance, _opts: { deps: AppDeps }) {}
