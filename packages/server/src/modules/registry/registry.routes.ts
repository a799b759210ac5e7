import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  householdCreateSchema, householdUpdateSchema, memberCreateSchema, memberMoveSchema, memberUpdateSchema, regionPrefixSchema,
} from '@zengshou/core';
import { requireActor, type AppDeps } from '../../platform/http/context.ts';
import { exportHouseholds } from './household-export.ts';
import type { RegistryService } from './registry.service.ts';
import type { HouseholdHistoryService } from './household-history.service.ts';

const tags = ['农户档案'];
const idParams = z.object({ id: z.uuid('编号无效') });
export const householdListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  region: regionPrefixSchema.optional(),
  householdType: z.enum(['poverty_exit', 'ordinary', 'exit_no_policy']).optional(),
  monitoringCategory: z.enum(['unstable', 'marginal', 'sudden_hardship', 'any']).optional(),
  assistanceStatus: z.enum(['none', 'dibao', 'tekun']).optional(),
  /** Per-capita net income band, yuan per year. */
  incomeMin: z.coerce.number().min(0).optional(),
  incomeMax: z.coerce.number().min(0).optional(),
  failingChecks: z.enum(['true', 'false']).optional(),
  problemFlag: z.enum(['unsafe_housing', 'unsafe_water', 'school_dropout', 'uninsured_member']).optional(),
  q: z.string().trim().max(40).optional(),
});
export type HouseholdListQuery = z.infer<typeof householdListQuery>;

export function filterFromQuery(q: HouseholdListQuery) {
  return {
    region: q.region,
    householdType: q.householdType,
    monitoringCategory: q.monitoringCategory,
    assistanceStatus: q.assistanceStatus,
    incomeMinFen: q.incomeMin === undefined ? undefined : Math.round(q.incomeMin * 100),
    incomeMaxFen: q.incomeMax === undefined ? undefined : Math.round(q.incomeMax * 100),
    failingChecks: q.failingChecks === 'true',
    problemFlag: q.problemFlag,
    // An ID number's check character may be typed as a lower-case x; anything else is searched as typed.
    search: q.q ? (/^[0-9]{17}[xX]$/.test(q.q) ? q.q.toUpperCase() : q.q) : undefined,
  };
}

export async function registryRoutes(app: FastifyInstance, opts: { registry: RegistryService; history: HouseholdHistoryService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'registry:read' } as const;
  const write = { permission: 'registry:write' } as const;

  r.get('/api/households', { config: read, schema: { tags, summary: '农户列表（分页、筛选、按姓名或身份证号查找）', querystring: householdListQuery } }, async (req) =>
    opts.registry.list(requireActor(req.actor), filterFromQuery(req.query), req.query.page, req.query.pageSize),
  );
  r.get('/api/households/:id', { config: read, schema: { tags, summary: '农户详情（成员、低保特困历史）', params: idParams } }, async (req) =>
    opts.registry.detail(requireActor(req.actor), req.params.id),
  );
  r.get('/api/households/:id/history', { config: read, schema: { tags, summary: '农户修改记录', params: idParams } }, async (req) => ({
    items: await opts.history.history(requireActor(req.actor), req.params.id),
  }));
  r.post('/api/households', { config: write, schema: { tags, summary: '新增农户', body: householdCreateSchema } }, async (req, reply) => {
    const id = await opts.registry.create(requireActor(req.actor), req.ip, req.body);
    reply.code(201);
    return opts.registry.detail(requireActor(req.actor), id);
  });
  r.patch('/api/households/:id', { config: write, schema: { tags, summary: '修改农户（须带 version）', params: idParams, body: householdUpdateSchema } }, async (req) => ({
    household: await opts.registry.update(requireActor(req.actor), req.ip, req.params.id, req.body),
  }));
  r.post(
    '/api/households/:id/unmask',
    {
      config: { permission: 'personal:unmask' },
      schema: { tags, summary: '查看完整身份证号和电话（记入审计）', params: idParams, body: z.object({ reason: z.string().trim().min(2, '请填写查看原因').max(100) }).strict() },
    },
    async (req) => opts.registry.unmask(requireActor(req.actor), req.ip, req.params.id, req.body.reason),
  );
  r.post('/api/members', { config: write, schema: { tags, summary: '新增家庭成员', body: memberCreateSchema } }, async (req, reply) => {
    const id = await opts.registry.addMember(requireActor(req.actor), req.ip, req.body);
    reply.code(201);
    return { id };
  });
  r.patch('/api/members/:id', { config: write, schema: { tags, summary: '修改家庭成员（须带 version）', params: idParams, body: memberUpdateSchema } }, async (req) => {
    await opts.registry.updateMember(requireActor(req.actor), req.ip, req.params.id, req.body);
    return { ok: true };
  });
  r.post('/api/members/:id/move', { config: write, schema: { tags, summary: '成员迁入其他户（保留记录）', params: idParams, body: memberMoveSchema } }, async (req) => {
    await opts.registry.moveMember(requireActor(req.actor), req.ip, req.params.id, req.body);
    return { ok: true };
  });
}

export async function registryExportRoutes(app: FastifyInstance, opts: { deps: AppDeps }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/households/export',
    {
      config: { permission: 'registry:export' },
      schema: { tags, summary: '导出农户名单 .xlsx（默认脱敏；有权限者可选完整身份证号，记入审计）', querystring: householdListQuery.extend({ unmasked: z.enum(['true', 'false']).optional() }) },
    },
    async (req, reply) => {
      const { stream, fileName } = await exportHouseholds(opts.deps, requireActor(req.actor), req.ip, filterFromQuery(req.query), req.query.unmasked === 'true');
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
      return reply.send(stream);
    },
  );
}
