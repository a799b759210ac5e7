import { Select } from 'antd';
import { ROLES, useRoleLabel, type Role } from '../../auth';
import { useI18n } from '../../i18n';

interface RoleSelectProps {
  value?: Role[];
  onChange?: (roles: Role[]) => void;
  testId?: string;
}

export function RoleSelect({ value, onChange, testId }: RoleSelectProps) {
  const { t } = useI18n();
  const roleLabel = useRoleLabel();
  return (
    <Select<Role[]>
      mode="multiple"
      value={value}
      onChange={onChange}
      options={ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
      placeholder={t('users.form.rolesPlaceholder')}
      optionFilterProp="label"
      data-testid={testId}
    />
  );
}
