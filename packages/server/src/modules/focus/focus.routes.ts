import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FOCUS_GROUPS, PLAN_STATUS_FILTERS, focusPlanInputSchema, regionPrefixSchema } from '@zengshou/core';
import { requireActor, type AppDeps } from '../../platform/http/context.ts';
import { exportLedger } from './focus-export.ts';
import type { FocusService } from './focus.service.ts';

const tags = ['重点群体台账'];
const idParams = z.object({ id: z.uuid('编号无效') });
const ledgerFilter = z.object({
  group: z.enum(FOCUS_GROUPS, { error: '群体应为 low_income（人均纯收入1万元以下）或 income_fell（收入下降）' }).default('low_income'),
  region: regionPrefixSchema.optional(),
  planStatus: z.enum(PLAN_STATUS_FILTERS, { error: '方案状态应为 none、open、closed_out 或 reopened' }).optional(),
});

export async function focusRoutes(app: FastifyInstance, opts: { focus: FocusService; deps: AppDeps }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/focus/ledger',
    {
      config: { permission: 'registry:read' },
      schema: {
        tags,
        summary: '重点群体台账（1万元以下 / 收入下降）：收入、上年同期、一户一策状态，分页，含各群体和各状态户数',
        querystring: ledgerFilter.extend({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (req) => opts.focus.ledger(requireActor(req.actor), req.query),
  );

  r.get(
    '/api/focus/ledger/export',
    { config: { permission: 'registry:export' }, schema: { tags, summary: '导出重点群体台账 .xlsx（不含身份证号和电话，记入审计）', querystring: ledgerFilter } },
    async (req, reply) => {
      const { stream, fileName } = await exportLedger(opts.deps, opts.focus, requireActor(req.actor), req.ip, req.query);
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
      return reply.send(stream);
    },
  );

  r.get(
    '/api/households/:id/focus-plan',
    { config: { permission: 'registry:read' }, schema: { tags, summary: '农户的一户一策（当前方案、修订历史、销号记录）', params: idParams } },
    async (req) => opts.focus.plan(requireActor(req.actor), req.params.id),
  );

  r.put(
    '/api/households/:id/focus-plan',
    {
      config: { permission: 'registry:write' },
      schema: { tags, summary: '制定（version 为 0）或修订（须带 version）一户一策', params: idParams, body: focusPlanInputSchema },
    },
    async (req, reply) => {
      const { created, plan } = await opts.focus.savePlan(requireActor(req.actor), req.ip, req.params.id, req.body);
      reply.code(created ? 201 : 200);
      return plan;
    },
  );

  r.post(
    '/api/focus/refresh',
    {
      config: { permission: 'monitoring:manage' },
      // Nothing to send: the scope is the caller's. An empty object (or no body) only; anything else is refused.
      schema: { tags, summary: '按最新收入刷新管辖范围内一户一策的销号与重新纳入', body: z.object({}).strict().optional() },
    },
    async (req) => opts.focus.refresh(requireActor(req.actor), req.ip),
  );
}
