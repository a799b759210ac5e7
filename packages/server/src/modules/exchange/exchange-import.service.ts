import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import {
  EXCHANGE_INFO_KEYS, EXCHANGE_INFO_SHEET, exchangeSheetByName, normaliseText, parseCaseRow, readTextCell, type ExchangeSheet,
} from '@zengshou/core';
import type { AppDeps } from '../../platform/http/context.ts';
import type { CopyValue } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { withExcelTempFiles } from '../../platform/excel.ts';
import { DEFAULT_IMPORT_LIMITS, FileRejectedError, inspectFile, readRows } from '../imports/file-source.ts';
import { HOUSEHOLD_LAYOUT, INCOME_LAYOUT, MEMBER_LAYOUT, type SheetKind, type SheetLayout } from '../imports/layouts.ts';
import { buildStageRow, isBlankRow, type SheetPlan } from '../imports/row-builder.ts';
import type { ImportService, ImportSummary } from '../imports/imports.service.ts';
import * as importsRepo from '../imports/imports.repository.ts';
import { refreshStaleRollups } from '../rollups/rollups.service.ts';
import { mergeCases, type CaseMergeCounts, type StagedCaseRow } from './exchange-case-merge.ts';

export const MASKED_FILE_MESSAGE =
  '该文件中的身份证号已脱敏（如 533423********1234），无法导入：脱敏后的号码不能确定是哪一个人。请由有“查看完整个人信息”权限的账号重新导出后再导入。';

export interface ExchangeImporter {
  userId: string;
  username: string;
  scope: string;
  ip?: string | null;
}

export interface ExchangeProgress {
  jobId: string;
  phase: 'reading' | 'checking' | 'applying' | 'done';
  rowsDone: number;
  rowsBad: number;
}

export interface ExchangeSummary extends ImportSummary {
  cases: CaseMergeCounts;
}

export interface ExchangeResult {
  jobId: string;
  status: 'succeeded' | 'failed' | 'rejected';
  dryRun: boolean;
  message: string;
  summary: ExchangeSummary | null;
}

const LAYOUT_OF: Partial<Record<ExchangeSheet['kind'], SheetLayout>> = { households: HOUSEHOLD_LAYOUT, members: MEMBER_LAYOUT, income: INCOME_LAYOUT };
const STAGE_CHUNK = 5_000;
/** Monitoring rows are held in memory until the merge: a county has a few thousand, far below this. */
const MAX_CASE_ROWS = 200_000;
const MASKED_ID = /^\d{6}\*{4,}\d{3}[\dX]$/i;

class Rollback extends Error {
  constructor(readonly summary: ExchangeSummary, readonly errors: importsRepo.RowError[]) {
    super('rollback');
  }
}

/**
 * Import of the national-format exchange file. Households, members and income go through the registry import's
 * own row checks, staging, cross-row checks and merge (so they meet exactly the rules of a normal import); the
 * monitoring rows are parsed by core and turned into case histories in the same transaction. Any bad row in any
 * sheet means nothing is written (the file is one exchange, not a set of independent rows); a dry run does the
 * whole merge and rolls it back, so it reports the same errors an apply would.
 */
export class ExchangeImportService {
  readonly progress = new Map<string, ExchangeProgress>();

  constructor(private readonly deps: AppDeps, private readonly imports: ImportService) {}

