import type { HTMLAttributes } from 'react';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useAuditActionLabel } from '../../audit';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDateTime, LoadErrorResult } from '../../ui';
import { historyChanges } from '../historyDiff';
import { historyFieldLabel, historyValue, sortedChanges } from '../historyFields';
import { useHouseholdHistory } from '../hooks/useHouseholdHistory';
import type { HouseholdHistoryEntry } from '../types';

const ENTITY_KEYS: Readonly<Record<string, MessageKey>> = {
  household: 'history.entity.household',
  member: 'history.entity.member',
  income_record: 'history.entity.income',
};

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** 修改记录: what was changed on this household, its members and its income, newest first (from the audit log). */
export function HouseholdHistory({ householdId }: { householdId: string }) {
  const { t, language } = useI18n();
  const actionLabel = useAuditActionLabel();
  const history = useHouseholdHistory(householdId);

  const subject = (entry: HouseholdHistoryEntry) => {
    const entity = Object.hasOwn(ENTITY_KEYS, entry.entity) ? t(ENTITY_KEYS[entry.entity]!) : entry.entity;
    const name = field(entry.after, 'name') ?? field(entry.before, 'name');
    const year = field(entry.after, 'year');
    const quarter = field(entry.after, 'quarter');
    if (entry.entity === 'member' && typeof name === 'string') return `${entity}：${name}`;
    if (entry.entity === 'income_record' && typeof year === 'number' && typeof quarter === 'number') {
      return `${entity}：${t('income.period', { year, quarter })}`;
    }
    return entity;
  };

  const columns: TableColumnsType<HouseholdHistoryEntry> = [
    { title: t('history.column.time'), key: 'time', width: 170, render: (_, e) => formatDateTime(e.occurredAt) },
    { title: t('history.column.user'), key: 'user', width: 110, render: (_, e) => e.username ?? '—' },
    {
      title: t('history.column.action'),
      key: 'action',
      width: 200,
      render: (_, e) => (
        <>
          <div>{actionLabel(e.action)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {subject(e)}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('history.column.changes'),
      key: 'changes',
      render: (_, e) => {
        // The period of an income entry is already named under the action.
        const changes = sortedChanges(historyChanges(e.before, e.after), e.entity === 'income_record' ? ['year', 'quarter'] : []);
        if (changes.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <ul className="history-changes">
            {changes.map((c) => (
              <li key={c.field}>
                <Typography.Text strong>{historyFieldLabel(c.field, t, language)}</Typography.Text>：
                {c.before !== undefined ? (
                  <>
                    <Typography.Text delete type="secondary">
                      {historyValue(c.field, c.before, t, language)}
                    </Typography.Text>
                    {' → '}
                  </>
                ) : null}
                {c.after !== undefined ? historyValue(c.field, c.after, t, language) : t('history.removed')}
              </li>
            ))}
          </ul>
        );
      },
    },
  ];

  if (history.error && !history.data) {
    return <LoadErrorResult message={history.error.message} onRetry={() => void history.refetch()} />;
  }
  return (
    <Table<HouseholdHistoryEntry>
      rowKey="seq"
      size="small"
      columns={columns}
      dataSource={history.data ?? []}
      loading={history.isFetching}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      data-testid="household-history"
      onRow={(e) => ({ 'data-testid': `history-row-${e.seq}` }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('history.empty') }}
    />
  );
}
