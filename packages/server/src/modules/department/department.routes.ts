import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DEPARTMENT_COLUMNS, DEPARTMENT_LIST_TYPE_LABELS, DEPARTMENT_ROW_STATUSES, departmentJsonListSchema, departmentListTypeSchema, falsePositiveSchema,
  type DepartmentListType,
} from '@zengshou/core';
import ExcelJS from '../../platform/excel.ts';
import { requireActor, type AppDeps } from '../../platform/http/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { DEPARTMENT_LIMITS, type DepartmentService } from './department.service.ts';

const tags = ['部门筛查预警'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
const idParams = z.object({ id: z.uuid() });
const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(200),
};

export async function departmentRoutes(app: FastifyInstance, opts: { deps: AppDeps; department: DepartmentService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: 'department:upload' } as const;
  const { department } = opts;
  const uploadDir = path.join(opts.deps.config.dataDir, 'department-uploads');

  r.get(
    '/api/department/templates/:listType',
    { config, schema: { tags, summary: '下载某类部门名单的模板 .xlsx', params: z.object({ listType: departmentListTypeSchema }) } },
    async (req, reply) => {
      const type = req.params.listType;
      reply.header('content-type', XLSX).header('content-disposition', attachment(`部门名单模板-${DEPARTMENT_LIST_TYPE_LABELS[type].split('：')[0]}.xlsx`));
      return reply.send(await buildTemplate(type));
    },
  );

  r.post(
    '/api/department/lists',
    { config, schema: { tags, summary: '上传部门名单并比对（multipart：listType、dryRun、file；dryRun 默认 true）', consumes: ['multipart/form-data'] } },
    async (req, reply) => {
      const actor = requireActor(req.actor);
      const part = await req.file({ limits: { fileSize: DEPARTMENT_LIMITS.maxFileBytes, files: 1 } });
      if (!part) throw new ValidationError('请选择要上传的名单文件');
      const fields = part.fields as Record<string, { value?: unknown } | undefined>;
      const type = departmentListTypeSchema.safeParse(fields.listType?.value);
      if (!type.success) {
        part.file.resume();
        throw new ValidationError('请选择名单类型');
      }
      // Storing is opt-in: anything but an explicit "false" is a dry run.
      const dryRun = fields.dryRun?.value !== 'false';
      mkdirSync(uploadDir, { recursive: true });
      const target = path.join(uploadDir, `${randomUUID()}.upload`);
      try {
        await pipeline(part.file, createWriteStream(target));
        if (part.file.truncated) throw new ValidationError(`文件超过 ${DEPARTMENT_LIMITS.maxFileBytes / 1048576} MB 的上限，请拆分后上传`);
        const result = await department.uploadFile({ actor, ip: req.ip }, type.data, { path: target, name: part.filename }, dryRun);
        reply.code(result.alreadyApplied ? 200 : 201);
        return result;
      } finally {
        await rm(target, { force: true });
      }
    },
  );

  r.post(
    '/api/department/lists/json',
    { config, schema: { tags, summary: '接口提交部门名单（JSON：listType、rows、dryRun 默认 true）', body: departmentJsonListSchema } },
    async (req, reply) => {
      const result = await department.uploadJson({ actor: requireActor(req.actor), ip: req.ip }, req.body);
      reply.code(result.alreadyApplied ? 200 : 201);
      return result;
    },
  );

  r.post(
    '/api/department/lists/:id/apply',
    { config, schema: { tags, summary: '确认导入试比对过的名单（更新户信息、推送预警；重复确认不重复写入）', params: idParams, body: z.object({}).strict().optional() } },
    async (req) => department.apply({ actor: requireActor(req.actor), ip: req.ip }, req.params.id),
  );

  r.get('/api/department/lists', { config, schema: { tags, summary: '名单记录（部门账号只看到本账号上传的）', querystring: z.object({ ...page, pageSize: page.pageSize.default(20) }) } }, async (req) =>
    department.list(requireActor(req.actor), req.query),
  );

  r.get(
    '/api/department/lists/:id',
    {
      config,
      schema: { tags, summary: '名单比对结果（身份证号脱敏，只含比对结果）', params: idParams, querystring: z.object({ status: z.enum(DEPARTMENT_ROW_STATUSES).optional(), ...page }) },
    },
    async (req) => department.detail(requireActor(req.actor), req.params.id, req.query),
  );

  r.get('/api/department/false-positive-rates', { config, schema: { tags, summary: '各类名单推送预警的误报率' } }, async (req) =>
    department.falsePositiveRates(requireActor(req.actor)),
  );

  r.post(
    '/api/warnings/:id/false-positive',
    { config: { permission: 'cases:work' }, schema: { tags, summary: '村里核实后将部门推送的预警标记为误报（须填写原因）', params: idParams, body: falsePositiveSchema } },
    async (req) => department.markFalsePositive({ actor: requireActor(req.actor), ip: req.ip }, req.params.id, req.body.reason),
  );
}

/** One sheet with the type's Chinese headers (ID column as text) and a short instructions sheet. */
async function buildTemplate(type: DepartmentListType): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '增收平台';
  const cols = DEPARTMENT_COLUMNS[type];
  const ws = wb.addWorksheet('名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: Math.max(14, c.header.length * 2 + 6), style: c.key === 'idNumber' ? { numFmt: '@' } : {} }));
  ws.getRow(1).font = { bold: true };
  cols.forEach((c, i) => {
    if (!c.choices) return;
    const letter = ws.getColumn(i + 1).letter;
    for (let row = 2; row <= 1000; row++) {
      ws.getCell(`${letter}${row}`).dataValidation = { type: 'list', allowBlank: !c.required, formulae: [`"${c.choices.join(',')}"`], showErrorMessage: true, error: `请选择：${c.choices.join('、')}` };
    }
  });
  const guide = wb.addWorksheet('填写说明');
  guide.columns = [{ width: 22 }, { width: 8 }, { width: 50 }, { width: 20 }];
  guide.addRow([`${DEPARTMENT_LIST_TYPE_LABELS[type]} 名单模板`]).font = { bold: true, size: 14 };
  guide.addRow(['身份证号一列必须是文本格式；系统按身份证号与农户成员比对。可先“试比对”查看结果，确认后再导入；同一名单重复导入不会重复推送。']);
  guide.addRow(['列名', '必填', '说明', '示例']).font = { bold: true };
  for (const c of cols) guide.addRow([c.header, c.required ? '是' : '', [c.note, c.choices ? `可选：${c.choices.join('、')}` : ''].filter(Boolean).join('；'), c.example]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
