import { INCOME_ITEMS, emptyIncomeItems, fenToYuan, parseYuan, type IncomeItemKey, type IncomeItems } from '@zengshou/core';
import type { IncomeRecord, IncomeRecordBody } from './types';

export type ItemTexts = Partial<Record<IncomeItemKey, string>>;

export interface IncomeEntryValues {
  year: number;
  quarter: number;
  items: ItemTexts;
  remark?: string;
}

/** The quarter being collected now: the current calendar quarter of the current year. */
export function currentPeriod(now: Date): { year: number; quarter: number } {
  return { year: now.getFullYear(), quarter: Math.floor(now.getMonth() / 3) + 1 };
}

/** A stored record as form text (yuan), so a revision starts from what is saved; zero items stay blank. */
export function itemTextsOf(record: Pick<IncomeRecord, 'items'> | undefined): ItemTexts {
  const texts: ItemTexts = {};
  for (const { key } of INCOME_ITEMS) {
    const fen = record?.items[key] ?? 0;
    texts[key] = fen === 0 ? '' : fenToYuan(fen);
  }
  return texts;
}

/** The request body: amounts as typed (trimmed), blank items left out (the server reads them as 0). */
export function incomeBody(householdId: string, values: IncomeEntryValues): IncomeRecordBody {
  const items: ItemTexts = {};
  for (const { key } of INCOME_ITEMS) {
    const text = values.items[key]?.trim();
    if (text) items[key] = text;
  }
  const remark = values.remark?.trim();
  return { householdId, year: values.year, quarter: values.quarter, items, remark: remark ? remark : null };
}

/** Typed amounts in fen for a live preview; anything not (yet) a valid amount counts as 0. */
export function previewItems(texts: ItemTexts | undefined): IncomeItems {
  const items = emptyIncomeItems();
  for (const { key } of INCOME_ITEMS) {
    const text = texts?.[key]?.trim();
    if (!text) continue;
    const parsed = parseYuan(text);
    if (parsed.ok && parsed.fen >= 0) items[key] = parsed.fen;
  }
  return items;
}

/** The current (not superseded) record of a period, if one exists. */
export function currentRecordOf(records: readonly IncomeRecord[], year: number, quarter: number): IncomeRecord | undefined {
  return records.find((r) => r.year === year && r.quarter === quarter && !r.supersededAt);
}
