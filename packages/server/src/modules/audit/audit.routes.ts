import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, type AppDeps } from '../../platform/http/context.ts';
import { listAudit } from './audit.repository.ts';

const tags = ['审计日志'];
const query = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  username: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
});

/** Read-only: the audit administrator has no route that changes anything. */
export async function auditRoutes(app: FastifyInstance, opts: { deps: AppDeps }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/audit', { config: { permission: 'audit:read' }, schema: { tags, summary: '审计记录', querystring: query } }, async (req) => {
    const actor = requireActor(req.actor);
    const q = req.query;
    const rows = await listAudit(
      opts.deps.db.orm,
      actor.scope,
      { from: q.from ?? null, to: q.to ?? null, username: q.username || null, action: q.action || null, outcome: q.outcome ?? null },
      q.pageSize,
      (q.page - 1) * q.pageSize,
    );
    return {
      total: rows[0]?.total ?? 0,
      items: rows.map((r) => ({
        seq: r.seq, occurredAt: r.occurred_at.toISOString(), username: r.username, action: r.action, outcome: r.outcome,
        ip: r.ip, regionCode: r.region_code, entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after, detail: r.detail,
      })),
    };
  });
  r.get('/api/audit/verify', { config: { permission: 'audit:read' }, schema: { tags, summary: '校验审计哈希链' } }, async () =>
    opts.deps.audit.verify(),
  );
}
