import { http } from '../../api';
import type { EvaluationSummary, LineRequestBody, MonitoringLines, Warning, WarningList, WarningListState } from '../types';

export function fetchMonitoringLines(): Promise<MonitoringLines> {
  return http.get('/api/monitoring-lines');
}

export function saveMonitoringLine(body: LineRequestBody): Promise<MonitoringLines> {
  return http.post('/api/monitoring-lines', body);
}

export function evaluateWarnings(): Promise<EvaluationSummary> {
  return http.post('/api/monitoring/evaluate', {});
}

export function listWarnings(state: WarningListState, region: string): Promise<WarningList> {
  return http.get('/api/warnings', {
    query: {
      region,
      status: state.status === 'all' ? undefined : state.status,
      ruleId: state.ruleId,
      page: state.page,
      pageSize: state.pageSize,
    },
  });
}

/** Every warning of one household: the open ones first, then the closed ones (newest page of each). */
export async function listHouseholdWarnings(householdId: string): Promise<{ open: Warning[]; closed: Warning[] }> {
  const get = (status: 'open' | 'closed') =>
    http.get<WarningList>('/api/warnings', { query: { householdId, status, page: 1, pageSize: 200 } });
  const [open, closed] = await Promise.all([get('open'), get('closed')]);
  return { open: open.items, closed: closed.items };
}
