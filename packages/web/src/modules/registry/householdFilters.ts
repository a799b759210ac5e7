import { ASSISTANCE_STATUS, HOUSEHOLD_TYPE, MONITORING_CATEGORY } from '@zengshou/core';
import type { QueryParams } from '../api';
import type { HouseholdFilters, HouseholdListState, ProblemFlagParam } from './types';

export const PROBLEM_FLAG_PARAMS: readonly ProblemFlagParam[] = ['unsafe_housing', 'unsafe_water', 'school_dropout', 'uninsured_member'];
export const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function amount(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 1 ? n : fallback;
}

/** The list state lives in the address bar so that "back" from a household returns to the same page and filters. */
export function listStateFromSearch(search: URLSearchParams): HouseholdListState {
  const pageSize = positiveInt(search.get('pageSize'), DEFAULT_PAGE_SIZE);
  const q = search.get('q')?.trim();
  return {
    page: positiveInt(search.get('page'), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    householdType: oneOf(HOUSEHOLD_TYPE.codes, search.get('householdType')),
    monitoringCategory: oneOf([...MONITORING_CATEGORY.codes, 'any'], search.get('monitoringCategory')),
    assistanceStatus: oneOf(ASSISTANCE_STATUS.codes, search.get('assistanceStatus')),
    incomeMin: amount(search.get('incomeMin')),
    incomeMax: amount(search.get('incomeMax')),
    failingChecks: search.get('failingChecks') === 'true' ? true : undefined,
    problemFlag: oneOf(PROBLEM_FLAG_PARAMS, search.get('problemFlag')),
    q: q ? q : undefined,
  };
}

/** Filters as request parameters: unset ones are left out, the yes/no filter is sent only when on. */
export function filterParams(filters: HouseholdFilters, region: string | undefined): QueryParams {
  return {
    region,
    householdType: filters.householdType,
    monitoringCategory: filters.monitoringCategory,
    assistanceStatus: filters.assistanceStatus,
    incomeMin: filters.incomeMin,
    incomeMax: filters.incomeMax,
    failingChecks: filters.failingChecks ? 'true' : undefined,
    problemFlag: filters.problemFlag,
    q: filters.q?.trim() || undefined,
  };
}

function toSearch(params: QueryParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  return search;
}

/** Address-bar form of the list state; the defaults (page 1, 20 rows) are left out. */
export function searchFromListState(state: HouseholdListState): URLSearchParams {
  const search = toSearch(filterParams(state, undefined));
  if (state.page !== 1) search.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(state.pageSize));
  return search;
}

/** The spreadsheet export takes the same filters as the list, plus whether full ID numbers are included. */
export function exportUrl(filters: HouseholdFilters, region: string | undefined, unmasked: boolean): string {
  const search = toSearch({ ...filterParams(filters, region), unmasked: unmasked ? 'true' : 'false' });
  return `/api/households/export?${search.toString()}`;
}

export function hasActiveFilters(filters: HouseholdFilters): boolean {
  return Object.values(filterParams(filters, undefined)).some((v) => v !== undefined);
}
