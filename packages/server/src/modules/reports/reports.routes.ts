import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assessmentRulesSchema, regionPrefixSchema, type AssessmentRules } from '@zengshou/core';
import { requireActor, type Actor, type AppDeps } from '../../platform/http/context.ts';
import { DashboardService } from '../dashboard/dashboard.service.ts';
import { AssessmentService } from './assessment.service.ts';
import { ReportsService } from './reports.service.ts';
import { assessmentWorkbook, dispatchWorkbook, townshipReviewWorkbook } from './reports-export.ts';

const tags = ['调度与考核'];
const region = regionPrefixSchema.optional();
const dispatchQuery = z.object({ region, month: z.string().regex(/^20[0-9]{2}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM') });
const reviewQuery = z.object({ region, date: z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }) });
const assessmentQuery = z.object({
  region,
  year: z.coerce.number({ error: '请选择年度' }).int().min(2000, '年度不正确').max(2100, '年度不正确'),
  quarter: z.coerce.number({ error: '请选择季度' }).int().min(1, '季度应为 1–4').max(4, '季度应为 1–4'),
});
const rulesBody = z.object({ version: z.number().int().min(0), region: regionPrefixSchema, rules: assessmentRulesSchema.nullable() }).strict();

/**
 * Reports of the work's rhythm (domain.md §8): the county's monthly dispatch, the township's half-monthly review
 * list, and the quarterly assessment. Reading and exporting need registry:read: the figures are the dashboard's and
 * every registry reader already sees them; the review list carries only masked names and household numbers, and the
 * township reviewer who holds the meeting has no registry:export. Every .xlsx is audited before it is sent.
 */
export async function reportsRoutes(app: FastifyInstance, opts: { deps: AppDeps }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const dashboards = new DashboardService(opts.deps);
  const reports = new ReportsService(opts.deps, dashboards);
  const assessment = new AssessmentService(opts.deps, dashboards);

  const sendXlsx = async (actor: Actor, ip: string, reply: FastifyReply, kind: string, regionCode: string, detail: Record<string, unknown>, fileName: string, body: Buffer) => {
    await opts.deps.audit.appendStandalone({ action: 'export', outcome: 'success', actor, ip, regionCode, entity: `report_${kind}`, detail: { ...detail, format: 'xlsx' } });
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    return reply.send(body);
  };

  r.get('/api/reports/dispatch', { config: { permission: 'registry:read' }, schema: { tags, summary: '县级每月调度报告', querystring: dispatchQuery } }, async (req) =>
    reports.dispatch(requireActor(req.actor), req.query),
  );
  r.get('/api/reports/dispatch.xlsx', { config: { permission: 'registry:read' }, schema: { tags, summary: '导出县级每月调度报告 .xlsx（记入审计）', querystring: dispatchQuery } }, async (req, reply) => {
    const actor = requireActor(req.actor);
    const report = await reports.dispatch(actor, req.query);
    return sendXlsx(actor, req.ip, reply, 'dispatch', report.region.code, { month: req.query.month, rows: report.progress.rows.length },
      `县级每月调度-${report.region.name}-${req.query.month}.xlsx`, await dispatchWorkbook(report));
  });

  r.get('/api/reports/township-review', { config: { permission: 'registry:read' }, schema: { tags, summary: '乡级半月研判清单（姓名脱敏，不含身份证号和电话）', querystring: reviewQuery } }, async (req) =>
    reports.townshipReview(requireActor(req.actor), req.query),
  );
  r.get('/api/reports/township-review.xlsx', { config: { permission: 'registry:read' }, schema: { tags, summary: '导出乡级半月研判清单 .xlsx（记入审计）', querystring: reviewQuery } }, async (req, reply) => {
    const actor = requireActor(req.actor);
    const review = await reports.townshipReview(actor, req.query);
    return sendXlsx(actor, req.ip, reply, 'township_review', review.region.code, { date: req.query.date, households: review.households, unmasked: false },
      `乡级半月研判-${review.region.name}-${review.period.label}.xlsx`, await townshipReviewWorkbook(review));
  });

  r.get('/api/reports/assessment', { config: { permission: 'registry:read' }, schema: { tags, summary: '季度考核得分与排名（下级地区）', querystring: assessmentQuery } }, async (req) =>
    assessment.assess(requireActor(req.actor), req.query),
  );
  r.get('/api/reports/assessment.xlsx', { config: { permission: 'registry:read' }, schema: { tags, summary: '导出季度考核得分 .xlsx（记入审计）', querystring: assessmentQuery } }, async (req, reply) => {
    const actor = requireActor(req.actor);
    const report = await assessment.assess(actor, req.query);
    return sendXlsx(actor, req.ip, reply, 'assessment', report.region.code, { year: report.year, quarter: report.quarter, rows: report.scores.length },
      `季度考核-${report.region.name}-${report.year}年第${report.quarter}季度.xlsx`, await assessmentWorkbook(report));
  });

  r.get('/api/reports/assessment/rules', { config: { permission: 'registry:read' }, schema: { tags, summary: '读取考核计分规则（用于该地区下级的考核）', querystring: z.object({ region }) } }, async (req) =>
    assessment.rules(requireActor(req.actor), req.query.region),
  );
  r.put('/api/reports/assessment/rules', { config: { permission: 'targets:manage' }, schema: { tags, summary: '修改考核计分规则（rules 为 null 时恢复沿用上级或默认规则）', body: rulesBody } }, async (req) =>
    assessment.updateRules(requireActor(req.actor), req.ip, { version: req.body.version, region: req.body.region, rules: req.body.rules as AssessmentRules | null }),
  );
}
