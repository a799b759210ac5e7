import {
  INCOME_PARTS, TARGET_KIND_LABELS, TARGET_SHEET_COLUMNS, TARGET_SHEET_NAME, columnLetter, effectiveGrowthRate, fenToYuan,
  mapTargetSheetHeaders, neutraliseSpreadsheetCell, normaliseText, parseTargetSheetRow, sameTargetValues, targetShares,
  type IncomeTarget, type IncomeTargetValues, type IncomeTargetView, type TargetSheetKey,
} from '@zengshou/core';
import ExcelJS, { withExcelTempFiles } from '../../platform/excel.ts';
import { NotFoundError, ValidationError, VersionConflictError } from '../../platform/errors.ts';
import type { Actor, AppDeps } from '../../platform/http/context.ts';
import { DEFAULT_IMPORT_LIMITS, FileRejectedError, inspectFile, readRows, type ImportLimits } from '../imports/file-source.ts';
import { regionAddressedInScope, regionWithinScope } from '../registry/registry.service.ts';
import * as repo from './targets.repository.ts';

/** A target sheet has a row per region and year: a county with every village for five years is a few thousand. */
export const TARGET_IMPORT_LIMITS: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, maxFileBytes: 5 * 1024 * 1024, maxRowsPerSheet: 20_000 };

export interface TargetsRequest {
  actor: Actor;
  ip: string;
}

export function presentTarget(row: repo.TargetRow): IncomeTargetView {
  const partsFen = { wage: row.wage_fen, business: row.business_fen, property: row.property_fen, transfer: row.transfer_fen };
  return {
    id: row.id,
    regionCode: row.region_code,
    regionName: row.region_name,
    year: row.year,
    version: row.version,
    base: row.is_base,
    perCapitaNetFen: row.per_capita_fen,
    partsFen,
    partShares: targetShares(row.per_capita_fen, partsFen),
    growthRate: row.growth_rate,
    derivedGrowthRate: effectiveGrowthRate(null, row.per_capita_fen, row.prev_per_capita_fen),
    source: row.source,
    note: row.note,
    setByName: row.set_by_name,
    setAt: row.set_at.toISOString(),
  };
}

const valuesOf = (row: repo.TargetRow): IncomeTargetValues => ({
  regionCode: row.region_code,
  year: row.year,
  base: row.is_base,
  perCapitaNetFen: row.per_capita_fen,
  partsFen: { wage: row.wage_fen, business: row.business_fen, property: row.property_fen, transfer: row.transfer_fen },
  growthRate: row.growth_rate,
  source: row.source,
  note: row.note,
});

/** What the audit trail keeps of a target: the figures, not the bookkeeping. */
const auditOf = (v: IncomeTargetValues) => ({
  base: v.base, perCapitaNetFen: v.perCapitaNetFen, partsFen: v.partsFen, growthRate: v.growthRate, source: v.source, note: v.note,
});

/** A code the caller may set a target for: their own region or anything below it. Anything else does not exist. */
export interface ImportRowError {
  row: number;
  column: string;
  columnLetter: string;
  message: string;
}

export interface ImportReport {
  dryRun: boolean;
  applied: boolean;
  rows: number;
  created: number;
  changed: number;
  unchanged: number;
  errors: ImportRowError[];
}

export class TargetsService {
  constructor(private readonly deps: AppDeps) {}

  /** Targets of the region's subtree for the years asked, and the ancestors' targets the region inherits. */
  async list(actor: Actor, filter: { region?: string | undefined; years?: number[] | undefined }) {
    const region = regionWithinScope(actor, filter.region);
    const rows = await repo.listTargets(this.deps.db.orm, { region, years: filter.years ?? null });
    const own = rows.filter((r) => r.region_code.startsWith(region)).map(presentTarget);
    const inherited = rows.filter((r) => !r.region_code.startsWith(region)).map(presentTarget);
    return { region, items: own, inherited };
  }

