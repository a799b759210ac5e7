import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import { STATUS_LABEL_KEYS } from '../importProgress';
import type { ImportStatus } from '../types';

const COLORS: Record<ImportStatus, string> = {
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  rejected: 'error',
  interrupted: 'warning',
};

export function ImportStatusTag({ status, dryRun }: { status: ImportStatus; dryRun?: boolean }) {
  const { t } = useI18n();
  return (
    <span data-status={status}>
      <Tag color={COLORS[status]}>{t(STATUS_LABEL_KEYS[status])}</Tag>
      {dryRun ? <Tag>{t('import.dryRunTag')}</Tag> : null}
    </span>
  );
}
