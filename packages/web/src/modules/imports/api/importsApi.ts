import { http } from '../../api';
import type { ImportJob, ImportJobDetail, ImportMode } from '../types';

export const TEMPLATE_URL = '/api/imports/template';
export const reportUrl = (jobId: string) => `/api/imports/${encodeURIComponent(jobId)}/report`;

export async function startImport(file: File, mode: ImportMode, dryRun: boolean): Promise<{ jobId: string }> {
  // The server reads the fields that come before the file part, so they go first.
  const form = new FormData();
  form.append('mode', mode);
  form.append('dryRun', dryRun ? 'true' : 'false');
  form.append('file', file, file.name);
  return http.upload('/api/imports', form);
}

export function getImportJob(id: string): Promise<ImportJobDetail> {
  return http.get(`/api/imports/${encodeURIComponent(id)}`);
}

export async function listImportJobs(): Promise<ImportJob[]> {
  return (await http.get<{ items: ImportJob[] }>('/api/imports')).items;
}
