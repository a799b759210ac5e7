import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, type AppDeps } from '../../platform/http/context.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { DEFAULT_IMPORT_LIMITS } from '../imports/file-source.ts';
import { ImportService } from '../imports/imports.service.ts';
import * as importsRepo from '../imports/imports.repository.ts';
import { exportNational } from './exchange-export.ts';
import { ExchangeImportService } from './exchange-import.service.ts';

const tags = ['国家系统格式交换'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Routes of the exchange module; registered in platform/http/app.ts. */
export async function exchangeRoutes(app: FastifyInstance, opts: { deps: AppDeps }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const exchange = new ExchangeImportService(opts.deps, new ImportService(opts.deps));
  const uploadDir = path.join(opts.deps.config.dataDir, 'exchange');

  r.get('/api/exchange/national.xlsx', {
    config: { permission: 'registry:export' },
    schema: { tags, summary: '导出国家系统格式交换文件 .xlsx（有“查看完整个人信息”权限者为完整身份证号，否则脱敏且不能再导入）', querystring: z.object({ region: z.string().regex(/^\d{2,12}$/).optional() }).strict() },
  }, async (req, reply) => {
    const { stream, fileName } = await exportNational(opts.deps, requireActor(req.actor), req.ip, req.query.region);
    reply.header('content-type', XLSX).header('content-disposition', attachment(fileName));
    return reply.send(stream);
  });

  r.post('/api/exchange/imports', {
    config: { permission: 'registry:write' },
    schema: { tags, summary: '上传国家系统格式交换文件（multipart：file、dryRun）；先试导入，再正式导入', consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const actor = requireActor(req.actor);
    const part = await req.file({ limits: { fileSize: DEFAULT_IMPORT_LIMITS.maxFileBytes, files: 1 } });
    if (!part) throw new ValidationError('请选择要导入的文件');
    const dryRun = (part.fields as Record<string, { value?: unknown } | undefined>).dryRun?.value !== 'false';
    mkdirSync(uploadDir, { recursive: true });
    const target = path.join(uploadDir, `${randomUUID()}.upload`);
    await pipeline(part.file, createWriteStream(target));
    if (part.file.truncated) {
      await rm(target, { force: true });
      throw new ValidationError(`文件超过 ${DEFAULT_IMPORT_LIMITS.maxFileBytes / 1048576} MB 的上限，请按地区拆分后导入`);
    }
    // Runs on in the background once its job exists; the page follows it through GET /api/exchange/imports/:id. A
    // failure before the job exists has nowhere to be reported but this reply (after that, rejecting is a no-op and
    // the job itself records the failure).
    const jobId = await new Promise<string>((resolve, reject) => {
      exchange
        .importFile({ userId: actor.userId, username: actor.username, scope: actor.scope, ip: req.ip }, { path: target, name: part.filename }, { dryRun, onProgress: (p) => resolve(p.jobId) })
        .then((result) => resolve(result.jobId))
        .catch((error: unknown) => {
          req.log.error({ err: error }, 'exchange import failed');
          reject(error);
        })
        .finally(() => void rm(target, { force: true }));
    });
    reply.code(202);
    return { jobId };
  });

  r.get('/api/exchange/imports/:id', {
    config: { permission: 'registry:write' },
    schema: { tags, summary: '交换文件导入的进度、结果和错误行', params: z.object({ id: z.uuid() }) },
  }, async (req) => {
    const actor = requireActor(req.actor);
    const job = await importsRepo.findJob(opts.deps.db.orm, actor.scope, req.params.id);
    if (!job) throw new NotFoundError('导入记录不存在');
    const live = exchange.progress.get(job.id);
    const errors = await importsRepo.rowErrors(opts.deps.db.orm, job.id, 500);
    return {
      job: {
        id: job.id, fileName: job.file_name, dryRun: job.dry_run, status: job.status, message: job.message, summary: job.summary,
        phase: job.status === 'running' ? (live?.phase ?? 'reading') : 'done', rowsDone: live?.rowsDone ?? job.rows_done,
        rowsBad: live?.rowsBad ?? job.rows_bad, createdAt: job.created_at.toISOString(), finishedAt: job.finished_at?.toISOString() ?? null,
      },
      errors: errors.map((e) => ({ sheet: e.sheet, rowNo: e.row_no, column: e.col, value: e.value, reason: e.reason })),
    };
  });
}
