import { PassThrough } from 'node:stream';
import ExcelJS from '../../platform/excel.ts';
import {
  FOCUS_GROUP_LABELS, HOUSEHOLD_TYPE, MEASURE_CATEGORY_LABELS, NO_PLAN_LABEL, PLAN_STATUS_LABELS, fenToYuan, labelOf,
  neutraliseSpreadsheetCell, type FocusGroup, type MeasureCategory, type PlanStatusFilter,
} from '@zengshou/core';
import type { Actor, AppDeps } from '../../platform/http/context.ts';
import { regionWithinScope } from '../registry/registry.service.ts';
import { iterateLedger, type LedgerRow } from './focus.repository.ts';
import type { FocusService } from './focus.service.ts';

const HEADERS = ['户编号', '乡镇', '村', '户主姓名', '户类型', '当前所属群体', '最新收入期', '人均纯收入（元/年）', '上年同期（元/年）',
  '增减（元）', '方案状态', '包保干部', '目标年度', '人均纯收入目标（元）', '工资性收入目标（元）', '经营净收入目标（元）',
  '财产净收入目标（元）', '转移净收入目标（元）', '距目标差额（元）', '帮扶措施'];

/** Text cells only ever leave through here: a value starting with = + - @ is neutralised (formula injection). */
function cell(v: string | null | undefined): string {
  return v ? neutraliseSpreadsheetCell(v) : '';
}

const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : Number(fenToYuan(fen)));

function measuresText(measures: LedgerRow['measures']): string {
  return (measures ?? [])
    .map((m, i) => `${i + 1}. ${m.category ? `【${MEASURE_CATEGORY_LABELS[m.category as MeasureCategory] ?? m.category}】` : ''}${m.text}`)
    .join('\n');
}

function rowOf(r: LedgerRow): (string | number)[] {
  const groups = [r.low_now ? 'low_income' : null, r.fell_now ? 'income_fell' : null].filter((g): g is FocusGroup => g !== null);
  return [
    cell(r.household_no), cell(r.township_name), cell(r.village_name), cell(r.head_name),
    labelOf(HOUSEHOLD_TYPE, r.household_type as never), groups.map((g) => FOCUS_GROUP_LABELS[g]).join('、'),
    r.year ? `${r.year}年第${r.quarter}季度` : '', yuan(r.pc), yuan(r.prev_pc),
    r.pc !== null && r.prev_pc !== null ? yuan(r.pc - r.prev_pc) : '',
    r.plan_status ? PLAN_STATUS_LABELS[r.plan_status] : NO_PLAN_LABEL, cell(r.cadre_name), r.target_year ?? '',
    yuan(r.target_per_capita_fen), yuan(r.target_wage_fen), yuan(r.target_business_fen), yuan(r.target_property_fen),
    yuan(r.target_transfer_fen), r.target_per_capita_fen !== null && r.pc !== null ? yuan(r.target_per_capita_fen - r.pc) : '',
    cell(measuresText(r.measures)),
  ];
}

/**
 * A focus ledger → .xlsx, streamed page by page. It carries no ID number and no phone (neither the household's nor
 * the cadre's): a ledger is passed around township offices. Audited as an export before the first byte leaves.
 */
export async function exportLedger(
  deps: AppDeps,
  focus: FocusService,
  actor: Actor,
  ip: string,
  filter: { group: FocusGroup; region?: string | undefined; planStatus?: PlanStatusFilter | undefined },
) {
  const region = regionWithinScope(actor, filter.region);
  const config = await focus.config();
  const f = { region, group: filter.group, planStatus: filter.planStatus };
  await deps.audit.appendStandalone({
    action: 'export', outcome: 'success', actor, ip, regionCode: region, entity: 'focus_ledger',
    detail: { filter: f, unmasked: false, format: 'xlsx' },
  });
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet(FOCUS_GROUP_LABELS[filter.group]);
  ws.addRow(HEADERS).commit();
  void (async () => {
    try {
      const rules = { thresholdFen: config.lowIncomeThresholdFen, householdTypes: config.householdTypes };
      for await (const page of iterateLedger(deps.db.orm, f, rules)) {
        for (const r of page) ws.addRow(rowOf(r)).commit();
      }
      ws.commit();
      await wb.commit();
    } catch (error) {
      stream.destroy(error as Error);
    }
  })();
  const day = deps.clock.now().toISOString().slice(0, 10);
  return { stream, fileName: `重点群体台账-${FOCUS_GROUP_LABELS[filter.group]}-${region}-${day}.xlsx` };
}
