import { Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { IncomeCheck } from '../types';

interface IncomeChecksListProps {
  checks: readonly IncomeCheck[];
  testId?: string;
  /** In a table cell: each explanation is cut to two lines, the full text in a tooltip. */
  compact?: boolean;
}

/** The server's message often repeats the title ("季度累计数不能减少：…"); say it once. */
function explanation(check: IncomeCheck): string {
  return check.message.startsWith(check.title) ? check.message.slice(check.title.length).replace(/^[：:\s]+/, '') : check.message;
}

/** The logic checks of one record, errors first, each with its Chinese explanation. */
export function IncomeChecksList({ checks, testId, compact }: IncomeChecksListProps) {
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
      {sorted.map((check) => {
        const text = explanation(check);
        return (
          <Typography.Paragraph
            key={check.id}
            data-check-id={check.id}
            data-severity={check.severity}
            style={{ margin: 0 }}
            ellipsis={compact ? { rows: 2, tooltip: `${check.title}：${text}` } : false}
          >
            <Tag color={check.severity === 'error' ? 'red' : 'gold'}>
              {check.severity === 'error' ? t('income.checks.error') : t('income.checks.warning')}
            </Tag>
            <Typography.Text strong>{check.title}</Typography.Text>
            {text ? <Typography.Text type="secondary">：{text}</Typography.Text> : null}
          </Typography.Paragraph>
        );
      })}
    </Flex>
  );
}
