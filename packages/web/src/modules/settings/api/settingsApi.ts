import { http } from '../../api';
import type { VersionedLogicChecks, VersionedSettings } from '../types';

export function fetchSettings(): Promise<VersionedSettings> {
  return http.get('/api/settings');
}

export function saveSettings(input: VersionedSettings): Promise<VersionedSettings> {
  return http.put('/api/settings', input);
}

export function fetchLogicChecks(): Promise<VersionedLogicChecks> {
  return http.get('/api/settings/logic-checks');
}

export function saveLogicChecks(input: VersionedLogicChecks): Promise<VersionedLogicChecks> {
  return http.put('/api/settings/logic-checks', input);
}
