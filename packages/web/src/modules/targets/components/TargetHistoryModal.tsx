import { Modal, Table, type TableColumnsType } from 'antd';
import { INCOME_PARTS, formatYuan } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../ui';
import { useTargetHistory } from '../hooks/useTargets';
import { formatPercent } from '../targetForm';
import type { IncomeTargetView } from '../types';

/** Every saved version of one region's target for a year, newest first: targets are revised, never overwritten. */
export function TargetHistoryModal({ target, onClose }: { target: IncomeTargetView; onClose: () => void }) {
  const { t } = useI18n();
  const history = useTargetHistory(target.regionCode, target.year, true);
  const columns: TableColumnsType<IncomeTargetView> = [
    { title: '#', dataIndex: 'version', key: 'version', width: 50 },
    { title: t('targets.col.perCapita'), key: 'perCapita', align: 'right', render: (_, r) => formatYuan(r.perCapitaNetFen) },
    ...INCOME_PARTS.map((part) => ({
      title: t(`targets.part.${part}`),
      key: part,
      align: 'right' as const,
      render: (_: unknown, r: IncomeTargetView) => (r.partsFen[part] === null ? '—' : formatYuan(r.partsFen[part]!)),
    })),
    { title: t('targets.col.growth'), key: 'growth', align: 'right', render: (_, r) => formatPercent(r.growthRate) },
    { title: t('targets.col.source'), key: 'by', render: (_, r) => t('targets.setBy', { name: r.setByName, time: formatDateTime(r.setAt), version: r.version }) },
  ];
  return (
    <Modal open width={960} footer={null} onCancel={onClose} title={t('targets.history.title', { region: target.regionName ?? target.regionCode, year: target.year })}>
      <Table<IncomeTargetView> rowKey="id" columns={columns} dataSource={history.data?.items ?? []} loading={history.isFetching} pagination={false} size="small" data-testid="targets-history" />
    </Modal>
  );
}
