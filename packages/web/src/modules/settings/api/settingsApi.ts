import { http } from '../../api';
import type { VersionedSettings } from '../types';

export function fetchSettings(): Promise<VersionedSettings> {
  return http.get('/api/settings');
}

export function saveSettings(input: VersionedSettings): Promise<VersionedSettings> {
  return http.put('/api/settings', input);
}