  async history(actor: Actor, region: string, year: number) {
    regionAddressedInScope(actor, region);
    // An unknown code answers like one outside the scope, so the reply never tells which codes exist elsewhere.
    if (!(await repo.existingRegions(this.deps.db.orm, [region])).has(region)) throw new NotFoundError('地区不存在');
    return { items: (await repo.targetHistory(this.deps.db.orm, region, year)).map(presentTarget) };
  }

  /** Sets one target: a new version when the figures change, nothing when they do not; refused on a stale version. */
  async put(req: TargetsRequest, region: string, year: number, body: IncomeTarget) {
    const { actor } = req;
    regionAddressedInScope(actor, region);
    const regions = await repo.existingRegions(this.deps.db.orm, [region]);
    if (!regions.has(region)) throw new NotFoundError('地区不存在');
    const { version, ...rest } = body;
    const values: IncomeTargetValues = { ...rest, regionCode: region, year };
    const at = this.deps.clock.now();
    const outcome = await this.deps.db.transaction(async (tx) => {
      const current = await repo.lockCurrentTarget(tx, region, year);
      if ((current?.version ?? 0) !== version) return { conflict: current ?? null };
      if (current && sameTargetValues(valuesOf(current), values)) return { conflict: undefined, created: false };
      await repo.saveTargetVersion(tx, values, version + 1, { userId: actor.userId, name: actor.displayName, at });
      await this.deps.audit.append(tx, {
        action: 'target.set', outcome: 'success', actor, ip: req.ip, regionCode: region, entity: 'income_target',
        entityId: `${region}:${year}`, before: current ? auditOf(valuesOf(current)) : null, after: auditOf(values),
        detail: { version: version + 1 },
      });
      return { conflict: undefined, created: current === undefined };
    });
    if (outcome.conflict !== undefined) {
      throw new VersionConflictError(outcome.conflict ? presentTarget(outcome.conflict) : null);
    }
    const saved = await repo.currentTarget(this.deps.db.orm, region, year);
    return { created: outcome.created, target: presentTarget(saved!) };
  }

