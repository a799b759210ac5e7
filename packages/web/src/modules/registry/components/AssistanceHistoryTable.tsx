import { Table } from 'antd';
import { ASSISTANCE_STATUS } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { useEnumLabel } from '../hooks/useEnumLabel';
import type { AssistanceHistoryEntry } from '../types';

/** Dibao / 特困 status over time (the status is a household attribute with history). */
export function AssistanceHistoryTable({ entries }: { entries: AssistanceHistoryEntry[] }) {
  const { t } = useI18n();
  const { label } = useEnumLabel();
  const sourceLabel = (source: string) =>
    source === 'form' ? t('assistance.source.form') : source === 'import' || source.startsWith('import') ? t('assistance.source.import') : source;

  return (
    <Table<AssistanceHistoryEntry>
      rowKey={(e) => `${e.valid_from}-${e.status}`}
      size="small"
      pagination={false}
      dataSource={[...entries].sort((a, b) => b.valid_from.localeCompare(a.valid_from))}
      data-testid="assistance-history"
      locale={{ emptyText: t('assistance.empty') }}
      columns={[
        { title: t('household.field.assistanceStatus'), key: 'status', render: (_, e) => label(ASSISTANCE_STATUS, e.status) },
        { title: t('assistance.from'), dataIndex: 'valid_from', key: 'from' },
        { title: t('assistance.to'), key: 'to', render: (_, e) => e.valid_to ?? t('assistance.current') },
        { title: t('assistance.source'), key: 'source', render: (_, e) => sourceLabel(e.source) },
      ]}
    />
  );
}
