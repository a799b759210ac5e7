import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import type { IncomeStatus } from '../types';

export function IncomeStatusTag({ status, testId }: { status: IncomeStatus; testId?: string }) {
  const { t } = useI18n();
  return status === 'valid' ? (
    <Tag color="green" data-testid={testId} data-status={status}>
      {t('income.status.valid')}
    </Tag>
  ) : (
    <Tag color="orange" data-testid={testId} data-status={status}>
      {t('income.status.toVerify')}
    </Tag>
  );
}