  /**
   * A sheet of targets. Every row is checked (cells, consistency, region known and within scope, one row per region
   * and year) and compared with the current target; a dry run only reports. Applying stores the rows that differ,
   * all in one transaction, and only when no row has an error; rows equal to the current target are left alone, so
   * importing the same sheet twice changes nothing the second time.
   */
  async importSheet(req: TargetsRequest, file: { path: string; name: string }, dryRun: boolean): Promise<ImportReport> {
    const { actor } = req;
    const kind = await inspectFile(file.path, file.name, TARGET_IMPORT_LIMITS);
    const parsed = await withExcelTempFiles(() => readTargetSheet(file.path, kind, file.name));
    const errors: ImportRowError[] = [...parsed.errors];
    const columnOf = (header: string) => {
      const i = parsed.headers.indexOf(header);
      return i >= 0 ? columnLetter(i) : '';
    };
    const codeHeader = TARGET_SHEET_COLUMNS[0]!.header;
    const known = await repo.existingRegions(this.deps.db.orm, [...new Set(parsed.rows.map((r) => r.value.regionCode))]);
    const seen = new Map<string, number>();
    const valid: { row: number; value: IncomeTargetValues }[] = [];
    for (const r of parsed.rows) {
      const { regionCode, year } = r.value;
      const fail = (message: string) => errors.push({ row: r.row, column: codeHeader, columnLetter: columnOf(codeHeader), message });
      if (!regionCode.startsWith(actor.scope) || !known.has(regionCode)) {
        fail(`区划代码 ${regionCode} 不存在或不在您的管辖范围内`);
        continue;
      }
      const key = `${regionCode}:${year}`;
      const first = seen.get(key);
      if (first !== undefined) {
        fail(`${regionCode} ${year} 年已在第 ${first} 行填写，同一地区同一年度只能有一行`);
        continue;
      }
      seen.set(key, r.row);
      valid.push(r);
    }
    errors.sort((a, b) => a.row - b.row || a.columnLetter.localeCompare(b.columnLetter));

    const current = new Map(
      (await repo.currentTargetsFor(this.deps.db.orm, valid.map((v) => v.value))).map((c) => [`${c.region_code}:${c.year}`, c]),
    );
    const changes = valid
      .map((v) => ({ ...v, current: current.get(`${v.value.regionCode}:${v.value.year}`) }))
      .filter((v) => !v.current || !sameTargetValues(valuesOf(v.current), v.value));
    const created = changes.filter((c) => !c.current).length;
    const report: ImportReport = {
      dryRun, applied: false, rows: parsed.rows.length + parsed.errorRows, created, changed: changes.length - created,
      unchanged: valid.length - changes.length, errors,
    };
    if (dryRun) return report;
    if (errors.length > 0) throw new ValidationError(`表格中有 ${errors.length} 处错误，请改正后再导入`, report);

    const at = this.deps.clock.now();
    await this.deps.db.transaction(async (tx) => {
      for (const c of changes) {
        // Re-read under lock: the dry run's comparison may be stale by now.
        const locked = await repo.lockCurrentTarget(tx, c.value.regionCode, c.value.year);
        await repo.saveTargetVersion(tx, c.value, (locked?.version ?? 0) + 1, { userId: actor.userId, name: actor.displayName, at });
      }
      await this.deps.audit.append(tx, {
        action: 'target.import', outcome: 'success', actor, ip: req.ip, regionCode: actor.scope, entity: 'income_target',
        detail: {
          fileName: file.name.slice(0, 200), rows: report.rows, created: report.created, changed: report.changed, unchanged: report.unchanged,
          targets: changes.map((c) => ({ key: `${c.value.regionCode}:${c.value.year}`, before: c.current ? auditOf(valuesOf(c.current)) : null, after: auditOf(c.value) })),
        },
      });
    });
    return { ...report, applied: true };
  }

