import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FOCUS_GROUPS, isDrillMetric, regionPrefixSchema, type DrillMetric } from '@zengshou/core';
import { requireActor, type AppDeps } from '../../platform/http/context.ts';
import { DashboardService } from './dashboard.service.ts';

const tags = ['统计看板'];
const period = z.object({
  region: regionPrefixSchema.optional(),
  year: z.coerce.number({ error: '年份无效' }).int('年份无效').min(2015, '年份无效').max(2100, '年份无效').optional(),
  quarter: z.coerce.number({ error: '季度应为 1–4' }).int('季度应为 1–4').min(1, '季度应为 1–4').max(4, '季度应为 1–4').optional(),
});

/** Routes of the dashboard module; registered in platform/http/app.ts. */
export async function dashboardRoutes(app: FastifyInstance, opts: { deps: AppDeps }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const dashboards = new DashboardService(opts.deps);

  r.get(
    '/api/dashboard',
    {
      config: { permission: 'registry:read' },
      schema: { tags, summary: '地区看板：人口、监测、预警、案件、收入对比目标、重点群体，下一级排名（来自预汇总数据）', querystring: period },
    },
    async (req) => dashboards.build(requireActor(req.actor), req.query),
  );

  r.get(
    '/api/dashboard/households',
    {
      config: { permission: 'registry:read' },
      schema: {
        tags,
        summary: '看板数字背后的农户（分页）',
        querystring: period.extend({
          metric: z.string().refine(isDrillMetric, { message: '统计指标无效' }).transform((m) => m as DrillMetric),
          group: z.enum(FOCUS_GROUPS, { error: '群体应为 low_income 或 income_fell' }).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (req) => dashboards.households(requireActor(req.actor), req.query),
  );
}
