import type { LedgerState } from './types';

export const focusKeys = {
  all: ['focus'] as const,
  ledgers: ['focus', 'ledger'] as const,
  ledger: (state: Omit<LedgerState, 'plan'>, region: string) => ['focus', 'ledger', region, state] as const,
  plan: (householdId: string) => ['focus', 'plan', householdId] as const,
};
