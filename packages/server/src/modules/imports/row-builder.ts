import { INCOME_ITEMS, memberConsistencyIssues, normaliseText, validateIdNumber, type MemberConsistencyFields } from '@zengshou/core';
import type { CopyValue } from '../../platform/db/database.ts';
import type { RowError } from './imports.repository.ts';
import { headerKey, type SheetLayout } from './layouts.ts';

/** Column positions of a sheet, found from its header row. */
export interface SheetPlan {
  layout: SheetLayout;
  positions: Map<string, number>;
}

export function planSheet(layout: SheetLayout, headers: readonly unknown[]): { plan: SheetPlan } | { missing: string[] } {
  const byHeader = new Map<string, number>();
  headers.forEach((h, i) => {
    const k = headerKey(h);
    if (k && !byHeader.has(k)) byHeader.set(k, i);
  });
  const positions = new Map<string, number>();
  const missing: string[] = [];
  for (const col of layout.columns) {
    const at = byHeader.get(headerKey(col.header));
    if (at === undefined) {
      if (col.required) missing.push(col.header);
    } else positions.set(col.key, at);
  }
  return missing.length > 0 ? { missing } : { plan: { layout, positions } };
}

export function isBlankRow(values: readonly unknown[]): boolean {
  return values.every((v) => normaliseText(v) === '');
}

function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const t = normaliseText(v);
  return t === '' ? null : t;
}

/**
 * One spreadsheet row → the staged row (values in the staging table's column order) or its errors, one per bad
 * cell, each with the column's Chinese header, the value as written and the reason.
 */
export function buildStageRow(
  plan: SheetPlan,
  jobId: string,
  sheet: string,
  rowNo: number,
  values: readonly unknown[],
): { row: CopyValue[] } | { errors: RowError[] } {
  const parsed: Record<string, string | number | boolean | null> = {};
  const errors: RowError[] = [];
  for (const col of plan.layout.columns) {
    const at = plan.positions.get(col.key);
    const cell = at === undefined ? null : values[at];
    const r = col.parse(cell);
    if (r.ok) parsed[col.key] = r.value;
    else errors.push({ sheet, rowNo, column: col.header, value: cellText(cell), reason: r.reason });
  }
  if (errors.length > 0) return { errors };

  switch (plan.layout.kind) {
    case 'households':
      return {
        row: [jobId, sheet, rowNo, parsed.householdNo, parsed.villageCode, parsed.address, parsed.householdType,
          parsed.assistanceStatus, parsed.relocated, parsed.phone, parsed.unsafeHousing, parsed.unsafeWater,
          parsed.schoolDropout, parsed.uninsuredMember] as CopyValue[],
      };
    case 'members': {
      const id = validateIdNumber(parsed.idNumber);
      if (!id.ok) return { errors: [{ sheet, rowNo, column: '身份证号', value: String(parsed.idNumber), reason: id.message }] };
      const issues = memberConsistencyIssues({
        idNumber: id.value,
        sex: (parsed.sex ?? null) as MemberConsistencyFields['sex'],
        health: parsed.health as MemberConsistencyFields['health'],
        disabilityGrade: (parsed.disabilityGrade ?? null) as MemberConsistencyFields['disabilityGrade'],
        employmentStatus: (parsed.employmentStatus ?? null) as MemberConsistencyFields['employmentStatus'],
        employmentPlace: (parsed.employmentPlace ?? null) as MemberConsistencyFields['employmentPlace'],
      });
      if (issues.length > 0) {
        const headerOf: Record<string, string> = {
          sex: '性别', birthDate: '身份证号', idNumber: '身份证号', health: '健康状况', disabilityGrade: '残疾等级',
          employmentStatus: '务工状况', employmentPlace: '务工地点',
        };
        return {
          errors: issues.map((i) => {
            const key = i.path === 'birthDate' ? 'idNumber' : i.path;
            const at = plan.positions.get(key);
            return { sheet, rowNo, column: headerOf[i.path] ?? i.path, value: at === undefined ? null : cellText(values[at]), reason: i.message };
          }),
        };
      }
      return {
        row: [jobId, sheet, rowNo, parsed.householdNo, id.value, parsed.name, id.sex, id.birthDate, parsed.relation,
          parsed.labourCapacity, parsed.health, parsed.disabilityGrade, parsed.schooling, parsed.schoolingStatus,
          parsed.employmentStatus, parsed.employmentPlace, parsed.skills] as CopyValue[],
      };
    }
    case 'income':
      return {
        row: [jobId, sheet, rowNo, parsed.householdNo, parsed.year, parsed.quarter,
          ...INCOME_ITEMS.map((i) => parsed[i.key] ?? 0), parsed.remark] as CopyValue[],
      };
  }
}
