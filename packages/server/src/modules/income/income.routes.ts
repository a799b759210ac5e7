import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { incomeRecordInputSchema } from '@zengshou/core';
import { requireActor } from '../../platform/http/context.ts';
import type { IncomeService } from './income.service.ts';

const tags = ['收入'];

export async function incomeRoutes(app: FastifyInstance, opts: { income: IncomeService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/households/:id/income',
    {
      config: { permission: 'registry:read' },
      schema: { tags, summary: '农户各季度收入（含修订历史）', params: z.object({ id: z.uuid() }), querystring: z.object({ revisions: z.enum(['true', 'false']).optional() }) },
    },
    async (req) => ({ items: await opts.income.history(requireActor(req.actor), req.params.id, req.query.revisions === 'true') }),
  );
  r.post(
    '/api/income-records',
    { config: { permission: 'registry:write' }, schema: { tags, summary: '录入或修订某季度累计收入（元）', body: incomeRecordInputSchema } },
    async (req, reply) => {
      reply.code(201);
      return opts.income.save(requireActor(req.actor), req.ip, req.body);
    },
  );
}
