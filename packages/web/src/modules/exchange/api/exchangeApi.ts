import { http } from '../../api';
import type { ExchangeJobDetail } from '../types';

export async function startExchangeImport(file: File, dryRun: boolean): Promise<{ jobId: string }> {
  // The server reads the fields that come before the file part, so they go first.
  const form = new FormData();
  form.append('dryRun', dryRun ? 'true' : 'false');
  form.append('file', file, file.name);
  return http.upload('/api/exchange/imports', form);
}

export function getExchangeJob(id: string): Promise<ExchangeJobDetail> {
  return http.get(`/api/exchange/imports/${encodeURIComponent(id)}`);
}
