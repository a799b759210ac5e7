import type { MessageKey } from '../i18n';
import type { AuditOutcome } from './types';

/** Chinese names of the actions the server is known to record; anything else is shown by its code. */
export const AUDIT_ACTION_LABEL_KEYS: Readonly<Record<string, MessageKey>> = {
  'auth.login': 'audit.action.auth.login',
  'auth.logout': 'audit.action.auth.logout',
  'auth.denied': 'audit.action.auth.denied',
  'user.create': 'audit.action.user.create',
  'user.update': 'audit.action.user.update',
  'personal.unmask': 'audit.action.personal.unmask',
  export: 'audit.action.export',
  'settings.update': 'audit.action.settings.update',
  'household.create': 'audit.action.household.create',
  'household.update': 'audit.action.household.update',
  'member.create': 'audit.action.member.create',
  'member.update': 'audit.action.member.update',
  'member.move': 'audit.action.member.move',
  'income.create': 'audit.action.income.create',
  'income.revise': 'audit.action.income.revise',
  'import.apply': 'audit.action.import.apply',
};

export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['success', 'denied', 'failure'];

export const AUDIT_OUTCOME_LABEL_KEYS: Record<AuditOutcome, MessageKey> = {
  success: 'audit.outcome.success',
  denied: 'audit.outcome.denied',
  failure: 'audit.outcome.failure',
};
