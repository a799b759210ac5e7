import {
  FOCUS_GROUP_LABELS, MEASURE_CATEGORY_LABELS, NO_PLAN_LABEL, PART_TARGET_LABELS, PLAN_STATUS_LABELS,
  type FocusGroup, type IncomePart, type MeasureCategory, type PlanStatus,
} from '@zengshou/core';
import type { Language } from '../i18n';

/** English renderings; the Chinese words are @zengshou/core's (the same ones the export and the audit carry). */
const STATUS_EN: Record<PlanStatus | 'none', string> = {
  none: 'No plan yet',
  open: 'Being helped',
  closed_out: 'Closed out',
  reopened: 'Re-entered',
};
const GROUP_EN: Record<FocusGroup, string> = {
  low_income: 'Under 10,000 yuan per person',
  income_fell: 'Income fell',
};
const PART_EN: Record<IncomePart, string> = { wage: 'Wage income', business: 'Net business income', property: 'Net property income', transfer: 'Net transfer income' };
const CATEGORY_EN: Record<MeasureCategory, string> = {
  industry: 'Industry', employment: 'Employment', finance: 'Finance (micro-credit)', public_welfare_job: 'Public-welfare job',
  health: 'Health', compulsory_education: 'Compulsory education', education: 'Education', social_assistance: 'Social assistance',
  housing: 'Housing safety', water: 'Drinking water', social_help: 'Social help', relocation: 'Relocation',
  living_conditions: 'Living conditions', infrastructure: 'Infrastructure',
};

/** A plan's status as the ledger shows it; no plan is 未制定. */
export function planStatusLabel(status: PlanStatus | null | undefined, language: Language): string {
  const key = status ?? 'none';
  if (language === 'en') return STATUS_EN[key];
  return key === 'none' ? NO_PLAN_LABEL : PLAN_STATUS_LABELS[key];
}

const STATUS_COLOR: Record<PlanStatus | 'none', string> = { none: 'red', open: 'processing', closed_out: 'success', reopened: 'warning' };

/** Tag colours: not yet planned stands out, closed out is calm, reopened is a warning. */
export function planStatusColor(status: PlanStatus | null | undefined): string {
  return STATUS_COLOR[status ?? 'none'];
}

export function focusGroupLabel(group: FocusGroup, language: Language): string {
  return language === 'en' ? GROUP_EN[group] : FOCUS_GROUP_LABELS[group];
}

export function partLabel(part: IncomePart, language: Language): string {
  return language === 'en' ? PART_EN[part] : PART_TARGET_LABELS[part];
}

export function measureCategoryLabel(category: string | null | undefined, language: Language): string {
  if (!category) return '';
  if (!(category in MEASURE_CATEGORY_LABELS)) return category;
  return language === 'en' ? CATEGORY_EN[category as MeasureCategory] : MEASURE_CATEGORY_LABELS[category as MeasureCategory];
}
