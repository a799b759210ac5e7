import { Tag } from 'antd';
import { useRoleLabel, type Role } from '../../auth';

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const roleLabel = useRoleLabel();
  return (
    <>
      {roles.map((role) => (
        <Tag key={role}>{roleLabel(role)}</Tag>
      ))}
    </>
  );
}
