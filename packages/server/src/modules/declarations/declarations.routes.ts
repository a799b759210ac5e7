import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import QRCode from 'qrcode';
import {
  DECLARATION_STATUSES, declarationCloseSchema, declarationInputSchema, declarationLinkSchema, declarationStatusQuerySchema, regionPrefixSchema,
} from '@zengshou/core';
import { requireActor } from '../../platform/http/context.ts';
import type { DeclarationConfig } from '../../platform/config.ts';
import { findChildren, findPath } from '../regions/regions.repository.ts';
import type { DeclarationsService } from './declarations.service.ts';
import { topRegions } from './declarations.repository.ts';
import type { AppDeps } from '../../platform/http/context.ts';

const tags = ['农户自主申报'];
const idParams = z.object({ id: z.uuid() });
const villageSchema = z.string().regex(/^[0-9]{12}$/, '请选择行政村');

export async function declarationsRoutes(app: FastifyInstance, opts: { declarations: DeclarationsService; deps: AppDeps; config: DeclarationConfig }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { declarations, config } = opts;
  const submitLimit = { max: config.perIp, timeWindow: config.windowMs };
  const lookupLimit = { max: config.lookupsPerIp, timeWindow: config.windowMs };

  // ---- Public: no sign-in; CSRF by double submit (GET /api/auth/csrf first), rate limited per IP.

  r.post(
    '/api/public/declarations',
    {
      config: { permission: 'public', rateLimit: submitLimit },
      schema: { tags, summary: '提交自主申报（无需登录；答复不透露身份证号是否已登记）', body: declarationInputSchema },
    },
    async (req, reply) => {
      reply.code(201);
      return declarations.submit(req.body, req.ip);
    },
  );

  r.get(
    '/api/public/declarations/status',
    {
      config: { permission: 'public', rateLimit: lookupLimit },
      schema: { tags, summary: '凭受理编号和身份证号后 4 位查询办理阶段（只答复阶段）', querystring: declarationStatusQuerySchema },
    },
    async (req) => declarations.status(req.query),
  );

  // The form's village picker: only codes and names of the region tree, nothing about people.
  r.get(
    '/api/public/villages',
    {
      config: { permission: 'public', rateLimit: lookupLimit },
      schema: { tags, summary: '申报表选择村：下级区划（仅代码和名称）', querystring: z.object({ parent: regionPrefixSchema.optional() }).strict() },
    },
    async (req) => {
      const rows = req.query.parent ? await findChildren(opts.deps.db.orm, req.query.parent) : await topRegions(opts.deps.db.orm);
      return { items: rows.map((x) => ({ code: x.code, name: x.name, level: x.level, hasChildren: x.has_children })) };
    },
  );

  r.get(
    '/api/public/villages/:code',
    {
      config: { permission: 'public', rateLimit: lookupLimit },
      schema: { tags, summary: '申报表：村及其上级区划名称', params: z.object({ code: villageSchema }) },
    },
    async (req, reply) => {
      const path = await findPath(opts.deps.db.orm, req.params.code);
      if (path.length === 0 || path[path.length - 1]!.code !== req.params.code || path[path.length - 1]!.level !== 'village') {
        return reply.code(404).send({ error: { code: 'not_found', message: '村不存在或已停用' } });
      }
      return { code: req.params.code, path: path.map((p) => ({ code: p.code, name: p.name, level: p.level })) };
    },
  );

  // ---- The village's side

  r.get(
    '/api/declarations',
    {
      config: { permission: 'cases:work' },
      schema: {
        tags,
        summary: '自主申报列表（身份证号、电话脱敏；含入户核实时限）',
        querystring: z.object({
          region: regionPrefixSchema.optional(),
          status: z.enum(DECLARATION_STATUSES).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (req) => declarations.list(requireActor(req.actor), req.query),
  );

  r.get(
    '/api/declarations/qr',
    {
      config: { permission: 'cases:work' },
      schema: { tags, summary: '打印申报二维码（SVG，指向本村的申报页）', querystring: z.object({ village: villageSchema }) },
    },
    async (req, reply) => {
      await declarations.checkVillage(requireActor(req.actor), req.query.village);
      const base = config.publicBaseUrl ?? `${req.protocol}://${req.host}`;
      const url = `${base}/declare?village=${req.query.village}`;
      const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      reply.header('content-type', 'image/svg+xml; charset=utf-8');
      reply.header('x-declare-url', encodeURI(url));
      reply.header('cache-control', 'private, max-age=300');
      return reply.send(svg);
    },
  );

  r.get('/api/declarations/:id', { config: { permission: 'cases:work' }, schema: { tags, summary: '一条自主申报', params: idParams } }, async (req) =>
    declarations.detail(requireActor(req.actor), req.params.id),
  );

  r.post(
    '/api/declarations/:id/link',
    { config: { permission: 'cases:work' }, schema: { tags, summary: '关联已建档农户并转为线索', params: idParams, body: declarationLinkSchema } },
    async (req) => declarations.link(requireActor(req.actor), req.ip, req.params.id, req.body.householdId),
  );

  r.post(
    '/api/declarations/:id/close',
    { config: { permission: 'cases:work' }, schema: { tags, summary: '关闭申报（须填写原因）', params: idParams, body: declarationCloseSchema } },
    async (req) => declarations.close(requireActor(req.actor), req.ip, req.params.id, req.body.reason),
  );

  r.post(
    '/api/declarations/:id/unmask',
    {
      config: { permission: 'personal:unmask' },
      schema: { tags, summary: '查看申报人完整身份证号和电话（记入审计）', params: idParams, body: z.object({ reason: z.string().trim().min(2, '请填写查看原因').max(100) }).strict() },
    },
    async (req) => declarations.unmask(requireActor(req.actor), req.ip, req.params.id, req.body.reason),
  );
}
