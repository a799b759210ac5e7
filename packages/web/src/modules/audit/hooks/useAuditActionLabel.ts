import { useCallback } from 'react';
import { useI18n } from '../../i18n';
import { AUDIT_ACTION_LABEL_KEYS } from '../actions';

export function useAuditActionLabel(): (action: string) => string {
  const { t } = useI18n();
  return useCallback(
    (action: string) => {
      const key = Object.hasOwn(AUDIT_ACTION_LABEL_KEYS, action) ? AUDIT_ACTION_LABEL_KEYS[action] : undefined;
      return key ? t(key) : action;
    },
    [t],
  );
}
