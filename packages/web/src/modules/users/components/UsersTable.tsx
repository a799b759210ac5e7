import { Button, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../ui';
import type { UserRow } from '../types';
import { RoleTags } from './RoleTags';
import { UserStatusTag } from './UserStatusTag';

interface UsersTableProps {
  rows: UserRow[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  onEdit: (user: UserRow) => void;
  onResetPassword: (user: UserRow) => void;
  onUnlock: (user: UserRow) => void;
}

export function UsersTable(props: UsersTableProps) {
  const { t } = useI18n();
  const columns: TableColumnsType<UserRow> = [
    { title: t('users.column.username'), dataIndex: 'username', key: 'username' },
    { title: t('users.column.displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('users.column.roles'), key: 'roles', render: (_, user) => <RoleTags roles={user.roles} /> },
    { title: t('users.column.region'), dataIndex: 'regionName', key: 'regionName' },
    { title: t('users.column.status'), key: 'status', render: (_, user) => <UserStatusTag user={user} /> },
    {
      title: t('users.column.lastLogin'),
      key: 'lastLoginAt',
      render: (_, user) => formatDateTime(user.lastLoginAt, t('users.neverLoggedIn')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      className: 'no-print',
      render: (_, user) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => props.onEdit(user)} data-testid={`user-edit-${user.username}`}>
            {t('common.edit')}
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => props.onResetPassword(user)}
            data-testid={`user-reset-password-${user.username}`}
          >
            {t('users.resetPassword')}
          </Button>
          {user.status === 'locked' ? (
            <Popconfirm
              title={t('users.unlockConfirm', { name: user.displayName })}
              onConfirm={() => props.onUnlock(user)}
              okButtonProps={{ 'data-testid': 'user-unlock-confirm' }}
            >
              <Button type="link" size="small" data-testid={`user-unlock-${user.username}`}>
                {t('users.unlock')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Table<UserRow>
      rowKey="id"
      columns={columns}
      dataSource={props.rows}
      loading={props.loading}
      data-testid="users-table"
      scroll={{ x: 'max-content' }}
      pagination={{
        current: props.page,
        pageSize: props.pageSize,
        total: props.total,
        showSizeChanger: true,
        showTotal: (total) => t('common.total', { total }),
        onChange: props.onPageChange,
      }}
    />
  );
}
