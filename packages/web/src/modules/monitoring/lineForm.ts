import {
  fenToYuan,
  lineProposalSchema,
  proposeLineByDibaoMultiple,
  proposeLineByFactors,
  yuanToFen,
  type LineMethod,
} from '@zengshou/core';
import type { EffectiveLine, LineRequestBody } from './types';

export type ProposalMethod = Exclude<LineMethod, 'manual'>;

/** The helper panel's fields as typed: yuan as text, growth rates in %, the multiple as a number. */
export interface ProposalValues {
  previousLineYuan?: string;
  cpiGrowthPct?: number | null;
  ruralIncomeGrowthPct?: number | null;
  dibaoGrowthPct?: number | null;
  dibaoStandardYuan?: string;
  multiple?: number | null;
}

export interface Proposal {
  method: ProposalMethod;
  amountFen: number;
  explanation: string;
  /** Kept with the line (audit trail): the figures the proposal was computed from. */
  inputs: Record<string, number | string>;
}

export type ProposalOutcome = { ok: true; proposal: Proposal } | { ok: false; message: string } | null;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Next year's line from the panel's fields, by the core's formulas. Null while a field is still empty; a
 * Chinese message (the core schema's own wording) when a value is out of range.
 */
export function proposeLine(method: ProposalMethod, v: ProposalValues): ProposalOutcome {
  const raw =
    method === 'factors'
      ? { method, previousLineYuan: v.previousLineYuan, cpiGrowthPct: v.cpiGrowthPct, ruralIncomeGrowthPct: v.ruralIncomeGrowthPct, dibaoGrowthPct: v.dibaoGrowthPct }
      : { method, dibaoStandardYuan: v.dibaoStandardYuan, multiple: v.multiple };
  if (Object.values(raw).some(blank)) return null;
  const parsed = lineProposalSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? '' };
  try {
    const p = parsed.data;
    if (p.method === 'factors') {
      const { amountFen, growthPct, explanation } = proposeLineByFactors(p);
      const { previousLineFen, cpiGrowthPct, ruralIncomeGrowthPct, dibaoGrowthPct } = p;
      return {
        ok: true,
        proposal: { method: 'factors', amountFen, explanation, inputs: { previousLineFen, cpiGrowthPct, ruralIncomeGrowthPct, dibaoGrowthPct, growthPct, explanation } },
      };
    }
    const { amountFen, explanation } = proposeLineByDibaoMultiple(p);
    return {
      ok: true,
      proposal: { method: 'dibao_multiple', amountFen, explanation, inputs: { dibaoStandardFenPerYear: p.dibaoStandardFenPerYear, multiple: p.multiple, explanation } },
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Yuan for a form field: '7300' rather than '7300.00'. */
export function yuanText(fen: number): string {
  return fenToYuan(fen).replace(/\.00$/, '');
}

export interface LineFormValues {
  year: number;
  amountYuan: string;
  method: LineMethod;
  note?: string;
}

/**
 * The POST body. The proposal's inputs travel only while the line is still the adopted proposal (same method,
 * same amount); once the amount is typed over, the figures no longer explain it and are left out.
 */
export function lineRequestBody(values: LineFormValues, regionCode: string, adopted: Proposal | null): LineRequestBody {
  const body: LineRequestBody = { regionCode, year: values.year, amountYuan: values.amountYuan.trim(), method: values.method };
  if (adopted && isStillAdopted(values, adopted)) body.inputs = adopted.inputs;
  const note = values.note?.trim();
  if (note) body.note = note;
  return body;
}

/** The form still holds the adopted proposal: same method and the same amount (however it is written). */
export function isStillAdopted(values: Partial<Pick<LineFormValues, 'amountYuan' | 'method'>>, adopted: Proposal | null): boolean {
  if (!adopted || values.method !== adopted.method || typeof values.amountYuan !== 'string') return false;
  try {
    return yuanToFen(values.amountYuan) === adopted.amountFen;
  } catch {
    return false;
  }
}

/** The line in force for the caller's region in a year, or null. */
export function effectiveFen(effective: readonly EffectiveLine[], year: number): number | null {
  return effective.find((e) => e.year === year)?.line?.amountFen ?? null;
}

/** The year the form starts on: the one after the latest year with a line, else the current year. */
export function defaultLineYear(effective: readonly EffectiveLine[], currentYear: number): number {
  const years = effective.filter((e) => e.line !== null).map((e) => e.year);
  return years.length ? Math.max(currentYear, Math.max(...years) + 1) : currentYear;
}
