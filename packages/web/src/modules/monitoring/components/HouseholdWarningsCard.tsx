import { Badge, Card, Divider, Flex, List, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { formatDateTime, LoadErrorResult } from '../../ui';
import { useHouseholdWarnings } from '../hooks/useWarnings';
import { warningRuleTitle } from '../monitoringLabels';
import type { Warning } from '../types';
import { WarningDueTag } from './WarningDueTag';
import { WarningScore } from './WarningScore';

function WarningItem({ warning }: { warning: Warning }) {
  const { t, language } = useI18n();
  return (
    <List.Item
      data-testid={`household-warning-${warning.ruleId}`}
      data-status={warning.status}
      data-urgency={warning.urgency}
      className={warning.urgency === 'overdue' ? 'warning-row-overdue' : warning.urgency === 'due_soon' ? 'warning-row-due-soon' : undefined}
    >
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex wrap gap={8} align="center" justify="space-between">
          <Space wrap>
            <Typography.Text strong>{language === 'en' ? warningRuleTitle(warning.ruleId, language) : warning.title}</Typography.Text>
            {warning.status === 'open' ? <Tag color="processing">{t('warnings.status.open')}</Tag> : null}
            {warning.period ? <Tag>{t('warnings.period', { year: warning.period.year, quarter: warning.period.quarter })}</Tag> : null}
            <WarningDueTag warning={warning} />
          </Space>
          <WarningScore score={warning.score} />
        </Flex>
        <Typography.Text>{warning.explanation}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('warnings.openedOn', { date: formatDateTime(warning.openedAt) })}
          {warning.status === 'closed' && warning.closeReason ? ` · ${t('warnings.closeReason', { reason: warning.closeReason })}` : ''}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

/** 预警 of one household: open warnings with their explanations, and the closed ones folded below. */
export function HouseholdWarningsCard({ householdId }: { householdId: string }) {
  const { t } = useI18n();
  const warnings = useHouseholdWarnings(householdId);
  const open = warnings.data?.open ?? [];
  const closed = warnings.data?.closed ?? [];

  return (
    <Card
      title={
        <Space>
          {t('householdWarnings.title')}
          {open.length ? <Badge count={t('householdWarnings.openCount', { count: open.length })} color="#cf1322" /> : null}
        </Space>
      }
      loading={warnings.isPending}
      data-testid="household-warnings"
      data-open={open.length}
      data-closed={closed.length}
    >
      {warnings.error && !warnings.data ? (
        <LoadErrorResult message={warnings.error.message} onRetry={() => void warnings.refetch()} />
      ) : (
        <Flex vertical gap={8}>
          {open.length === 0 && closed.length === 0 ? (
            <Typography.Text type="secondary">{t('householdWarnings.empty')}</Typography.Text>
          ) : null}
          {open.length ? <List size="small" dataSource={open} rowKey="id" renderItem={(w) => <WarningItem warning={w} />} /> : null}
          {closed.length ? (
            <>
              <Divider titlePlacement="start" plain style={{ margin: '8px 0 0' }}>
                <span data-testid="household-warnings-closed">{t('householdWarnings.closedTitle', { count: closed.length })}</span>
              </Divider>
              <List size="small" dataSource={closed} rowKey="id" renderItem={(w) => <WarningItem warning={w} />} />
            </>
          ) : null}
        </Flex>
      )}
    </Card>
  );
}
