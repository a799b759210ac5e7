import type { FormRule } from 'antd';
import { violatesAdminSeparation, type Role } from '../auth';
import type { I18n } from '../i18n';

export function roleRules(t: I18n['t']): FormRule[] {
  return [
    { required: true, type: 'array', min: 1, message: t('users.form.rolesRequired') },
    {
      validator: (_, roles: Role[] | undefined) =>
        roles && violatesAdminSeparation(roles)
          ? Promise.reject(new Error(t('users.form.adminSeparation')))
          : Promise.resolve(),
    },
  ];
}

/** A second password field that must repeat `field`. */
export function confirmPasswordRules(t: I18n['t'], field: string): FormRule[] {
  return [
    { required: true, message: t('password.confirmRequired') },
    ({ getFieldValue }) => ({
      validator: (_, value: string | undefined) =>
        !value || value === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
    }),
  ];
}