  async importFile(importer: ExchangeImporter, file: { path: string; name: string }, o: { dryRun: boolean; onProgress?: (p: ExchangeProgress) => void }): Promise<ExchangeResult> {
    const { db, audit, clock } = this.deps;
    const size = (await stat(file.path)).size;
    const sha = await sha256(file.path);
    const job = (await importsRepo.insertJob(db.orm, { sha, name: file.name, size, mode: 'all-or-nothing', dryRun: o.dryRun, scope: importer.scope, userId: importer.userId }))!;
    const progress: ExchangeProgress = { jobId: job.id, phase: 'reading', rowsDone: 0, rowsBad: 0 };
    const report = (p: Partial<ExchangeProgress>) => {
      Object.assign(progress, p);
      this.progress.set(job.id, { ...progress });
      o.onProgress?.({ ...progress });
    };
    const auditBase = {
      actor: { userId: importer.userId, username: importer.username }, ip: importer.ip ?? null, regionCode: importer.scope,
      entity: 'national_exchange_import', entityId: job.id,
    };
    const finish = async (status: 'succeeded' | 'failed' | 'rejected', message: string, summary: ExchangeSummary | null, audited: boolean) => {
      await importsRepo.finishJob(db.orm, job.id, status, message, summary, clock.now());
      if (audited) {
        await audit.appendStandalone({
          ...auditBase, action: status === 'succeeded' ? 'exchange.import_dry_run' : 'exchange.import_refused',
          outcome: status === 'succeeded' ? 'success' : 'failure', detail: { file: file.name, sha256: sha, message, summary },
        });
      }
      report({ phase: 'done' });
      return { jobId: job.id, status, dryRun: o.dryRun, message, summary };
    };
    try {
      if ((await inspectFile(file.path, file.name, DEFAULT_IMPORT_LIMITS)) !== 'xlsx') throw new FileRejectedError('国家系统格式交换文件须为 .xlsx 文件');
      const staged = await withExcelTempFiles(() => this.stage(job.id, file.path, report));
      report({ phase: 'checking' });
      await db.transaction((tx) => importsRepo.crossCheck(tx, job.id, importer.scope));
      report({ phase: 'applying' });
      let summary: ExchangeSummary;
      let caseErrors: importsRepo.RowError[] = [];
      try {
        summary = await db.transaction(async (tx) => {
          const badSoFar = await importsRepo.countBadRows(tx.orm, job.id);
          const registry = await this.imports.apply(tx, job.id, importer, staged.rowsRead, badSoFar);
          const cases = await mergeCases(this.deps, tx, staged.cases, importer);
          const s: ExchangeSummary = { ...registry, cases: cases.counts };
          if (o.dryRun || badSoFar > 0 || cases.errors.length > 0) throw new Rollback(s, cases.errors);
          await audit.append(tx, { ...auditBase, action: 'exchange.import', outcome: 'success', detail: { file: file.name, sha256: sha, ...s } });
          return s;
        });
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
        summary = error.summary;
        caseErrors = error.errors;
      }
      if (caseErrors.length > 0) await db.transaction((tx) => importsRepo.insertRowErrors(tx, job.id, caseErrors));
      const rowsBad = await importsRepo.countBadRows(db.orm, job.id);
      summary = { ...summary, rowsBad };
      report({ rowsBad });
      if (rowsBad > 0) return await finish('failed', `发现 ${rowsBad} 行有误，未写入任何数据。请按错误列表修正后重新导入。`, summary, true);
      if (o.dryRun) return await finish('succeeded', `试导入完成，未写入数据：${describe(summary)}`, summary, true);
      await refreshStaleRollups(this.deps);
      return await finish('succeeded', `导入完成：${describe(summary)}`, summary, false);
    } catch (error) {
      const rejected = error instanceof FileRejectedError;
      const message = error instanceof DomainError ? error.message : `导入失败：${(error as Error).message}`;
      const result = await finish(rejected ? 'rejected' : 'failed', message, null, true).catch(() => null);
      if (!rejected && !(error instanceof DomainError)) throw error;
      return result ?? { jobId: job.id, status: rejected ? 'rejected' : 'failed', dryRun: o.dryRun, message, summary: null };
    } finally {
      await importsRepo.dropStaging(db.orm, [job.id]).catch(() => undefined);
    }
  }

