import { http } from '../../api';
import type { CaseConfig, WarningConfig } from '@zengshou/core';
import type { VersionedCaseSettings, VersionedLogicChecks, VersionedSettings, VersionedWarningSettings } from '../types';

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

export function fetchWarningSettings(): Promise<VersionedWarningSettings> {
  return http.get('/api/settings/warnings');
}

export function saveWarningSettings(input: { version: number; config: WarningConfig }): Promise<VersionedWarningSettings> {
  return http.put('/api/settings/warnings', input);
}

export function fetchCaseSettings(): Promise<VersionedCaseSettings> {
  return http.get('/api/settings/cases');
}

export function saveCaseSettings(input: { version: number; regions: Record<string, Partial<CaseConfig>> }): Promise<VersionedCaseSettings> {
  return http.put('/api/settings/cases', input);
}
