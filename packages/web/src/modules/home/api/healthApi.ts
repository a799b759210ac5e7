import { http } from '../../api';

export interface Health {
  status: 'ok';
  database: 'pglite' | 'postgresql';
  version: string;
}

export function fetchHealth(): Promise<Health> {
  return http.get<Health>('/api/health');
}
