import { caseConfigSchema, type CaseConfig } from '@zengshou/core';
import type { MessageKey } from '../i18n';

/** Every threshold of the case workflow, in the order the table shows them. */
export const CASE_FIELDS = [
  'noticeDays',
  'identificationDays',
  'homeCheckWorkingDays',
  'measuresDays',
  'minMeasures',
  'minMonitoredMonths',
  'minStableIncomeMonths',
] as const satisfies readonly (keyof CaseConfig)[];
export type CaseField = (typeof CASE_FIELDS)[number];

export const caseFieldLabelKey = (field: CaseField) => `caseSettings.field.${field}` as MessageKey;
export const caseFieldHelpKey = (field: CaseField) => `caseSettings.field.${field}Help` as MessageKey;
export const caseFieldUnitKey = (field: CaseField) => `caseSettings.unit.${field}` as MessageKey;

/** One region's override; a blank field inherits from the regions above it, then from the defaults. */
export type CaseOverrideRow = { region: string | null } & Record<CaseField, number | null>;
export interface CaseSettingsFormValues {
  rows: CaseOverrideRow[];
}

const REGION_CODE = /^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$/;

/** An empty row for a region still to be chosen. */
export function emptyRow(): CaseOverrideRow {
  return { region: null, ...(Object.fromEntries(CASE_FIELDS.map((f) => [f, null])) as Record<CaseField, null>) };
}

/** Stored overrides → rows, a region above the ones below it (prefix order), unknown fields dropped. */
export function regionsToValues(regions: Record<string, Partial<CaseConfig>>): CaseSettingsFormValues {
  return {
    rows: Object.keys(regions)
      .sort()
      .map((region) => {
        const row = emptyRow();
        row.region = region;
        for (const field of CASE_FIELDS) {
          const value = regions[region]?.[field];
          row[field] = typeof value === 'number' ? value : null;
        }
        return row;
      }),
  };
}

export interface FormIssue {
  path: PropertyKey[];
  message: string;
}
export type RegionsResult = { ok: true; regions: Record<string, Partial<CaseConfig>> } | { ok: false; issues: FormIssue[] };

export interface RowMessages {
  /** No region chosen. */
  region: string;
  /** The same region on two rows. */
  duplicate: string;
  /** Every field blank: the row changes nothing. */
  emptyRow: string;
}

const DEFAULT_ROW_MESSAGES: RowMessages = {
  region: '请选择地区',
  duplicate: '该地区已有一行设置，请合并为一行',
  emptyRow: '请至少填写一项，或删除此行',
};

/**
 * Rows → the `regions` map the server stores: only the fields filled in (blank = inherit), each row checked by the
 * core's schema (the same Chinese messages as the server: e.g. a notice shorter than 5 days).
 */
export function valuesToRegions(values: CaseSettingsFormValues, messages: Partial<RowMessages> = {}): RegionsResult {
  const m = { ...DEFAULT_ROW_MESSAGES, ...messages };
  const issues: FormIssue[] = [];
  const regions: Record<string, Partial<CaseConfig>> = {};
  const seen = new Set<string>();
  (values.rows ?? []).forEach((row, index) => {
    const region = row.region?.trim() ?? '';
    if (!REGION_CODE.test(region)) issues.push({ path: ['rows', index, 'region'], message: m.region });
    else if (seen.has(region)) issues.push({ path: ['rows', index, 'region'], message: m.duplicate });
    seen.add(region);
    const override: Partial<Record<CaseField, number>> = {};
    for (const field of CASE_FIELDS) {
      const value = row[field];
      if (value !== null && value !== undefined) override[field] = value;
    }
    if (Object.keys(override).length === 0) {
      issues.push({ path: ['rows', index, 'region'], message: m.emptyRow });
      return;
    }
    const parsed = caseConfigSchema.safeParse(override);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ path: ['rows', index, ...issue.path], message: issue.message });
      return;
    }
    // Store what was typed, not the parse with defaults filled in: a blank field must keep inheriting.
    if (REGION_CODE.test(region)) regions[region] = override;
  });
  return issues.length ? { ok: false, issues } : { ok: true, regions };
}

/** Where an effective value comes from: the defaults, a region above (its code), or the row itself. */
export type ValueSource = { kind: 'default' } | { kind: 'inherited'; region: string } | { kind: 'own' };

export interface EffectiveConfig {
  values: CaseConfig;
  sources: Record<CaseField, ValueSource>;
  /** What a blank field of this row would be: the defaults overridden by the regions above it. */
  inherited: CaseConfig;
}

/**
 * What applies in a row's region, computed as the server does (defaults, then each region above it from the
 * province down, then the row), but over the form's rows, so unsaved edits show their effect at once.
 */
export function effectiveConfig(defaults: CaseConfig, rows: readonly (CaseOverrideRow | undefined)[], index: number): EffectiveConfig {
  const row = rows[index];
  const region = row?.region ?? '';
  const values = { ...defaults };
  const sources = Object.fromEntries(CASE_FIELDS.map((f) => [f, { kind: 'default' }])) as Record<CaseField, ValueSource>;
  const ancestors = rows
    .filter((r): r is CaseOverrideRow => !!r?.region && r.region !== region && region.startsWith(r.region))
    .sort((a, b) => a.region!.length - b.region!.length);
  for (const above of ancestors) {
    for (const field of CASE_FIELDS) {
      const value = above[field];
      if (typeof value === 'number') {
        values[field] = value;
        sources[field] = { kind: 'inherited', region: above.region! };
      }
    }
  }
  const inherited = { ...values };
  for (const field of CASE_FIELDS) {
    const value = row?.[field];
    if (typeof value === 'number') {
      values[field] = value;
      sources[field] = { kind: 'own' };
    }
  }
  return { values, sources, inherited };
}

/** Region codes on the rows (for looking their names up). */
export function rowRegions(rows: readonly (CaseOverrideRow | undefined)[] | undefined): string[] {
  return (rows ?? []).map((r) => r?.region ?? '').filter((code) => REGION_CODE.test(code));
}
