import type { DepartmentListType } from '@zengshou/core';
import { http } from '../../api';
import type { DepartmentListDetail, DepartmentListSummary, FalsePositiveRate } from '../types';

export const templateUrl = (type: DepartmentListType) => `/api/department/templates/${type}`;

/** Upload as a dry run (试比对): the server stores the list and its match results, nothing in the registry. */
export function uploadDepartmentList(input: { file: File; listType: DepartmentListType; dryRun: boolean }): Promise<DepartmentListDetail> {
  const form = new FormData();
  // Text fields before the file: the server reads them together with the file part.
  form.append('listType', input.listType);
  form.append('dryRun', String(input.dryRun));
  form.append('file', input.file);
  return http.upload('/api/department/lists', form);
}

export function applyDepartmentList(id: string): Promise<DepartmentListDetail> {
  return http.post(`/api/department/lists/${encodeURIComponent(id)}/apply`, {});
}

export function listDepartmentLists(): Promise<{ total: number; items: DepartmentListSummary[] }> {
  return http.get('/api/department/lists', { query: { page: 1, pageSize: 50 } });
}

export function departmentList(id: string): Promise<DepartmentListDetail> {
  return http.get(`/api/department/lists/${encodeURIComponent(id)}`);
}

export function falsePositiveRates(): Promise<{ items: FalsePositiveRate[] }> {
  return http.get('/api/department/false-positive-rates');
}

export function markFalsePositive(warningId: string, reason: string) {
  return http.post(`/api/warnings/${encodeURIComponent(warningId)}/false-positive`, { reason });
}
