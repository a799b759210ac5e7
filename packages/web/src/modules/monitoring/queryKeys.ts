import type { WarningListState } from './types';

export const monitoringKeys = {
  all: ['monitoring'] as const,
  lines: ['monitoring', 'lines'] as const,
  warnings: ['monitoring', 'warnings'] as const,
  warningList: (state: WarningListState, region: string) => ['monitoring', 'warnings', 'list', region, state] as const,
  householdWarnings: (householdId: string) => ['monitoring', 'warnings', 'household', householdId] as const,
};
