import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomeItems } from '@zengshou/core';
import type { AppDeps } from '../../platform/http/context.ts';
import type { CopyValue, Tx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { FocusService } from '../focus/focus.service.ts';
import { INCOME_RECORD_COPY_COLUMNS, incomeRecordCopyRow, itemsFromRow, refreshLatestIncome } from '../income/income.repository.ts';
import { evaluateIncome } from '../income/income-evaluation.ts';
import { withExcelTempFiles } from '../../platform/excel.ts';
import { logicCheckConfig } from '../income/logic-check-config.ts';
import { DEFAULT_IMPORT_LIMITS, FileRejectedError, inspectFile, readRows, type ImportLimits } from './file-source.ts';
import { layoutBySheetName, layoutForHeaders, type SheetKind } from './layouts.ts';
import { buildStageRow, isBlankRow, planSheet, type SheetPlan } from './row-builder.ts';
import * as repo from './imports.repository.ts';
import * as merge from './merge.repository.ts';
import { refreshRollupsAfterWrite } from '../rollups/rollups.service.ts';

export type ImportMode = 'all-or-nothing' | 'valid-rows';

export interface ImportActor {
  userId: string | null;
  username: string;
  scope: string;
  ip?: string | null;
}

export interface ImportProgress {
  jobId: string;
  phase: 'reading' | 'checking' | 'applying' | 'done';
  rowsDone: number;
  rowsBad: number;
  /** Estimated data rows in the file (from the sheets' declared size or the CSV's bytes), when known. */
  rowsTotal: number | null;
}

export interface ImportSummary {
  rowsRead: number;
  rowsBad: number;
  households: merge.MergeCounts & { unchanged: number };
  members: merge.MergeCounts & { unchanged: number };
  income: { newPeriods: number; revised: number; unchanged: number; toVerify: number };
  /** One-household plans (一户一策) closed out or reopened by the imported income. */
  focusPlans: { closedOut: number; reopened: number };
}

export interface ImportResult {
  jobId: string | null;
  status: 'succeeded' | 'failed' | 'rejected';
  dryRun: boolean;
  message: string;
  summary: ImportSummary | null;
}

const STAGE_CHUNK = 5_000;
const INCOME_PAGE = 5_000;

class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

/**
 * Streaming, set-based import of households, members and income (.xlsx or .csv):
 * 1. read → check each row in core → COPY good rows into staging, in short transactions (progress is visible);
 * 2. cross-row and database checks as SQL over the staged rows;
 * 3. one merge transaction: upserts that leave identical rows alone, income revisions for changed periods only.
 * A crash before step 3 commits leaves the live tables untouched; running the file again completes it.
 */
export class ImportService {
  readonly progress = new Map<string, ImportProgress>();

  constructor(private readonly deps: AppDeps) {}

  async importFile(
    actor: ImportActor,
    file: { path: string; name: string },
    options: { mode: ImportMode; dryRun: boolean; limits?: Partial<ImportLimits>; onProgress?: (p: ImportProgress) => void },
  ): Promise<ImportResult> {
    const limits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
    const { db, audit } = this.deps;
    const size = (await stat(file.path)).size;
    const sha = await sha256(file.path);
    const job = (await repo.insertJob(db.orm, {
      sha, name: file.name, size, mode: options.mode, dryRun: options.dryRun, scope: actor.scope, userId: actor.userId,
    }))!;
    const progress: ImportProgress = { jobId: job.id, phase: 'reading', rowsDone: 0, rowsBad: 0, rowsTotal: null };
    const report = (p: Partial<ImportProgress>) => {
      Object.assign(progress, p);
      this.progress.set(job.id, { ...progress });
      options.onProgress?.({ ...progress });
    };
    const auditBase = {
      actor: actor.userId ? { userId: actor.userId, username: actor.username } : null, username: actor.username,
      ip: actor.ip ?? null, regionCode: actor.scope, entity: 'import', entityId: job.id,
    };
    try {
      const kind = await inspectFile(file.path, file.name, limits);
      report({ rowsTotal: null });
      // Temporary files ExcelJS spools while reading are removed however the reading ends.
      const rowsRead = await withExcelTempFiles(() => this.stage(job.id, file, kind, limits, report));
      report({ phase: 'checking' });
      await db.transaction((tx) => repo.crossCheck(tx, job.id, actor.scope));
      const rowsBad = await repo.countBadRows(db.orm, job.id);
      report({ rowsBad });
      if (rowsBad > 0 && options.mode === 'all-or-nothing') {
        const message = `发现 ${rowsBad} 行有误；按“全部或全不”方式导入，未写入任何数据。请下载错误报告修正后重新导入。`;
        await this.finish(job.id, 'failed', message, { rowsRead, rowsBad }, auditBase);
        return { jobId: job.id, status: 'failed', dryRun: options.dryRun, message, summary: null };
      }
      report({ phase: 'applying' });
      let summary: ImportSummary;
      try {
        summary = await db.transaction(async (tx) => {
          const s = await this.apply(tx, job.id, actor, rowsRead, rowsBad);
          if (options.dryRun) throw new DryRunRollback(s);
          await audit.append(tx, { ...auditBase, action: 'import.apply', outcome: 'success', detail: { file: file.name, sha256: sha, ...s } });
          return s;
        });
      } catch (error) {
        if (!(error instanceof DryRunRollback)) throw error;
        summary = error.summary;
      }
      if (!options.dryRun) await refreshRollupsAfterWrite(this.deps);
      const message = options.dryRun ? `试导入完成：${describe(summary)}（未写入数据）` : `导入完成：${describe(summary)}`;
      await this.finish(job.id, 'succeeded', message, summary, options.dryRun ? auditBase : null);
      report({ phase: 'done' });
      return { jobId: job.id, status: 'succeeded', dryRun: options.dryRun, message, summary };
    } catch (error) {
      const rejected = error instanceof FileRejectedError;
      const message = error instanceof DomainError ? error.message : `导入失败：${(error as Error).message}`;
      await this.finish(job.id, rejected ? 'rejected' : 'failed', message, null, auditBase).catch(() => undefined);
      report({ phase: 'done' });
      if (!rejected && !(error instanceof DomainError)) throw error;
      return { jobId: job.id, status: rejected ? 'rejected' : 'failed', dryRun: options.dryRun, message, summary: null };
    } finally {
      await repo.dropStaging(db.orm, [job.id]).catch(() => undefined);
    }
  }

  private async finish(
    jobId: string,
    status: 'succeeded' | 'failed' | 'rejected',
    message: string,
    summary: unknown,
    auditBase: Record<string, unknown> | null,
  ) {
    const { db, clock, audit } = this.deps;
    await repo.finishJob(db.orm, jobId, status, message, summary, clock.now());
    if (auditBase) {
      await audit.appendStandalone({
        ...(auditBase as object),
        action: status === 'succeeded' ? 'import.dry_run' : 'import.refused',
        outcome: status === 'succeeded' ? 'success' : 'failure',
        detail: { message, summary },
      } as Parameters<typeof audit.appendStandalone>[0]);
    }
  }

  /** Phase 1: stream the file, check rows one by one, COPY the good ones into staging in chunks. */
  private async stage(
    jobId: string,
    file: { path: string; name: string },
    kind: 'xlsx' | 'csv',
    limits: ImportLimits,
    report: (p: Partial<ImportProgress>) => void,
  ): Promise<number> {
    const { db } = this.deps;
    const buffers: Record<SheetKind, CopyValue[][]> = { households: [], members: [], income: [] };
    let errors: repo.RowError[] = [];
    let rowsRead = 0;
    let rowsBad = 0;
    let currentSheet: string | null = null;
    let plan: SheetPlan | null = null;
    let skipSheet = false;

    const flush = async () => {
      const pending = buffers;
      const pendingErrors = errors;
      errors = [];
      await db.transaction(async (tx) => {
        for (const k of Object.keys(pending) as SheetKind[]) {
          if (pending[k].length > 0) await tx.copyRows(`import_stage_${k}`, repo.STAGE_COLUMNS[k], pending[k]);
          pending[k] = [];
        }
        await repo.insertRowErrors(tx, jobId, pendingErrors);
        await repo.updateJobProgress(tx.orm, jobId, rowsRead, rowsBad, rowsRead);
      });
      report({ rowsDone: rowsRead, rowsBad });
    };

    for await (const row of readRows(file.path, kind, file.name, limits)) {
      if (row.sheet !== currentSheet) {
        // First row of a sheet: its header decides the layout.
        currentSheet = row.sheet;
        plan = null;
        skipSheet = false;
        const layout = layoutBySheetName(row.sheet) ?? layoutForHeaders(row.values);
        if (!layout) {
          skipSheet = true; // the instructions sheet, or anything that is not one of ours
          continue;
        }
        const planned = planSheet(layout, row.values);
        if ('missing' in planned) {
          errors.push({ sheet: row.sheet, rowNo: row.rowNo, column: planned.missing.join('、'), value: null, reason: `缺少必填列：${planned.missing.join('、')}` });
          rowsBad++;
          skipSheet = true;
          continue;
        }
        plan = planned.plan;
        continue;
      }
      if (skipSheet || !plan || isBlankRow(row.values)) continue;
      rowsRead++;
      const built = buildStageRow(plan, jobId, row.sheet, row.rowNo, row.values);
      if ('errors' in built) {
        rowsBad++;
        errors.push(...built.errors);
      } else buffers[plan.layout.kind].push(built.row);
      if (rowsRead % STAGE_CHUNK === 0) await flush();
    }
    await flush();
    if (rowsRead === 0 && rowsBad === 0) throw new FileRejectedError('文件中没有可导入的数据：请使用导入模板，表头需包含“户编号”等列');
    return rowsRead;
  }

  /** Phase 3, inside the merge transaction (also the national-format exchange's, which adds its cases to the same one). */
  async apply(tx: Tx, jobId: string, actor: ImportActor, rowsRead: number, rowsBad: number): Promise<ImportSummary> {
    const { clock } = this.deps;
    const now = clock.now();
    const counts = await repo.stagedOkCounts(tx.orm, jobId);
    const { config } = await logicCheckConfig(tx.orm);
    const households = await merge.mergeHouseholds(tx, jobId);
    await merge.syncAssistanceHistory(tx, jobId, now.toISOString().slice(0, 10));
    const members = await merge.mergeMembers(tx, jobId, actor.scope);
    const changed = await merge.stageChangedIncome(tx, jobId, actor.scope);
    await merge.supersedeChangedIncome(tx, now);
    let newPeriods = 0;
    let toVerify = 0;
    let cursor: merge.PeriodKey | null = null;
    // Items of the periods just evaluated: the previous quarter of a row is usually the row before it.
    let recent = new Map<string, IncomeItems>();
    const key = (county: string, household: string, year: number, quarter: number) => `${county}|${household}|${year}|${quarter}`;
    for (;;) {
      const page = await merge.changedIncomePage(tx, cursor, INCOME_PAGE);
      if (page.length === 0) break;
      const households = new Map<string, { county: string; household: string }>();
      for (const r of page) households.set(`${r.county_code}|${r.household_id}`, { county: r.county_code, household: r.household_id });
      const facts = new Map((await merge.householdFacts(tx, [...households.values()])).map((f) => [`${f.county_code}|${f.id}`, f]));
      const pageItems = new Map(page.map((r) => [key(r.county_code, r.household_id, r.year, r.quarter), itemsFromRow(r)]));
      const missing = page
        .filter((r) => r.quarter > 1 && !pageItems.has(key(r.county_code, r.household_id, r.year, r.quarter - 1)) && !recent.has(key(r.county_code, r.household_id, r.year, r.quarter - 1)))
        .map((r) => ({ county: r.county_code, household: r.household_id, year: r.year, quarter: r.quarter - 1 }));
      const fromDb = new Map(
        missing.length === 0 ? [] : (await merge.currentRecordsOf(tx, missing)).map((r) => [key(r.county_code, r.household_id, r.year, r.quarter), itemsFromRow(r)] as const),
      );
      const rows: CopyValue[][] = [];
      for (const r of page) {
        const items = pageItems.get(key(r.county_code, r.household_id, r.year, r.quarter))!;
        const prevKey = key(r.county_code, r.household_id, r.year, r.quarter - 1);
        const previous = r.quarter > 1 ? pageItems.get(prevKey) ?? recent.get(prevKey) ?? fromDb.get(prevKey) ?? null : null;
        const f = facts.get(`${r.county_code}|${r.household_id}`)!;
        const e = evaluateIncome({
          year: r.year, quarter: r.quarter, items, householdType: f.household_type, monitored: f.monitored,
          monitoringLineFen: null, members: f.members, previousQuarterItems: previous, config,
        });
        if (r.is_new) newPeriods++;
        if (e.status === 'to_verify') toVerify++;
        rows.push(incomeRecordCopyRow(
          { countyCode: r.county_code, householdId: r.household_id, villageCode: r.village_code, year: r.year, quarter: r.quarter, items, remark: r.remark },
          e,
          { source: `import:${jobId}`, recordedBy: actor.userId, at: now },
        ));
      }
      await tx.copyRows('income_records', INCOME_RECORD_COPY_COLUMNS, rows);
      recent = pageItems;
      const last = page[page.length - 1]!;
      cursor = { county: last.county_code, household: last.household_id, year: last.year, quarter: last.quarter };
    }

    await refreshLatestIncome(tx.orm, merge.touchedByIncome);
    // Plans whose target the imported income now meets are closed out (销号), slipped ones reopened: one set-based pass.
    const plans = await new FocusService(this.deps).refreshPlanStatuses(actor.scope, this.deps.clock.now(), { tx, by: actor });
    return {
      rowsRead,
      rowsBad,
      households: { ...households, unchanged: counts.households - households.inserted - households.updated },
      members: { ...members, unchanged: counts.members - members.inserted - members.updated },
      income: { newPeriods, revised: changed - newPeriods, unchanged: counts.income - changed, toVerify },
      focusPlans: { closedOut: plans.closedOut, reopened: plans.reopened },
    };
  }
}

function describe(s: ImportSummary): string {
  return `读取 ${s.rowsRead} 行，有误 ${s.rowsBad} 行；户 新增 ${s.households.inserted}、更新 ${s.households.updated}、未变 ${s.households.unchanged}；` +
    `成员 新增 ${s.members.inserted}、更新 ${s.members.updated}、未变 ${s.members.unchanged}；` +
    `收入 新增 ${s.income.newPeriods}、修订 ${s.income.revised}、未变 ${s.income.unchanged}（待核实 ${s.income.toVerify}）`;
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
