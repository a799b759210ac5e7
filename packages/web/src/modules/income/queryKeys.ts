export const incomeKeys = {
  all: ['income'] as const,
  records: (householdId: string, revisions: boolean) => ['income', householdId, { revisions }] as const,
};
