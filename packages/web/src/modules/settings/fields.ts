import type { MessageKey } from '../i18n';
import type { SecuritySettings } from './types';

export interface SettingsField {
  name: keyof SecuritySettings;
  labelKey: MessageKey;
  helpKey: MessageKey;
  unitKey?: MessageKey;
  min: number;
  max: number;
}

/** Loose bounds only to catch typos; the server's validation is the authority and answers in Chinese. */
export const SETTINGS_FIELDS: readonly SettingsField[] = [
  { name: 'passwordMinLength', labelKey: 'settings.passwordMinLength', helpKey: 'settings.passwordMinLengthHelp', unitKey: 'settings.unit.chars', min: 1, max: 256 },
  { name: 'passwordRequireClasses', labelKey: 'settings.passwordRequireClasses', helpKey: 'settings.passwordRequireClassesHelp', unitKey: 'settings.unit.classes', min: 1, max: 4 },
  { name: 'lockoutThreshold', labelKey: 'settings.lockoutThreshold', helpKey: 'settings.lockoutThresholdHelp', unitKey: 'settings.unit.times', min: 1, max: 1000 },
  { name: 'lockoutMinutes', labelKey: 'settings.lockoutMinutes', helpKey: 'settings.lockoutMinutesHelp', unitKey: 'settings.unit.minutes', min: 1, max: 525_600 },
  { name: 'sessionIdleMinutes', labelKey: 'settings.sessionIdleMinutes', helpKey: 'settings.sessionIdleMinutesHelp', unitKey: 'settings.unit.minutes', min: 1, max: 525_600 },
  { name: 'sessionAbsoluteHours', labelKey: 'settings.sessionAbsoluteHours', helpKey: 'settings.sessionAbsoluteHoursHelp', unitKey: 'settings.unit.hours', min: 1, max: 8760 },
];
