import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../ui';
import type { UserRow } from '../types';

export function UserStatusTag({ user }: { user: Pick<UserRow, 'status' | 'lockedUntil' | 'username'> }) {
  const { t } = useI18n();
  const testId = `user-status-${user.username}`;
  switch (user.status) {
    case 'active':
      return <Tag color="green" data-testid={testId}>{t('users.status.active')}</Tag>;
    case 'locked':
      return (
        <Tooltip title={user.lockedUntil ? t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) }) : undefined}>
          <Tag color="orange" data-testid={testId}>{t('users.status.locked')}</Tag>
        </Tooltip>
      );
    case 'disabled':
      return <Tag color="default" data-testid={testId}>{t('users.status.disabled')}</Tag>;
    default: {
      const unknown: never = user.status;
      return <Tag>{String(unknown)}</Tag>;
    }
  }
}
