import {
  CASE_STATE_LABELS, caseRowFromState, chinaDate, synthesizeCaseHistory, type CaseActor, type CaseConfig, type CaseStatus, type ExchangeCaseRow,
} from '@zengshou/core';
import type { AppDeps } from '../../platform/http/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { CasesService, storeCaseHistory } from '../cases/cases.service.ts';
import * as casesRepo from '../cases/cases.repository.ts';
import type { RowError } from '../imports/imports.repository.ts';
import { householdsForCases } from './exchange.repository.ts';

export interface StagedCaseRow {
  sheet: string;
  rowNo: number;
  row: ExchangeCaseRow;
}

export interface CaseMergeCounts {
  inserted: number;
  unchanged: number;
}

type ShownCase = Omit<ExchangeCaseRow, 'householdNo' | 'villageCode'>;
const canonical = (r: ShownCase) => JSON.stringify([
  r.category, r.identifiedOn, r.riskTypes, r.disasterSubtype, Object.entries(r.measures).sort(), r.elimination?.way ?? null, r.elimination?.month ?? null,
]);

/** The stored case shows exactly what the file's row says (what the export would write for it). */
function sameAsFile(existing: ShownCase | null, row: ExchangeCaseRow): boolean {
  return existing !== null && canonical(existing) === canonical(row);
}

/**
 * Monitoring rows → cases, inside the exchange's merge transaction (after households, members and income). A row
 * whose household already has a case approved the same day with the same content is left alone (a repeated import
 * changes nothing); otherwise a history ending in the row's state is synthesized, checked step by step by core and
 * stored as events. Rows that cannot be stored come back as row errors; the caller rolls everything back then.
 */
export async function mergeCases(
  deps: AppDeps,
  tx: Tx,
  rows: readonly StagedCaseRow[],
  importer: { userId: string; username: string; scope: string },
): Promise<{ counts: CaseMergeCounts; errors: RowError[] }> {
  const errors: RowError[] = [];
  const counts: CaseMergeCounts = { inserted: 0, unchanged: 0 };
  if (rows.length === 0) return { counts, errors };
  const households = new Map((await householdsForCases(tx, importer.scope, [...new Set(rows.map((r) => r.row.householdNo))])).map((h) => [h.household_no, h]));
  const service = new CasesService(deps);
  // Thresholds are per region; a county's thousands of rows share a handful of villages' settings.
  const configs = new Map<string, CaseConfig>();
  const today = chinaDate(deps.clock.now().toISOString())!;
  // The history is the importer's act on behalf of the national system's decisions: each step under the role it needs.
  const as = (role: CaseActor['roles'][number]): CaseActor => ({ userId: importer.userId, roles: [role] });
  const actors = { clerk: as('village_clerk'), reviewer: as('township_reviewer'), county: as('county_admin') };
  const fail = (s: StagedCaseRow, column: string, value: string | null, reason: string) => errors.push({ sheet: s.sheet, rowNo: s.rowNo, column, value, reason });
  // Older identifications first, so a household's eliminated case is stored before the one that followed it.
  const ordered = [...rows].sort((a, b) => a.row.householdNo.localeCompare(b.row.householdNo) || a.row.identifiedOn.localeCompare(b.row.identifiedOn) || a.rowNo - b.rowNo);
  for (const s of ordered) {
    const { row } = s;
    const h = households.get(row.householdNo);
    if (!h) {
      fail(s, '户编号', row.householdNo, '户编号不存在（户信息中没有，系统中也没有），或该户不在您的管辖范围内');
      continue;
    }
    if (h.village_code !== row.villageCode) {
      fail(s, '村级区划代码', row.villageCode, `与该户登记的村级区划代码 ${h.village_code} 不一致`);
      continue;
    }
    const sameDay = h.cases.find((c) => c.state.approvedAt && chinaDate(c.state.approvedAt) === row.identifiedOn);
    if (sameDay) {
      if (sameAsFile(caseRowFromState(sameDay.state), row)) counts.unchanged++;
      else fail(s, '识别时间', row.identifiedOn, '系统中该户已有同一识别时间的监测记录，但类别、风险类型、措施或消除情况与文件不同；变更请在系统中办理');
      continue;
    }
    const running = h.cases.find((c) => c.status !== 'eliminated' && c.status !== 'closed_not_included');
    if (running) {
      fail(s, '识别时间', row.identifiedOn, `该户在系统中已有正在办理的案件（${CASE_STATE_LABELS[running.status as CaseStatus] ?? running.status}），不能再导入一条监测记录`);
      continue;
    }
    const config = configs.get(h.village_code) ?? (await service.config(h.village_code, tx.orm));
    configs.set(h.village_code, config);
    const history = synthesizeCaseHistory(row, { householdId: h.id, actors, config, today });
    if (!history.ok) {
      fail(s, history.column, null, history.reason);
      continue;
    }
    const year = Number(history.events[0]!.at.slice(0, 4));
    const caseNo = `${h.county_code}-${year}-${String(await casesRepo.nextCaseNumber(tx, h.county_code, year)).padStart(5, '0')}`;
    const { state } = await storeCaseHistory(tx, { countyCode: h.county_code, householdId: h.id, villageCode: h.village_code }, history.events, {
      config, caseNo, source: 'cadre', warningId: null, facts: history.facts, actorName: () => `${importer.username}（国家系统格式导入）`,
    });
    // As the workflow does at the county approval: the household carries the category of its latest inclusion.
    await casesRepo.setHouseholdCategory(tx, h.county_code, h.id, row.category);
    h.cases.push({ status: state.status!, state });
    counts.inserted++;
  }
  return { counts, errors };
}