  /** Streams the file once: registry sheets into the import's staging tables, monitoring rows into memory. */
  private async stage(jobId: string, path: string, report: (p: Partial<ExchangeProgress>) => void) {
    const { db } = this.deps;
    const buffers: Record<SheetKind, CopyValue[][]> = { households: [], members: [], income: [] };
    const cases: StagedCaseRow[] = [];
    let errors: importsRepo.RowError[] = [];
    let rowsRead = 0;
    let rowsBad = 0;
    let current = null as { name: string; sheet: ExchangeSheet | null; positions: Map<string, number> | null; info: boolean } | null;

    const flush = async () => {
      const pendingErrors = errors;
      errors = [];
      await db.transaction(async (tx) => {
        for (const k of Object.keys(buffers) as SheetKind[]) {
          if (buffers[k].length > 0) await tx.copyRows(`import_stage_${k}`, importsRepo.STAGE_COLUMNS[k], buffers[k]);
          buffers[k] = [];
        }
        await importsRepo.insertRowErrors(tx, jobId, pendingErrors);
        await importsRepo.updateJobProgress(tx.orm, jobId, rowsRead, rowsBad, rowsRead);
      });
      report({ rowsDone: rowsRead, rowsBad });
    };

    for await (const { sheet: name, rowNo, values: raw } of readRows(path, 'xlsx', 'exchange.xlsx', DEFAULT_IMPORT_LIMITS)) {
      if (current?.name !== name) {
        const sheet = exchangeSheetByName(name);
        current = { name, sheet, positions: null, info: name.trim() === EXCHANGE_INFO_SHEET };
        if (sheet) {
          // Compared in the normalised form: full-width brackets in a header typed by hand match ours.
          const at = new Map(raw.map((h, i) => [normaliseText(h), i]));
          const indexOf = (header: string) => at.get(normaliseText(header));
          const missing = sheet.columns.filter((c) => c.required && indexOf(c.header) === undefined).map((c) => c.header);
          if (missing.length > 0) {
            errors.push({ sheet: name, rowNo, column: missing.join('、'), value: null, reason: `缺少必填列：${missing.join('、')}` });
            rowsBad++;
            current.sheet = null;
          } else {
            current.positions = new Map(sheet.columns.flatMap((c) => (c.key && indexOf(c.header) !== undefined ? [[c.key, indexOf(c.header)!] as const] : [])));
          }
          continue;
        }
      }
      if (current.info) {
        if (normaliseText(raw[0]) === EXCHANGE_INFO_KEYS.masked && normaliseText(raw[1]) === '是') throw new FileRejectedError(MASKED_FILE_MESSAGE);
        continue;
      }
      if (!current.sheet || !current.positions || isBlankRow(raw)) continue;
      // What our export neutralised against formula injection comes back as the text it was.
      const values = raw.map((v) => (typeof v === 'string' ? readTextCell(v) : v));
      const positions = current.positions;
      rowsRead++;
      if (current.sheet.kind === 'cases') {
        if (cases.length >= MAX_CASE_ROWS) throw new FileRejectedError(`监测信息超过 ${MAX_CASE_ROWS} 行，请按地区拆分后导入`);
        const cell = (key: string) => (positions.has(key) ? values[positions.get(key)!] : null);
        const base = { householdNo: normaliseText(cell('householdNo')), villageCode: normaliseText(cell('villageCode')) };
        const parsed = parseCaseRow(base, cell);
        const problems = parsed.ok ? [] : parsed.problems;
        if (!/^[0-9A-Za-z-]{1,30}$/.test(base.householdNo)) problems.unshift({ column: '户编号', reason: '户编号只能由数字、字母和连字符组成，最长 30 位' });
        if (!/^\d{12}$/.test(base.villageCode)) problems.unshift({ column: '村级区划代码', reason: '应为 12 位数字的村（社区）区划代码' });
        if (problems.length === 0 && parsed.ok) cases.push({ sheet: name, rowNo, row: parsed.row });
        else {
          rowsBad++;
          errors.push(...problems.map((p) => ({ sheet: name, rowNo, column: p.column, value: cellValue(values, positions, current!.sheet!, p.column), reason: p.reason })));
        }
      } else {
        const idAt = positions.get('idNumber');
        if (idAt !== undefined && MASKED_ID.test(normaliseText(values[idAt]))) throw new FileRejectedError(MASKED_FILE_MESSAGE);
        const layout = LAYOUT_OF[current.sheet.kind]!;
        const plan: SheetPlan = { layout, positions };
        const built = buildStageRow(plan, jobId, name, rowNo, values);
        if ('errors' in built) {
          rowsBad++;
          errors.push(...built.errors.map((e) => ({ ...e, column: headerFor(current!.sheet!, layout, e.column) })));
        } else buffers[layout.kind].push(built.row);
      }
      if (rowsRead % STAGE_CHUNK === 0) await flush();
    }
    await flush();
    if (rowsRead === 0 && rowsBad === 0) throw new FileRejectedError('文件中没有可导入的数据：请使用本系统“国家系统格式交换”导出的文件');
    return { rowsRead, cases };
  }
}

/** The import layout names a column by its own header; the error names it as this file does. */
function headerFor(sheet: ExchangeSheet, layout: SheetLayout, layoutHeader: string): string {
  const key = layout.columns.find((c) => c.header === layoutHeader)?.key;
  return sheet.columns.find((c) => c.key === key)?.header ?? layoutHeader;
}

function cellValue(values: readonly unknown[], positions: Map<string, number>, sheet: ExchangeSheet, header: string): string | null {
  const key = sheet.columns.find((c) => c.header === header)?.key;
  const at = key ? positions.get(key) : undefined;
  if (at === undefined) return null;
  const t = normaliseText(values[at]);
  return t === '' ? null : t;
}

function describe(s: ExchangeSummary): string {
  return `户 新增 ${s.households.inserted}、更新 ${s.households.updated}、未变 ${s.households.unchanged}；` +
    `成员 新增 ${s.members.inserted}、更新 ${s.members.updated}、未变 ${s.members.unchanged}；` +
    `收入 新增 ${s.income.newPeriods}、修订 ${s.income.revised}、未变 ${s.income.unchanged}；` +
    `监测记录 新增 ${s.cases.inserted}、未变 ${s.cases.unchanged}`;
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
