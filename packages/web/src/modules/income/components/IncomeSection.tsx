import { useState } from 'react';
import { Button, Card, Flex, Space, Switch, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { LoadErrorResult } from '../../ui';
import { useIncomeRecords } from '../hooks/useIncomeRecords';
import { useIncomeText } from '../hooks/useIncomeText';
import { IncomeChart } from './IncomeChart';
import { IncomeEntryModal } from './IncomeEntryModal';
import { IncomeRecordsTable } from './IncomeRecordsTable';

interface IncomeSectionProps {
  householdId: string;
  /** Current member count, for the per-capita estimate while typing (the server's figure is final). */
  householdSize: number;
  canWrite: boolean;
  /** Called after a save, e.g. to refresh the household's latest income and check counts. */
  onSaved?: () => void;
}

/** Income of one household: the four-wheel chart, the records per quarter, and entry of a quarter's income. */
export function IncomeSection({ householdId, householdSize, canWrite, onSaved }: IncomeSectionProps) {
  const { t } = useIncomeText();
  const [revisions, setRevisions] = useState(false);
  const [entryOpen, setEntryOpen] = useState(false);
  const current = useIncomeRecords(householdId, false);
  const shown = useIncomeRecords(householdId, revisions);
  const currentRecords = current.data ?? [];

  return (
    <Card
      title={t('income.title')}
      data-testid="income-section"
      extra={
        <Space className="no-print" wrap>
          <Space size={4}>
            <Switch size="small" checked={revisions} onChange={setRevisions} data-testid="income-revisions" />
            <Typography.Text type="secondary">{t('income.showRevisions')}</Typography.Text>
          </Space>
          {canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEntryOpen(true)} data-testid="income-add">
              {t('income.add')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {current.error && !current.data ? (
        <LoadErrorResult message={current.error.message} onRetry={() => void current.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <IncomeChart records={currentRecords} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('income.cumulativeNote')}
          </Typography.Text>
          <IncomeRecordsTable records={shown.data ?? []} loading={shown.isFetching} />
        </Flex>
      )}
      {entryOpen ? (
        <IncomeEntryModal
          householdId={householdId}
          householdSize={householdSize}
          records={currentRecords}
          onSaved={() => onSaved?.()}
          onClose={() => setEntryOpen(false)}
        />
      ) : null}
    </Card>
  );
}
