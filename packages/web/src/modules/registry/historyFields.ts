import {
  ASSISTANCE_STATUS,
  EMPLOYMENT_PLACE,
  EMPLOYMENT_STATUS,
  HEALTH,
  HOUSEHOLD_TYPE,
  INCOME_ITEMS,
  LABOUR_CAPACITY,
  RELATION,
  SCHOOLING,
  SCHOOLING_STATUS,
  formatYuan,
  type IncomeItemKey,
  type RegistryEnum,
} from '@zengshou/core';
import type { Language, MessageKey } from '../i18n';
import { incomeItemLabel } from '../income';
import { enumLabel } from './enumLabels';

/** Names of the fields that appear in a household's change history (household, member and income entries). */
export const FIELD_LABEL_KEYS: Readonly<Record<string, MessageKey>> = {
  householdNo: 'household.field.householdNo',
  villageCode: 'household.field.village',
  address: 'household.field.address',
  householdType: 'household.field.householdType',
  assistanceStatus: 'household.field.assistanceStatus',
  monitoringCategory: 'household.field.monitoringCategory',
  relocated: 'household.field.relocated',
  phone: 'household.field.phone',
  unsafeHousing: 'household.flag.unsafeHousing',
  unsafeWater: 'household.flag.unsafeWater',
  schoolDropout: 'household.flag.schoolDropout',
  uninsuredMember: 'household.flag.uninsuredMember',
  householdId: 'history.field.householdId',
  name: 'member.field.name',
  idNumber: 'member.field.idNumber',
  relation: 'member.field.relation',
  labourCapacity: 'member.field.labourCapacity',
  health: 'member.field.health',
  disabilityGrade: 'member.field.disabilityGrade',
  schooling: 'member.field.schooling',
  schoolingStatus: 'member.field.schoolingStatus',
  employmentStatus: 'member.field.employmentStatus',
  employmentPlace: 'member.field.employmentPlace',
  skills: 'member.field.skills',
  year: 'history.field.year',
  quarter: 'history.field.quarter',
  status: 'history.field.status',
  remark: 'history.field.remark',
};

const ENUM_FIELDS: Readonly<Record<string, RegistryEnum<string>>> = {
  householdType: HOUSEHOLD_TYPE,
  assistanceStatus: ASSISTANCE_STATUS,
  relation: RELATION,
  labourCapacity: LABOUR_CAPACITY,
  health: HEALTH,
  schooling: SCHOOLING,
  schoolingStatus: SCHOOLING_STATUS,
  employmentStatus: EMPLOYMENT_STATUS,
  employmentPlace: EMPLOYMENT_PLACE,
};

const INCOME_ITEM_LABELS = new Map<string, string>(INCOME_ITEMS.map((item) => [item.key, item.label]));

export type Translate = (key: MessageKey) => string;

export function historyFieldLabel(field: string, t: Translate, language: Language): string {
  const key = Object.hasOwn(FIELD_LABEL_KEYS, field) ? FIELD_LABEL_KEYS[field] : undefined;
  if (key) return t(key);
  return INCOME_ITEM_LABELS.has(field) ? incomeItemLabel(field as IncomeItemKey, language) : field;
}

/** A recorded value as a person reads it: labels for codes, 是/否, yuan for income items (stored in fen). */
export function historyValue(field: string, value: unknown, t: Translate, language: Language): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (INCOME_ITEM_LABELS.has(field) && typeof value === 'number') return formatYuan(value);
  if (field === 'status' && (value === 'valid' || value === 'to_verify')) {
    return value === 'valid' ? t('income.status.valid') : t('income.status.toVerify');
  }
  const def = Object.hasOwn(ENUM_FIELDS, field) ? ENUM_FIELDS[field] : undefined;
  if (def && typeof value === 'string') return enumLabel(def, value, language);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const FIELD_ORDER = [...Object.keys(FIELD_LABEL_KEYS), ...INCOME_ITEMS.map((item) => item.key)];

function rank(field: string): number {
  const index = FIELD_ORDER.indexOf(field);
  return index === -1 ? FIELD_ORDER.length : index;
}

/** Changes in a stable, readable order (the audit log's JSON keeps no order): household and member fields, then income items. */
export function sortedChanges<T extends { field: string }>(changes: readonly T[], omit: readonly string[] = []): T[] {
  return changes.filter((c) => !omit.includes(c.field)).sort((a, b) => rank(a.field) - rank(b.field));
}
