import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { monitoringLineInputSchema, regionPrefixSchema, WARNING_RULE_IDS } from '@zengshou/core';
import { requireActor } from '../../platform/http/context.ts';
import type { MonitoringService } from './monitoring.service.ts';

const tags = ['监测预警'];

export async function monitoringRoutes(app: FastifyInstance, opts: { monitoring: MonitoringService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/monitoring-lines', { config: { permission: 'registry:read' }, schema: { tags, summary: '监测收入线（本地区及上级、下级，逐年）' } }, async (req) =>
    opts.monitoring.lines(requireActor(req.actor)),
  );
  r.post(
    '/api/monitoring-lines',
    { config: { permission: 'monitoring:manage' }, schema: { tags, summary: '设定某地区某年的监测收入线（只能高于上级）', body: monitoringLineInputSchema } },
    async (req, reply) => {
      const b = req.body;
      reply.code(201);
      return opts.monitoring.setLine(requireActor(req.actor), req.ip, {
        regionCode: b.regionCode, year: b.year, amountFen: b.amountFen, method: b.method, inputs: b.inputs, note: b.note,
      });
    },
  );
  r.post('/api/monitoring/evaluate', { config: { permission: 'monitoring:manage' }, schema: { tags, summary: '对管辖范围内所有农户重新研判预警' } }, async (req) => {
    const actor = requireActor(req.actor);
    return opts.monitoring.evaluate({ userId: actor.userId, username: actor.username, scope: actor.scope, ip: req.ip });
  });
  r.get(
    '/api/warnings',
    {
      config: { permission: 'registry:read' },
      schema: {
        tags,
        summary: '预警列表（按到期时间排序，逾期在前）',
        querystring: z.object({
          region: regionPrefixSchema.optional(),
          status: z.enum(['open', 'closed']).optional(),
          ruleId: z.enum(WARNING_RULE_IDS).optional(),
          householdId: z.uuid().optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (req) => opts.monitoring.warnings(requireActor(req.actor), req.query),
  );
}
