import { Alert, Button, Descriptions } from 'antd';
import { useI18n } from '../../i18n';
import type { UserRow } from '../types';
import { RoleTags } from './RoleTags';
import { UserStatusTag } from './UserStatusTag';

interface VersionConflictNoticeProps {
  current: UserRow;
  onUseCurrent: () => void;
}

/** Someone saved this user first: show what is stored now; saving again applies the edits on top of it. */
export function VersionConflictNotice({ current, onUseCurrent }: VersionConflictNoticeProps) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="user-version-conflict"
      style={{ marginBottom: 16 }}
      title={t('users.conflict.title')}
      description={
        <>
          <p>{t('users.conflict.description')}</p>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('users.form.displayName')}>{current.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('users.form.roles')}>
              <RoleTags roles={current.roles} />
            </Descriptions.Item>
            <Descriptions.Item label={t('users.form.region')}>{current.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('users.form.status')}>
              <UserStatusTag user={current} />
            </Descriptions.Item>
          </Descriptions>
          <Button size="small" style={{ marginTop: 8 }} onClick={onUseCurrent} data-testid="user-conflict-use-current">
            {t('users.conflict.useCurrent')}
          </Button>
        </>
      }
    />
  );
}
