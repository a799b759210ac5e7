import { http } from '../../api';
import type { IncomeRecord, IncomeRecordBody, IncomeSaveResult } from '../types';

export async function listIncomeRecords(householdId: string, revisions: boolean): Promise<IncomeRecord[]> {
  const path = `/api/households/${encodeURIComponent(householdId)}/income`;
  return (await http.get<{ items: IncomeRecord[] }>(path, { query: { revisions: revisions ? 'true' : 'false' } })).items;
}

export function saveIncomeRecord(body: IncomeRecordBody): Promise<IncomeSaveResult> {
  return http.post('/api/income-records', body);
}