  /** The targets of a subtree in the import layout, audited as an export before it is built. */
  async exportSheet(req: TargetsRequest, filter: { region?: string | undefined; years?: number[] | undefined }) {
    const { actor } = req;
    const region = regionWithinScope(actor, filter.region);
    await this.deps.audit.appendStandalone({
      action: 'export', outcome: 'success', actor, ip: req.ip, regionCode: region, entity: 'income_target',
      detail: { filter: { region, years: filter.years ?? null }, format: 'xlsx' },
    });
    const rows = (await repo.listTargets(this.deps.db.orm, { region, years: filter.years ?? null })).filter((r) => r.region_code.startsWith(region));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(TARGET_SHEET_NAME);
    ws.addRow(TARGET_SHEET_COLUMNS.map((c) => c.header));
    for (const r of rows) ws.addRow(sheetRowOf(presentTarget(r)));
    const day = this.deps.clock.now().toISOString().slice(0, 10);
    return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `增收目标-${region}-${day}.xlsx` };
  }

  async template() {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(TARGET_SHEET_NAME).addRow(TARGET_SHEET_COLUMNS.map((c) => c.header));
    const help = wb.addWorksheet('填写说明');
    for (const line of TEMPLATE_HELP) help.addRow([line]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}

const TEMPLATE_HELP = [
  '每行填写一个地区一个年度的增收目标；同一地区同一年度只能有一行，再次导入同一行会更新该目标（保留历史版本）。',
  '区划代码：12 位统计用区划代码的有效部分（县 6 位、乡镇 9 位、村 12 位），只能填写本账号管辖范围内的地区。',
  '类型：填"目标"或"基数"（基年实际数，如 2021 年基数），留空视为目标。',
  '金额单位为元，最多两位小数；经营净收入为扣除生产经营费用后的净收入，可为负数。四项收入之和应等于人均纯收入（允许相差 1 元以内）。',
  '占比和增速填写百分数，如 35.42 或 35.42%。只填占比不填金额时，按人均纯收入折算金额；金额和占比都填时须一致。',
  '区划名称仅供阅读，导入时不读取。',
];

const yuanCell = (fen: number | null) => (fen === null ? '' : Number(fenToYuan(fen)));
const pctCell = (share: number | null) => (share === null ? '' : Math.round(share * 10_000) / 100);
const textCell = (s: string | null) => (s ? neutraliseSpreadsheetCell(s) : '');

function sheetRowOf(t: IncomeTargetView): (string | number)[] {
  const cells: Record<TargetSheetKey, string | number> = {
    regionCode: t.regionCode,
    regionName: textCell(t.regionName),
    year: t.year,
    kind: t.base ? TARGET_KIND_LABELS.base : TARGET_KIND_LABELS.target,
    perCapita: yuanCell(t.perCapitaNetFen),
    growth: t.growthRate === null ? '' : Math.round(t.growthRate * 1_000_000) / 10_000,
    source: textCell(t.source),
    note: textCell(t.note),
  } as Record<TargetSheetKey, string | number>;
  for (const part of INCOME_PARTS) {
    cells[`${part}Yuan`] = yuanCell(t.partsFen[part]);
    // Only a stated amount gets a share: a re-import then checks the two agree rather than converting anything.
    cells[`${part}Share`] = pctCell(t.partShares[part]);
  }
  return TARGET_SHEET_COLUMNS.map((c) => cells[c.key]);
}

interface ParsedSheet {
  headers: string[];
  rows: { row: number; value: IncomeTargetValues }[];
  errors: ImportRowError[];
  errorRows: number;
}

/** The first sheet whose header row names the required columns; its data rows parsed, bad cells by row and column. */
async function readTargetSheet(path: string, kind: 'xlsx' | 'csv', fileName: string): Promise<ParsedSheet> {
  let sheet: string | null = null;
  let keys: (TargetSheetKey | null)[] | null = null;
  let headers: string[] = [];
  let missing: string[] | null = null;
  let done = false;
  const out: ParsedSheet = { headers: [], rows: [], errors: [], errorRows: 0 };
  for await (const row of readRows(path, kind, fileName, TARGET_IMPORT_LIMITS)) {
    // Read to the end rather than break: the streaming reader removes its spooled sheets only once it finishes.
    if (done) continue;
    if (row.sheet !== sheet) {
      if (keys) {
        done = true; // one sheet of targets per file: the first that matched
        continue;
      }
      sheet = row.sheet;
      const mapped = mapTargetSheetHeaders(row.values);
      if (mapped.missing.length === 0) {
        keys = mapped.keys;
        headers = row.values.map((v) => normaliseText(v));
        // Column letters are reported under the layout's own header names, so a loose header still finds its column.
        out.headers = keys.map((k, i) => (k ? TARGET_SHEET_COLUMNS.find((c) => c.key === k)!.header : headers[i]!));
      } else if (mapped.keys.includes('regionCode')) {
        missing = mapped.missing;
      }
      continue;
    }
    if (!keys) continue;
    if (row.values.every((v) => normaliseText(v) === '')) continue;
    const cells: Partial<Record<TargetSheetKey, unknown>> = {};
    keys.forEach((k, i) => {
      if (k) cells[k] = row.values[i];
    });
    const result = parseTargetSheetRow(cells);
    if (result.ok) {
      out.rows.push({ row: row.rowNo, value: result.value });
    } else {
      out.errorRows++;
      for (const e of result.errors) {
        const i = out.headers.indexOf(e.column);
        out.errors.push({ row: row.rowNo, column: e.column, columnLetter: i >= 0 ? columnLetter(i) : '', message: e.message });
      }
    }
  }
  if (!keys) {
    throw new FileRejectedError(
      missing ? `表头缺少以下列：${missing.join('、')}（请使用下载的模板）` : '没有找到增收目标表：表头应包含区划代码、年度、人均纯收入（请使用下载的模板）',
    );
  }
  return out;
}
