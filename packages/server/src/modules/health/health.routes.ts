import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/http/context.ts';
import { queryOne, sql } from '../../platform/db/sql.ts';

export const APP_VERSION = '0.1.0';

export async function healthRoutes(app: FastifyInstance, opts: { deps: AppDeps }) {
  app.get('/api/health', { config: { permission: 'public' }, schema: { tags: ['系统'], summary: '健康检查' } }, async (_req, reply) => {
    const started = Date.now();
    try {
      await queryOne(opts.deps.db.orm, sql`SELECT 1`);
      return { status: 'ok', database: opts.deps.db.kind, version: APP_VERSION, dbLatencyMs: Date.now() - started };
    } catch {
      reply.code(503);
      return { status: 'error', database: opts.deps.db.kind, version: APP_VERSION };
    }
  });
}
