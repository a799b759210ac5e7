import { PART_TARGET_LABELS } from '../focus/focus-plan.ts';
import { MoneyFormatError, yuanToFen, type Fen } from '../money.ts';
import { isRegionPrefix } from '../region-code.ts';
import { normaliseText, parseIntCell, unwrapCell } from '../registry/import-cells.ts';
import { INCOME_PARTS, type IncomePart } from '../registry/income-items.ts';
import { TARGET_KIND_LABELS, TARGET_YEAR_MAX, TARGET_YEAR_MIN, incomeTargetBodySchema, type IncomeTargetValues, type PartShares, type PartsFen } from './income-targets.ts';

/**
 * The sheet layout of income targets: import, export and template share it, so an exported sheet imports back
 * unchanged. One row per region and year; amounts in yuan, shares and growth in percent (35.42 = 35.42 %), as the
 * seed tables print them. The region name is for the reader and ignored on import.
 */
type PartColumnKey = `${IncomePart}Yuan` | `${IncomePart}Share`;
export type TargetSheetKey = 'regionCode' | 'regionName' | 'year' | 'kind' | 'perCapita' | PartColumnKey | 'growth' | 'source' | 'note';

export const TARGET_SHEET_COLUMNS: readonly { key: TargetSheetKey; header: string; required: boolean }[] = [
  { key: 'regionCode', header: '区划代码', required: true },
  { key: 'regionName', header: '区划名称', required: false },
  { key: 'year', header: '年度', required: true },
  { key: 'kind', header: '类型（目标/基数）', required: false },
  { key: 'perCapita', header: '人均纯收入（元）', required: true },
  ...INCOME_PARTS.flatMap((part) => [
    { key: `${part}Yuan` as const, header: `${PART_TARGET_LABELS[part]}（元）`, required: false },
    { key: `${part}Share` as const, header: `${PART_TARGET_LABELS[part]}占比（%）`, required: false },
  ]),
  { key: 'growth', header: '增速（%）', required: false },
  { key: 'source', header: '来源', required: false },
  { key: 'note', header: '备注', required: false },
];

export const TARGET_SHEET_NAME = '增收目标';

const headerOf = (key: TargetSheetKey) => TARGET_SHEET_COLUMNS.find((c) => c.key === key)!.header;
const normalHeader = (s: unknown) => normaliseText(s).replace(/\s/g, '');

/** Column keys by position from a header row, and the required headers it lacks. */
export function mapTargetSheetHeaders(values: readonly unknown[]): { keys: (TargetSheetKey | null)[]; missing: string[] } {
  const byHeader = new Map(TARGET_SHEET_COLUMNS.map((c) => [normalHeader(c.header), c.key]));
  // Also accept a header without its unit, e.g. 人均纯收入 for 人均纯收入（元）.
  for (const c of TARGET_SHEET_COLUMNS) byHeader.set(normalHeader(c.header.replace(/（[^）]*）$/, '')), c.key);
  const keys = values.map((v) => byHeader.get(normalHeader(v)) ?? null);
  const missing = TARGET_SHEET_COLUMNS.filter((c) => c.required && !keys.includes(c.key)).map((c) => c.header);
  return { keys, missing };
}

/** Excel's column letter for a 0-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export interface SheetCellError {
  /** The header of the column at fault. */
  column: string;
  message: string;
}

export type TargetSheetRowResult = { ok: true; value: IncomeTargetValues } | { ok: false; errors: SheetCellError[] };

type Cell<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Source and note as written: only trimmed, so a note exported and imported back is the same note (normaliseText
 * would turn its full-width brackets half-width and make the re-import a change).
 */
function freeText(cell: unknown): string {
  const v = unwrapCell(cell);
  if (typeof v === 'string') return v.replace(/[\u200B-\u200D\uFEFF]/g, '').trim();
  return normaliseText(v);
}

/** Yuan → fen; blank is null (a part the plan does not state). Business may be negative, being net of costs. */
function parseAmount(cell: unknown): Cell<Fen | null> {
  const v = unwrapCell(cell);
  const input = typeof v === 'number' ? Number(v.toPrecision(15)) : normaliseText(v);
  if (input === '') return { ok: true, value: null };
  if (typeof input === 'number' && !Number.isFinite(input)) return { ok: false, reason: '金额不是有效数字' };
  try {
    return { ok: true, value: yuanToFen(input) };
  } catch (e) {
    return { ok: false, reason: e instanceof MoneyFormatError ? e.message : '金额格式不正确' };
  }
}

