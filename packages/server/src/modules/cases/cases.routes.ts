import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CASE_EVENT_TYPES, CASE_STATES, regionPrefixSchema, type CaseConfig } from '@zengshou/core';
import { requireActor } from '../../platform/http/context.ts';
import type { CasesService, StepInput } from './cases.service.ts';
import { noticeWorkbook } from './case-notice-export.ts';

const tags = ['监测帮扶案件'];
const villageSchema = z.string().regex(/^[0-9]{12}$/, '请选择行政村');
const noticeQuery = z.object({ village: villageSchema, kind: z.enum(['identification', 'elimination']).default('identification') });

export async function casesRoutes(app: FastifyInstance, opts: { cases: CasesService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { cases } = opts;

  r.get(
    '/api/cases',
    {
      config: { permission: 'registry:read' },
      schema: {
        tags,
        summary: '案件列表与待办队列（逾期在前）',
        querystring: z.object({
          region: regionPrefixSchema.optional(),
          queue: z.enum(['mine', 'all', 'overdue']).default('all'),
          status: z.enum(CASE_STATES).optional(),
          householdId: z.uuid().optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (req) => cases.list(requireActor(req.actor), req.query),
  );

  r.post(
    '/api/cases',
    {
      config: { permission: 'cases:work' },
      schema: {
        tags,
        summary: '登记线索（来自系统预警或干部排查）',
        body: z.object({
          householdId: z.uuid(),
          source: z.enum(['warning', 'cadre']),
          warningId: z.uuid().optional(),
          disaster: z.boolean().optional(),
          note: z.string().max(2000).optional(),
          requestId: z.uuid().optional(),
        }).strict(),
      },
    },
    async (req, reply) => {
      reply.code(201);
      return cases.openLead(requireActor(req.actor), req.ip, req.body);
    },
  );

  r.get('/api/cases/:id', { config: { permission: 'registry:read' }, schema: { tags, summary: '案件详情（状态、事件、措施、可办理步骤）', params: z.object({ id: z.uuid() }) } }, async (req) =>
    cases.detail(requireActor(req.actor), req.params.id),
  );

  r.post(
    '/api/cases/:id/events',
    {
      config: { permission: 'cases:work' },
      schema: {
        tags,
        summary: '办理一步（入户核实、公示、审核、审定、措施、风险消除、回退）',
        params: z.object({ id: z.uuid() }),
        body: z.object({
          expectedVersion: z.number().int().min(1),
          requestId: z.uuid().optional(),
          // The step's own fields are checked by core's caseEventSchema; time and actor always come from the server.
          event: z.looseObject({ type: z.enum(CASE_EVENT_TYPES).exclude(['lead_opened']) }),
        }).strict(),
      },
    },
    async (req) => {
      const { at: _at, actor: _actor, ...event } = req.body.event as StepInput & { at?: unknown; actor?: unknown };
      return cases.step(requireActor(req.actor), req.ip, req.params.id, { expectedVersion: req.body.expectedVersion, requestId: req.body.requestId, event });
    },
  );

  r.post(
    '/api/cases/bulk',
    {
      config: { permission: 'cases:work' },
      schema: {
        tags,
        summary: '批量审核/审定（仅无异议、村级已提出拟定意见的案件）',
        body: z.object({
          step: z.enum(['township_reviewed', 'county_approved', 'elimination_township_reviewed', 'elimination_county_approved']),
          items: z.array(z.object({ caseId: z.uuid(), expectedVersion: z.number().int().min(1) }).strict()).min(1).max(200, '一次最多批量办理 200 件'),
        }).strict(),
      },
    },
    async (req) => cases.bulk(requireActor(req.actor), req.ip, req.body),
  );

  r.get('/api/case-notices', { config: { permission: 'cases:work' }, schema: { tags, summary: '村级公示名单（不含身份证号、电话、银行和健康信息）', querystring: noticeQuery } }, async (req) =>
    cases.notices(requireActor(req.actor), req.query),
  );

  r.get('/api/case-notices.xlsx', { config: { permission: 'cases:work' }, schema: { tags, summary: '导出村级公示名单 .xlsx', querystring: noticeQuery } }, async (req, reply) => {
    const actor = requireActor(req.actor);
    const notice = await cases.notices(actor, req.query);
    await cases.auditNoticeExport(actor, req.ip, req.query.village, req.query.kind, notice.items.length);
    const { stream, fileName } = await noticeWorkbook(notice, cases.today());
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    return reply.send(stream);
  });

  r.get('/api/households/:id/timeline', { config: { permission: 'registry:read' }, schema: { tags, summary: '农户时间线（预警、案件步骤、收入录入）', params: z.object({ id: z.uuid() }) } }, async (req) =>
    cases.timeline(requireActor(req.actor), req.params.id),
  );

  r.get('/api/settings/cases', { config: { permission: 'settings:manage' }, schema: { tags, summary: '读取各地区案件办理时限与消除条件' } }, async () => cases.settings());
  r.put(
    '/api/settings/cases',
    {
      config: { permission: 'settings:manage' },
      schema: {
        tags,
        summary: '修改各地区案件办理时限与消除条件（按地区代码前缀，下级覆盖上级）',
        body: z.object({ version: z.number().int().min(0), regions: z.record(z.string(), z.record(z.string(), z.number())) }).strict(),
      },
    },
    async (req) => cases.updateSettings(requireActor(req.actor), req.ip, req.body.version, req.body.regions as Record<string, Partial<CaseConfig>>),
  );
}
