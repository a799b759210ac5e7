import { useState } from 'react';
import { App, Button, Input, Space } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { LoadErrorResult, PageContainer } from '../../ui';
import { useUnlockUser } from '../hooks/useUnlockUser';
import { useUsers } from '../hooks/useUsers';
import type { UserRow } from '../types';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserCreateModal } from './UserCreateModal';
import { UserEditModal } from './UserEditModal';
import { UsersTable } from './UsersTable';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserRow } | { kind: 'reset'; user: UserRow } | null;

export function UsersScreen() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useState({ page: 1, pageSize: 20, q: '' });
  const [searchText, setSearchText] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useUsers(params);
  const unlock = useUnlockUser();
  const close = () => setDialog(null);
  const search = () => setParams((p) => ({ ...p, q: searchText.trim(), page: 1 }));

  const onUnlock = (user: UserRow) =>
    unlock.mutate(user.id, { onSuccess: () => void message.success(t('users.unlocked', { name: user.displayName })) });

  return (
    <PageContainer
      title={t('users.title')}
      testId="users-page"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="users-create">
          {t('users.create')}
        </Button>
      }
    >
      <Space.Compact style={{ marginBottom: 16, maxWidth: 400, width: '100%' }} className="no-print">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('users.searchPlaceholder')}
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
          onPressEnter={search}
          data-testid="users-search"
        />
        <Button type="primary" onClick={search} data-testid="users-search-submit">
          {t('common.search')}
        </Button>
      </Space.Compact>
      {users.error && !users.data ? (
        <LoadErrorResult message={users.error.message} onRetry={() => void users.refetch()} />
      ) : (
        <UsersTable
          rows={users.data?.items ?? []}
          total={users.data?.total ?? 0}
          page={params.page}
          pageSize={params.pageSize}
          loading={users.isFetching}
          onPageChange={(page, pageSize) => setParams((p) => ({ ...p, page, pageSize }))}
          onEdit={(user) => setDialog({ kind: 'edit', user })}
          onResetPassword={(user) => setDialog({ kind: 'reset', user })}
          onUnlock={onUnlock}
        />
      )}
      {dialog?.kind === 'create' ? <UserCreateModal onClose={close} /> : null}
      {dialog?.kind === 'edit' ? <UserEditModal key={dialog.user.id} user={dialog.user} onClose={close} /> : null}
      {dialog?.kind === 'reset' ? <ResetPasswordModal key={dialog.user.id} user={dialog.user} onClose={close} /> : null}
    </PageContainer>
  );
}
