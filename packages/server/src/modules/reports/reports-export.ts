import ExcelJS from '../../platform/excel.ts';
import {
  ASSESSMENT_INDICATOR_LABELS, ASSESSMENT_METHOD_LABELS, describeRule, formatPoints, neutraliseSpreadsheetCell,
} from '@zengshou/core';
import type { Workbook, Worksheet } from '../../platform/excel.ts';
import { percent, yuanOrDash } from './dispatch-figures.ts';
import type { DispatchReport, TownshipReview } from './reports.service.ts';
import type { AssessmentReport } from './assessment.service.ts';

export const DISPATCH_PROGRESS_HEADERS = ['地区', '新增线索', '识别纳入（县级审定通过）', '风险消除（县级审定通过）', '核实后不纳入', '新增帮扶措施', '完成帮扶措施', '月末逾期案件'];
export const TOWNSHIP_REVIEW_HEADERS = ['乡镇', '村', '户编号', '户主', '事项', '情况说明', '案件编号', '时限'];

/** Every text cell leaves through here: a value starting with = + - @ is neutralised (formula injection). */
const text = (v: string | null | undefined) => (v ? neutraliseSpreadsheetCell(v) : '');

/** Beijing time, minutes: "2026-03-02 09:00". */
function beijing(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A sheet opening with the title (region, period, report) and the generation time, then the header row. */
function sheet(wb: Workbook, name: string, title: string, generatedAt: string, headers: string[]): Worksheet {
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([text(title)]);
  ws.addRow([`生成时间：${beijing(generatedAt)}（北京时间）`]);
  ws.mergeCells(1, 1, 1, headers.length);
  ws.mergeCells(2, 1, 2, headers.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  const head = ws.addRow(headers);
  head.font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 18 : 14));
  return ws;
}

async function toBuffer(wb: Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function dispatchWorkbook(r: DispatchReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const title = `${r.region.name} ${r.period.label} 县级每月调度报告`;
  const figures = sheet(wb, '调度概况', title, r.generatedAt, ['类别', '指标', '数值']);
  for (const f of r.figures) figures.addRow([text(f.section), text(f.label), text(f.value)]);

  const progress = sheet(wb, '本月工作进展', `${title}（本月案件与帮扶措施进展，逾期截至 ${r.period.asOf}）`, r.generatedAt, DISPATCH_PROGRESS_HEADERS);
  for (const row of r.progress.rows) {
    progress.addRow([text(row.name), row.leadsOpened, row.identificationsApproved, row.eliminationsApproved, row.notIncluded, row.measuresAdded, row.measuresCompleted, row.overdueAtMonthEnd]);
  }
  const t = r.progress.total;
  progress.addRow(['合计', t.leadsOpened, t.identificationsApproved, t.eliminationsApproved, t.notIncluded, t.measuresAdded, t.measuresCompleted, t.overdueAtMonthEnd]).font = { bold: true };

  const children = sheet(wb, '下级地区', title, r.generatedAt, ['地区', '农户（户）', '人口（人）', '监测户', '人均纯收入（累计）', '预计全年', '目标', '同比增幅', '收入下降户占比', '经营收入下降户占比', '未处置预警', '逾期案件']);
  for (const c of r.children) {
    children.addRow([
      text(c.name), c.households, c.people, c.monitoredHouseholds, yuanOrDash(c.ytdPerCapitaNetFen), yuanOrDash(c.projectedPerCapitaNetFen),
      yuanOrDash(c.targetPerCapitaNetFen), percent(c.growthRate), percent(c.incomeFellShare), percent(c.businessFellShare), c.warningsOpen, c.casesOverdue,
    ]);
  }
  return toBuffer(wb);
}

export async function townshipReviewWorkbook(r: TownshipReview): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(wb, '研判清单', `${r.region.name} ${r.period.label} 乡级半月研判清单（共 ${r.households} 户）`, r.generatedAt, TOWNSHIP_REVIEW_HEADERS);
  for (const v of r.villages) {
    for (const i of v.items) {
      ws.addRow([text(i.townshipName), text(i.villageName), text(i.householdNo), text(i.headName), text(i.kindLabel), text(i.detail), text(i.caseNo), i.dueDate ?? '']);
    }
  }
  return toBuffer(wb);
}

export function assessmentHeaders(r: AssessmentReport): string[] {
  return ['排名', '地区', '总分', ...r.rules.rules.map((rule) => `${ASSESSMENT_INDICATOR_LABELS[rule.indicator]}（得分）`), '计分说明'];
}

export async function assessmentWorkbook(r: AssessmentReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const title = `${r.region.name} ${r.year}年第${r.quarter}季度 考核得分排名`;
  const ws = sheet(wb, '考核得分', title, r.generatedAt, assessmentHeaders(r));
  for (const s of r.scores) {
    ws.addRow([s.rank, text(s.name), s.total, ...s.items.map((i) => i.points), text(s.items.map((i) => i.explanation).join('；'))]);
  }
  const rules = sheet(wb, '计分规则', `${title}：计分规则（基础分 ${formatPoints(r.rules.baseScore)} 分）`, r.generatedAt, ['指标', '计分方式', '规则']);
  for (const rule of r.rules.rules) rules.addRow([ASSESSMENT_INDICATOR_LABELS[rule.indicator], ASSESSMENT_METHOD_LABELS[rule.method], text(describeRule(rule, r.referenceLabel))]);
  return toBuffer(wb);
}
