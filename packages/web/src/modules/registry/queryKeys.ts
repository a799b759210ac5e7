import type { HouseholdListState } from './types';

export const registryKeys = {
  all: ['households'] as const,
  list: (state: HouseholdListState, region: string) => ['households', 'list', region, state] as const,
  detail: (id: string) => ['households', 'detail', id] as const,
  history: (id: string) => ['households', 'history', id] as const,
};
