import { useCallback } from 'react';
import { useI18n } from '../../i18n';
import { isKnownRole, ROLE_LABEL_KEYS } from '../roles';

/** Chinese (or English) name of a role; unknown role codes are shown as they are. */
export function useRoleLabel(): (role: string) => string {
  const { t } = useI18n();
  return useCallback((role: string) => (isKnownRole(role) ? t(ROLE_LABEL_KEYS[role]) : role), [t]);
}
