import { INCOME_PARTS, fenToYuan, focusPlanInputSchema, parseYuan, type IncomePart, type MeasureCategory } from '@zengshou/core';
import { placeIssues, type FieldError, type ValidationIssue } from '../ui';
import type { PartTargets, PlanDetail, PlanRequestBody } from './types';

/** The plan form as typed: amounts in yuan as text (per person per year), converted to fen only on submit. */
export interface PlanFormValues {
  cadreName: string;
  /** Blank keeps the stored number (only its masked form is ever shown). */
  cadrePhone?: string;
  clearPhone?: boolean;
  targetYear: number | null;
  targetYuan: string;
  parts: Partial<Record<IncomePart, string>>;
  measures: { text?: string; category?: MeasureCategory | null }[];
  progressNote?: string;
}

/** Yuan for a form field: '12000' rather than '12000.00'. */
export function yuanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return fenToYuan(fen).replace(/\.00$/, '');
}

const roundUpToHundredYuan = (fen: number) => Math.ceil(fen / 10_000) * 10_000;

/**
 * A starting target for a new plan: the focus threshold (10,000 yuan) or last year's level if that was higher,
 * rounded up to 100 yuan; for a household already above both, 10 % above today's income.
 */
export function suggestedTargetFen(detail: Pick<PlanDetail, 'income' | 'lowIncomeThresholdFen'>): number {
  const now = detail.income.latest?.perCapitaAnnualFen ?? null;
  const goal = roundUpToHundredYuan(Math.max(detail.lowIncomeThresholdFen, detail.income.previousPerCapitaAnnualFen ?? 0));
  if (now === null || goal > now) return goal;
  return roundUpToHundredYuan(Math.round(now * 1.1));
}

/** The form opened on a household: the current plan, or a new one with a suggested target and one blank measure. */
export function planFormValuesOf(detail: PlanDetail, currentYear: number): PlanFormValues {
  const p = detail.plan;
  if (!p) {
    return { cadreName: '', cadrePhone: '', targetYear: currentYear, targetYuan: yuanText(suggestedTargetFen(detail)), parts: {}, measures: [{ text: '', category: null }], progressNote: '' };
  }
  return {
    cadreName: p.cadreName,
    cadrePhone: '',
    clearPhone: false,
    targetYear: p.targetYear,
    targetYuan: yuanText(p.targetPerCapitaFen),
    parts: Object.fromEntries(INCOME_PARTS.map((part) => [part, yuanText(p.partTargetsFen[part])])),
    measures: p.measures.map((m) => ({ text: m.text, category: m.category })),
    progressNote: '',
  };
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export type PlanBodyOutcome = { ok: true; body: PlanRequestBody } | { ok: false; fieldErrors: FieldError[]; formErrors: string[] };

/** Where a body path (server or schema) shows up in the form; null: no field of its own (shown above the form). */
export function formFieldOf(path: readonly (string | number)[]): (string | number)[] | null {
  const [head, second, third] = path;
  switch (head) {
    case 'cadreName':
    case 'cadrePhone':
    case 'targetYear':
    case 'progressNote':
      return [head];
    case 'targetPerCapitaFen':
      return ['targetYuan'];
    // The parts' sum against the target has no one part to blame: it goes under the target.
    case 'partTargetsFen':
      return typeof second === 'string' ? ['parts', second] : ['targetYuan'];
    case 'measures':
      return typeof second === 'number' && typeof third === 'string' ? ['measures', second, third] : null;
    default:
      return null;
  }
}

const collect = (issues: readonly ValidationIssue[]) => placeIssues(issues, formFieldOf);

/**
 * The PUT body from the form: yuan → fen through core's exact parser (never floating point), blanks to "not set",
 * then core's own schema, so the form shows the same Chinese messages the server would give.
 */
export function planRequestBody(values: PlanFormValues, version: number): PlanBodyOutcome {
  const issues: ValidationIssue[] = [];
  const fen = (raw: string | undefined, path: (string | number)[], required: string | null): number | null => {
    if (blank(raw)) {
      if (required) issues.push({ path, message: required });
      return null;
    }
    const parsed = parseYuan(raw);
    if (!parsed.ok) {
      issues.push({ path, message: parsed.message });
      return null;
    }
    return parsed.fen;
  };
  const target = fen(values.targetYuan, ['targetPerCapitaFen'], '请填写人均纯收入目标');
  const parts = Object.fromEntries(INCOME_PARTS.map((p) => [p, fen(values.parts?.[p], ['partTargetsFen', p], null)])) as PartTargets;
  if (issues.length > 0) return { ok: false, ...collect(issues) };

  const body: PlanRequestBody = {
    version,
    cadreName: (values.cadreName ?? '').trim(),
    targetYear: values.targetYear ?? Number.NaN,
    targetPerCapitaFen: target!,
    partTargetsFen: parts,
    measures: (values.measures ?? []).map((m) => ({ text: (m.text ?? '').trim(), category: m.category ?? null })),
  };
  if (values.clearPhone) body.cadrePhone = null;
  else if (!blank(values.cadrePhone)) body.cadrePhone = values.cadrePhone!.trim();
  const note = values.progressNote?.trim();
  if (note) body.progressNote = note;

  const parsed = focusPlanInputSchema.safeParse(body);
  if (!parsed.success) return { ok: false, ...collect(parsed.error.issues) };
  return { ok: true, body };
}

/** A 400 from the server: its `details` paths ('/partTargetsFen/wage') put under the form's fields. */
export function planErrorsFromServerDetails(details: unknown): { fieldErrors: FieldError[]; formErrors: string[] } {
  if (!Array.isArray(details)) return { fieldErrors: [], formErrors: [] };
  const issues: ValidationIssue[] = [];
  for (const item of details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    issues.push({ path: path.split('/').filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part)), message });
  }
  return collect(issues);
}

/**
 * The leaf paths antd's onValuesChange reports as changed ({ parts: { wage: '1' } } → [['parts', 'wage']]; a list
 * reports a sparse array with only the edited row). Used to clear a field's error once it is edited: errors put
 * there by setFields (from the parser or the server) would otherwise stay until the next submit.
 */
export function changedPaths(changed: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(changed)) {
    const out: (string | number)[][] = [];
    changed.forEach((item, index) => {
      if (item !== undefined) out.push(...changedPaths(item, [...prefix, index]));
    });
    return out.length > 0 ? out : [prefix];
  }
  if (changed !== null && typeof changed === 'object') {
    const out = Object.entries(changed as Record<string, unknown>).flatMap(([key, value]) => changedPaths(value, [...prefix, key]));
    return out.length > 0 ? out : [prefix];
  }
  return [prefix];
}
