import { PassThrough } from 'node:stream';
import ExcelJS from '../../platform/excel.ts';
import {
  ASSISTANCE_STATUS, HOUSEHOLD_TYPE, MONITORING_CATEGORY, fenToYuan, labelOf, maskIdNumber, maskPhone, neutraliseSpreadsheetCell, validateIdNumber,
} from '@zengshou/core';
import type { Actor, AppDeps } from '../../platform/http/context.ts';
import { queryRows, sql } from '../../platform/db/sql.ts';
import { iterateHouseholds, type HouseholdFilter } from './households.repository.ts';
import { regionWithinScope } from './registry.service.ts';

const HEADERS = ['户编号', '乡镇', '村', '户主姓名', '户主身份证号', '户类型', '低保特困', '监测类别', '人口', '联系电话',
  '最新收入期', '人均纯收入（元/年）', '逻辑校验问题数', '住房不安全', '饮水不安全', '失学辍学', '未参加医保'];

/** Text cells only ever leave through here: a value starting with = + - @ is neutralised (formula injection). */
function cell(v: string | null | undefined): string {
  return v ? neutraliseSpreadsheetCell(v) : '';
}

/**
 * Household list → .xlsx, streamed page by page. ID numbers and phones are masked unless the caller asked for the
 * full values and holds `personal:unmask`; every export is audited with its filter, row count and whether it was
 * unmasked — before the first byte leaves.
 */
export async function exportHouseholds(deps: AppDeps, actor: Actor, ip: string, filter: Omit<HouseholdFilter, 'region'> & { region?: string | undefined }, wantUnmasked: boolean) {
  const unmasked = wantUnmasked && actor.permissions.has('personal:unmask');
  const f: HouseholdFilter = { ...filter, region: regionWithinScope(actor, filter.region) };
  await deps.audit.appendStandalone({
    action: 'export', outcome: 'success', actor, ip, regionCode: f.region, entity: 'households',
    // The audit trail is read by the auditor, who may not see ID numbers: a searched ID is recorded masked.
    detail: { filter: { ...f, search: f.search && validateIdNumber(f.search).ok ? maskIdNumber(f.search) : f.search }, unmasked, format: 'xlsx' },
  });
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('农户名单');
  ws.addRow(HEADERS).commit();
  void (async () => {
    try {
      for await (const page of iterateHouseholds(deps.db.orm, f)) {
        const heads = await queryRows<{ household_id: string; name: string; id_number: string }>(
          deps.db.orm,
          sql`SELECT household_id, name, id_number FROM members WHERE relation = 'head'
              AND (county_code, household_id) IN (SELECT unnest(${sql.param(page.map((h) => h.county_code))}::text[]), unnest(${sql.param(page.map((h) => h.id))}::uuid[]))`,
        );
        const headOf = new Map(heads.map((h) => [h.household_id, h]));
        for (const h of page) {
          const head = headOf.get(h.id);
          ws.addRow([
            cell(h.household_no), cell(h.township_name), cell(h.village_name), cell(head?.name),
            head ? (unmasked ? head.id_number : maskIdNumber(head.id_number)) : '',
            labelOf(HOUSEHOLD_TYPE, h.household_type as never), labelOf(ASSISTANCE_STATUS, h.assistance_status as never),
            labelOf(MONITORING_CATEGORY, h.monitoring_category as never), h.member_count,
            h.phone ? (unmasked ? h.phone : maskPhone(h.phone)) : '',
            h.latest_year ? `${h.latest_year}年第${h.latest_quarter}季度` : '',
            h.latest_per_capita_annual === null ? '' : Number(fenToYuan(h.latest_per_capita_annual)),
            h.latest_check_errors + h.latest_check_warnings,
            yes(h.unsafe_housing), yes(h.unsafe_water), yes(h.school_dropout), yes(h.uninsured_member),
          ]).commit();
        }
      }
      ws.commit();
      await wb.commit();
    } catch (error) {
      stream.destroy(error as Error);
    }
  })();
  return { stream, fileName: `农户名单-${f.region}-${deps.clock.now().toISOString().slice(0, 10)}.xlsx` };
}

const yes = (b: boolean) => (b ? '是' : '否');
