import { z } from 'zod';

/** Security settings the system administrator may change (等保 2.0 asks for each of these to be configurable). */
export const securitySettingsSchema = z.object({
  passwordMinLength: z.number().int().min(8).max(64),
  passwordRequireClasses: z.number().int().min(1).max(4),
  lockoutThreshold: z.number().int().min(3).max(20),
  lockoutMinutes: z.number().int().min(1).max(24 * 60),
  sessionIdleMinutes: z.number().int().min(5).max(24 * 60),
  sessionAbsoluteHours: z.number().int().min(1).max(72),
}).strict();
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  passwordMinLength: 10,
  passwordRequireClasses: 3,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
};

export const securitySettingsUpdateSchema = z.object({
  version: z.number().int().positive(),
  settings: securitySettingsSchema,
}).strict();
