import { Flex, Tooltip, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useRoleLabel, type User } from '../../auth';
import { useI18n } from '../../i18n';

/** Who is signed in, in which roles, over which region — always visible, also on printouts. */
export function UserSummary({ user }: { user: User }) {
  const { t } = useI18n();
  const roleLabel = useRoleLabel();
  const roles = user.roles.map(roleLabel).join('、');
  return (
    <Flex align="center" gap={8} className="user-summary">
      <UserOutlined />
      <Flex vertical className="user-summary-text">
        <Typography.Text strong data-testid="current-user">
          {user.displayName}
        </Typography.Text>
        <Tooltip title={`${t('header.scope')}：${user.regionName}`}>
          <Typography.Text type="secondary" className="user-summary-detail">
            <span data-testid="current-roles">{roles}</span>
            {' · '}
            <span data-testid="current-scope">{user.regionName}</span>
          </Typography.Text>
        </Tooltip>
      </Flex>
    </Flex>
  );
}