/** Percent → fraction; '35.42', '35.42%' and 35.42 are all 35.42 %. Blank is null. */
function parsePercent(cell: unknown): Cell<number | null> {
  const v = unwrapCell(cell);
  if (typeof v === 'number') {
    return Number.isFinite(v) ? { ok: true, value: Number((v / 100).toPrecision(12)) } : { ok: false, reason: '不是有效数字' };
  }
  const s = normaliseText(v).replace(/%$/, '').trim();
  if (s === '') return { ok: true, value: null };
  if (!/^[+-]?\d+(\.\d+)?$/.test(s)) return { ok: false, reason: `"${s}"不是百分数，请填写如 18 或 18%` };
  return { ok: true, value: Number((Number(s) / 100).toPrecision(12)) };
}

/**
 * One data row (cells by column key) → a target, or every problem of the row by column, in Chinese. Runs the
 * same schema as the form, so a sheet cannot store what the form would refuse.
 */
export function parseTargetSheetRow(cells: Partial<Record<TargetSheetKey, unknown>>): TargetSheetRowResult {
  const errors: SheetCellError[] = [];
  const fail = (key: TargetSheetKey, message: string) => errors.push({ column: headerOf(key), message });

  const regionCode = normaliseText(cells.regionCode);
  if (regionCode === '') fail('regionCode', '请填写区划代码');
  else if (!isRegionPrefix(regionCode)) fail('regionCode', `"${regionCode}"不是有效的区划代码（2、4、6、9 或 12 位数字）`);
  const year = parseIntCell(cells.year, { min: TARGET_YEAR_MIN, max: TARGET_YEAR_MAX });
  if (!year.ok) fail('year', year.reason === '不能为空' ? '请填写年度' : year.reason);
  const kindText = normaliseText(cells.kind);
  let base = false;
  if (kindText === TARGET_KIND_LABELS.base) base = true;
  else if (kindText !== '' && kindText !== TARGET_KIND_LABELS.target) fail('kind', `类型应为"目标"或"基数"，不是"${kindText}"`);
  const perCapita = parseAmount(cells.perCapita);
  if (!perCapita.ok) fail('perCapita', perCapita.reason);
  else if (perCapita.value === null) fail('perCapita', '请填写人均纯收入');
  const partsFen = {} as PartsFen;
  const partShares = {} as PartShares;
  for (const part of INCOME_PARTS) {
    const amount = parseAmount(cells[`${part}Yuan`]);
    if (amount.ok) partsFen[part] = amount.value;
    else fail(`${part}Yuan`, amount.reason);
    const share = parsePercent(cells[`${part}Share`]);
    if (share.ok) partShares[part] = share.value;
    else fail(`${part}Share`, share.reason);
  }
  const growth = parsePercent(cells.growth);
  if (!growth.ok) fail('growth', growth.reason);
  if (errors.length > 0 || !year.ok || !perCapita.ok || perCapita.value === null || !growth.ok) {
    return { ok: false, errors };
  }

  const parsed = incomeTargetBodySchema.safeParse({
    base,
    perCapitaNetFen: perCapita.value,
    partsFen,
    partShares,
    growthRate: growth.value,
    source: freeText(cells.source),
    note: freeText(cells.note),
    version: 0,
  });
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => ({ column: columnOfIssue(i.path), message: i.message })) };
  }
  const { version: _version, ...value } = parsed.data;
  return { ok: true, value: { regionCode, year: year.value, ...value } };
}

function columnOfIssue(path: readonly PropertyKey[]): string {
  const [field, part] = path;
  if (field === 'growthRate') return headerOf('growth');
  if (field === 'source') return headerOf('source');
  if (field === 'note') return headerOf('note');
  if (field === 'partsFen' && typeof part === 'string') return headerOf(`${part as IncomePart}Yuan`);
  if (field === 'partShares' && typeof part === 'string') return headerOf(`${part as IncomePart}Share`);
  // Shares or parts not adding up: the per-capita figure is what they are measured against.
  return headerOf('perCapita');
}
