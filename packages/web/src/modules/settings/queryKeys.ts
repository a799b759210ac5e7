export const settingsKeys = { current: ['settings'] as const, logicChecks: ['settings', 'logic-checks'] as const };
