import { z } from 'zod';
import { divideFenRounded, sumFen, type Fen } from '../money.ts';
import { INCOME_ITEMS, type IncomeItemKey, type IncomeItems, type IncomePart } from './income-items.ts';

/**
 * Income totals of one household record (domain.md §3). All amounts are integer fen and, like the record they
 * come from, year-to-date cumulative: a Q2 summary covers January–June.
 */
export interface IncomeSummary {
  wage: Fen;
  business: Fen;
  property: Fen;
  transfer: Fen;
  /** Production/business costs (生产经营性支出), subtracted from gross. */
  cost: Fen;
  /** wage + business + property + transfer. */
  gross: Fen;
  /** gross − cost (纯收入). May be negative when costs exceed income. */
  net: Fen;
  householdSize: number;
  /** net ÷ householdSize, rounded half away from zero (人均纯收入). */
  perCapitaNet: Fen;
}

export type Quarter = 1 | 2 | 3 | 4;

/** Every sub-item key, in export order. */
export const INCOME_ITEM_KEYS: readonly IncomeItemKey[] = INCOME_ITEMS.map((i) => i.key);

/** A record with every sub-item at 0 fen (new record, blank form, blank import row). */
export function emptyIncomeItems(): IncomeItems {
  return Object.fromEntries(INCOME_ITEM_KEYS.map((k) => [k, 0])) as IncomeItems;
}

/** Sum of the sub-items belonging to one wheel (or to costs). 'recorded' items never enter a total. */
export function sumIncomePart(items: IncomeItems, part: IncomePart | 'cost'): Fen {
  return sumFen(...INCOME_ITEMS.filter((i) => i.part === part).map((i) => items[i.key]));
}

/**
 * Rolls the sub-items up to the four wheels and net income. The household size is passed in rather than
 * derived because which size counts (current members or the annual average) is a setting (domain.md §3).
 * 'recorded' items (out-of-pocket medical spending, insurance claims) are kept on the record but are not
 * income in the national definition, so they do not enter net.
 */
export function computeIncome(items: IncomeItems, householdSize: number): IncomeSummary {
  if (!Number.isSafeInteger(householdSize) || householdSize < 1) {
    throw new RangeError(`家庭人口数必须是不小于 1 的整数：${householdSize}`);
  }
  const wage = sumIncomePart(items, 'wage');
  const business = sumIncomePart(items, 'business');
  const property = sumIncomePart(items, 'property');
  const transfer = sumIncomePart(items, 'transfer');
  const cost = sumIncomePart(items, 'cost');
  const gross = sumFen(wage, business, property, transfer);
  const net = sumFen(gross, -cost);
  return {
    wage,
    business,
    property,
    transfer,
    cost,
    gross,
    net,
    householdSize,
    perCapitaNet: divideFenRounded(net, householdSize),
  };
}

/**
 * Full-year estimate from a year-to-date cumulative value: value × 4 ÷ quarter, rounded half away from zero.
 * Thresholds (the monitoring line, logic-check limits) are annual, so a Q1 figure must be scaled before it is
 * compared; Q4 is the year itself and is returned unchanged.
 */
export function annualise(fen: Fen, quarter: number): Fen {
  if (quarter !== 1 && quarter !== 2 && quarter !== 3 && quarter !== 4) {
    throw new RangeError(`季度必须是 1–4：${quarter}`);
  }
  if (quarter === 4) return divideFenRounded(fen, 1);
  return divideFenRounded(sumFen(fen, fen, fen, fen), quarter);
}

const nonNegativeFen = z
  .number({ error: '金额必须是以分为单位的整数' })
  .int('金额必须是以分为单位的整数')
  .min(0, '金额不能为负数')
  .refine(Number.isSafeInteger, { message: '金额超出范围' });

/**
 * Stored/transported form of the sub-items (already in fen). Every key is required and unknown keys are
 * refused, so a misspelt column can never silently become 0. For yuan input from forms use
 * incomeRecordInputSchema (registry-schemas.ts).
 */
export const incomeItemsSchema = z
  .object(Object.fromEntries(INCOME_ITEM_KEYS.map((k) => [k, nonNegativeFen])) as Record<IncomeItemKey, typeof nonNegativeFen>)
  .strict();
