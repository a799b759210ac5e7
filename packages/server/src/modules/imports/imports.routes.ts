import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import ExcelJS from '../../platform/excel.ts';
import { z } from 'zod';
import { neutraliseSpreadsheetCell } from '@zengshou/core';
import { requireActor, type AppDeps } from '../../platform/http/context.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { ImportService } from './imports.service.ts';
import { DEFAULT_IMPORT_LIMITS } from './file-source.ts';
import { buildImportTemplate } from './template.ts';
import * as repo from './imports.repository.ts';

const tags = ['导入'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

function presentJob(j: repo.ImportJobRow, live: ReturnType<ImportService['progress']['get']>) {
  return {
    id: j.id, fileName: j.file_name, fileSize: j.file_size, mode: j.mode, dryRun: j.dry_run, status: j.status,
    rowsDone: live?.rowsDone ?? j.rows_done, rowsBad: live?.rowsBad ?? j.rows_bad, rowsTotal: live?.rowsTotal ?? j.rows_total,
    phase: live?.phase ?? (j.status === 'running' ? 'reading' : 'done'),
    message: j.message, summary: j.summary, createdAt: j.created_at.toISOString(), finishedAt: j.finished_at?.toISOString() ?? null,
  };
}

export async function importsRoutes(app: FastifyInstance, opts: { deps: AppDeps; imports: ImportService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: 'registry:write' } as const;
  const uploadDir = path.join(opts.deps.config.dataDir, 'imports');

  r.get('/api/imports/template', { config, schema: { tags, summary: '下载导入模板 .xlsx' } }, async (_req, reply) => {
    reply.header('content-type', XLSX).header('content-disposition', attachment('农户信息导入模板.xlsx'));
    return reply.send(await buildImportTemplate());
  });

  r.post('/api/imports', { config, schema: { tags, summary: '上传文件并开始导入（multipart：file、mode、dryRun）', consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const actor = requireActor(req.actor);
    const part = await req.file({ limits: { fileSize: DEFAULT_IMPORT_LIMITS.maxFileBytes, files: 1 } });
    if (!part) throw new ValidationError('请选择要导入的文件');
    const fields = part.fields as Record<string, { value?: unknown } | undefined>;
    const mode = fields.mode?.value === 'valid-rows' ? 'valid-rows' : 'all-or-nothing';
    const dryRun = fields.dryRun?.value === 'true';
    mkdirSync(uploadDir, { recursive: true });
    const target = path.join(uploadDir, `${randomUUID()}.upload`);
    await pipeline(part.file, createWriteStream(target));
    if (part.file.truncated) {
      await rm(target, { force: true });
      throw new ValidationError(`文件超过 ${DEFAULT_IMPORT_LIMITS.maxFileBytes / 1048576} MB 的上限，请拆分后导入`);
    }
    // The import runs on in the background; the page follows it through GET /api/imports/:id.
    const started = new Promise<string>((resolve) => {
      opts.imports
        .importFile({ userId: actor.userId, username: actor.username, scope: actor.scope, ip: req.ip }, { path: target, name: part.filename }, {
          mode, dryRun, onProgress: (p) => resolve(p.jobId),
        })
        .then((result) => resolve(result.jobId ?? ''))
        .catch((error: unknown) => {
          req.log.error({ err: error }, 'import failed');
          resolve('');
        })
        .finally(() => void rm(target, { force: true }));
    });
    const jobId = await started;
    reply.code(202);
    return { jobId };
  });

  r.get('/api/imports', { config, schema: { tags, summary: '导入记录' } }, async (req) => {
    const actor = requireActor(req.actor);
    const jobs = await repo.listJobs(opts.deps.db.orm, actor.scope, 50);
    return { items: jobs.map((j) => presentJob(j, opts.imports.progress.get(j.id))) };
  });

  const idParams = z.object({ id: z.uuid() });
  r.get('/api/imports/:id', { config, schema: { tags, summary: '导入进度与结果', params: idParams } }, async (req) => {
    const actor = requireActor(req.actor);
    const job = await repo.findJob(opts.deps.db.orm, actor.scope, req.params.id);
    if (!job) throw new NotFoundError('导入记录不存在');
    return { job: presentJob(job, opts.imports.progress.get(job.id)), errors: await repo.rowErrors(opts.deps.db.orm, job.id, 200) };
  });

  r.get('/api/imports/:id/report', { config, schema: { tags, summary: '下载错误行报告 .xlsx', params: idParams } }, async (req, reply) => {
    const actor = requireActor(req.actor);
    const job = await repo.findJob(opts.deps.db.orm, actor.scope, req.params.id);
    if (!job) throw new NotFoundError('导入记录不存在');
    // The streaming writer: the in-memory one (JSZip) splits characters outside the BMP at its chunk boundaries.
    const stream = new PassThrough();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
    const ws = wb.addWorksheet('错误报告');
    ws.columns = [{ header: '工作表', width: 12 }, { header: '行号', width: 8 }, { header: '列', width: 22 }, { header: '填写的值', width: 24 }, { header: '原因', width: 60 }];
    const errors = await repo.rowErrors(opts.deps.db.orm, job.id, 1_000_000);
    reply.header('content-type', XLSX).header('content-disposition', attachment(`导入错误报告-${job.file_name}.xlsx`));
    void (async () => {
      try {
        for (const e of errors) {
          ws.addRow([neutraliseSpreadsheetCell(e.sheet), e.row_no, neutraliseSpreadsheetCell(e.col), e.value === null ? '' : neutraliseSpreadsheetCell(e.value), neutraliseSpreadsheetCell(e.reason)]).commit();
        }
        ws.commit();
        await wb.commit();
      } catch (error) {
        stream.destroy(error as Error);
      }
    })();
    return reply.send(stream);
  });
}
