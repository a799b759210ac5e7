import { http } from '../../api';
import type { IncomeTargetView, TargetImportReport, TargetList, TargetRequestBody, YearFilter } from '../types';

const yearsQuery = (year: YearFilter) => (year === 'all' ? undefined : String(year));

export function fetchTargets(region: string, year: YearFilter): Promise<TargetList> {
  return http.get('/api/targets', { query: { region, years: yearsQuery(year) } });
}

export function fetchTargetHistory(region: string, year: number): Promise<{ items: IncomeTargetView[] }> {
  return http.get(`/api/targets/${encodeURIComponent(region)}/${year}/history`);
}

export function saveTarget(region: string, year: number, body: TargetRequestBody): Promise<IncomeTargetView> {
  return http.put(`/api/targets/${encodeURIComponent(region)}/${year}`, body);
}

/** Dry run (只检查) or apply; the same file both times, so what is applied is what was checked. */
export function importTargets(file: File, dryRun: boolean): Promise<TargetImportReport> {
  const form = new FormData();
  // The field before the file: the server reads it together with the file part.
  form.append('dryRun', String(dryRun));
  form.append('file', file);
  return http.upload('/api/targets/import', form);
}

export function targetsExportUrl(region: string, year: YearFilter): string {
  const q = new URLSearchParams({ region });
  const years = yearsQuery(year);
  if (years) q.set('years', years);
  return `/api/targets/export?${q.toString()}`;
}

export const TARGETS_TEMPLATE_URL = '/api/targets/template';
