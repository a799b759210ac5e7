export const settingsKeys = { current: ['settings'] as const };
