import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TARGET_YEAR_MAX, TARGET_YEAR_MIN, incomeTargetBodySchema, regionPrefixSchema } from '@zengshou/core';
import { requireActor, type AppDeps } from '../../platform/http/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { TARGET_IMPORT_LIMITS, TargetsService } from './targets.service.ts';

const tags = ['增收目标'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
const yearMessage = `年度应在 ${TARGET_YEAR_MIN} 至 ${TARGET_YEAR_MAX} 年之间`;
const yearNumber = z.number({ error: yearMessage }).int(yearMessage).min(TARGET_YEAR_MIN, yearMessage).max(TARGET_YEAR_MAX, yearMessage);
const year = z.coerce.number({ error: yearMessage }).pipe(yearNumber);
/** `years=2022,2023,2024`; absent means every year. */
const years = z
  .string()
  .regex(/^\d{4}(,\d{4}){0,19}$/, '年度列表格式应为 2024 或 2022,2023,2024')
  .transform((s) => [...new Set(s.split(',').map(Number))])
  .pipe(z.array(yearNumber))
  .optional();
const listQuery = z.object({ region: regionPrefixSchema.optional(), years });
const addressParams = z.object({ region: regionPrefixSchema, year });

/** Routes of the targets module; registered in platform/http/app.ts. */
export async function targetsRoutes(app: FastifyInstance, opts: { deps: AppDeps }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const targets = new TargetsService(opts.deps);
  const manage = { permission: 'targets:manage' } as const;
  const uploadDir = path.join(opts.deps.config.dataDir, 'target-uploads');

  r.get(
    '/api/targets',
    { config: { permission: 'registry:read' }, schema: { tags, summary: '地区及下级各年度增收目标（含基数、分项、占比、增速），并列出上级目标', querystring: listQuery } },
    async (req) => targets.list(requireActor(req.actor), req.query),
  );

  r.get(
    '/api/targets/template',
    { config: manage, schema: { tags, summary: '下载增收目标导入模板 .xlsx' } },
    async (_req, reply) => {
      reply.header('content-type', XLSX).header('content-disposition', attachment('增收目标导入模板.xlsx'));
      return reply.send(await targets.template());
    },
  );

  r.get(
    '/api/targets/export',
    { config: { permission: 'registry:export' }, schema: { tags, summary: '导出增收目标 .xlsx（与导入格式相同，记入审计）', querystring: listQuery } },
    async (req, reply) => {
      const { buffer, fileName } = await targets.exportSheet({ actor: requireActor(req.actor), ip: req.ip }, req.query);
      reply.header('content-type', XLSX).header('content-disposition', attachment(fileName));
      return reply.send(buffer);
    },
  );

  r.get(
    '/api/targets/:region/:year/history',
    { config: { permission: 'registry:read' }, schema: { tags, summary: '某地区某年度增收目标的历次版本', params: addressParams } },
    async (req) => targets.history(requireActor(req.actor), req.params.region, req.params.year),
  );

  r.put(
    '/api/targets/:region/:year',
    {
      config: manage,
      schema: { tags, summary: '设定某地区某年度的增收目标或基数（新建 version 为 0，修改须带最新 version）', params: addressParams, body: incomeTargetBodySchema },
    },
    async (req, reply) => {
      const { created, target } = await targets.put({ actor: requireActor(req.actor), ip: req.ip }, req.params.region, req.params.year, req.body);
      reply.code(created ? 201 : 200);
      return target;
    },
  );

  r.post(
    '/api/targets/import',
    { config: manage, schema: { tags, summary: '导入增收目标表（multipart：file、dryRun；dryRun 默认 true，只检查不保存）', consumes: ['multipart/form-data'] } },
    async (req) => {
      const actor = requireActor(req.actor);
      const part = await req.file({ limits: { fileSize: TARGET_IMPORT_LIMITS.maxFileBytes, files: 1 } });
      if (!part) throw new ValidationError('请选择要导入的目标表');
      const fields = part.fields as Record<string, { value?: unknown } | undefined>;
      // Storing is opt-in: anything but an explicit "false" is a dry run.
      const dryRun = fields.dryRun?.value !== 'false';
      mkdirSync(uploadDir, { recursive: true });
      const target = path.join(uploadDir, `${randomUUID()}.upload`);
      try {
        await pipeline(part.file, createWriteStream(target));
        if (part.file.truncated) throw new ValidationError(`文件超过 ${TARGET_IMPORT_LIMITS.maxFileBytes / 1048576} MB 的上限`);
        return await targets.importSheet({ actor, ip: req.ip }, { path: target, name: part.filename }, dryRun);
      } finally {
        await rm(target, { force: true });
      }
    },
  );
}
