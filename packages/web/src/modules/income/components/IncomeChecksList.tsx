import { Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { IncomeCheck } from '../types';

/** The logic checks of one record, errors first, each with its Chinese explanation. */
export function IncomeChecksList({ checks, testId }: { checks: readonly IncomeCheck[]; testId?: string }) {
  const { t } = useI18n();
  if (checks.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid={testId} data-count={0}>
        {t('income.checks.none')}
      </Typography.Text>
    );
  }
  const sorted = [...checks].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <Flex vertical gap={4} data-testid={testId} data-count={checks.length}>
      {sorted.map((check) => (
        <div key={check.id} data-check-id={check.id}>
          <Tag color={check.severity === 'error' ? 'red' : 'gold'}>
            {check.severity === 'error' ? t('income.checks.error') : t('income.checks.warning')}
          </Tag>
          <Typography.Text strong>{check.title}</Typography.Text>
          <Typography.Text type="secondary">：{check.message}</Typography.Text>
        </div>
      ))}
    </Flex>
  );
}
