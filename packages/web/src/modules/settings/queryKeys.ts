export const settingsKeys = {
  current: ['settings'] as const,
  logicChecks: ['settings', 'logic-checks'] as const,
  warnings: ['settings', 'warnings'] as const,
  cases: ['settings', 'cases'] as const,
};
