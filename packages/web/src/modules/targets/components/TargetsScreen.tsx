import { useState } from 'react';
import { Alert, Button, Flex, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, FileExcelOutlined, HistoryOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { INCOME_PARTS, formatYuan } from '@zengshou/core';
import { hasPermission, useCurrentUser } from '../../auth';
import { useI18n } from '../../i18n';
import { useCurrentRegion } from '../../regions';
import { DownloadButton, LoadErrorResult, PageContainer, formatDateTime } from '../../ui';
import { TARGETS_TEMPLATE_URL, targetsExportUrl } from '../api/targetsApi';
import { useTargets } from '../hooks/useTargets';
import { formatPercent, yearOptions } from '../targetForm';
import type { IncomeTargetView, YearFilter } from '../types';
import { TargetEditModal } from './TargetEditModal';
import { TargetHistoryModal } from './TargetHistoryModal';
import { TargetImportModal } from './TargetImportModal';

type Editing = { target: IncomeTargetView | null } | null;

const rowKey = (r: IncomeTargetView) => `${r.regionCode}:${r.year}`;

/**
 * 增收目标 (domain.md §3, seeds 000 and 004): the targets of the current region and the regions below it, year by
 * year — per-capita net income and the four parts in yuan with their shares, growth, and where each came from.
 */
export function TargetsScreen() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const { region } = useCurrentRegion();
  const currentYear = new Date().getFullYear();
  const [year, setYear] = useState<YearFilter>('all');
  const [editing, setEditing] = useState<Editing>(null);
  const [history, setHistory] = useState<IncomeTargetView | null>(null);
  const [importing, setImporting] = useState(false);
  const targets = useTargets(region.code, year);
  const canManage = hasPermission(user, 'targets:manage');

  const columns: TableColumnsType<IncomeTargetView> = [
    { title: t('targets.col.region'), key: 'region', render: (_, r) => r.regionName ?? r.regionCode, width: 150 },
    { title: t('targets.col.year'), dataIndex: 'year', key: 'year', width: 70 },
    {
      title: t('targets.col.kind'), key: 'kind', width: 70,
      render: (_, r) => (r.base ? <Tag>{t('targets.kind.base')}</Tag> : <Tag color="blue">{t('targets.kind.target')}</Tag>),
    },
    { title: t('targets.col.perCapita'), key: 'perCapita', align: 'right', render: (_, r) => <Typography.Text strong>{formatYuan(r.perCapitaNetFen)}</Typography.Text> },
    ...INCOME_PARTS.map((part) => ({
      title: t(`targets.part.${part}`),
      key: part,
      align: 'right' as const,
      render: (_: unknown, r: IncomeTargetView) =>
        r.partsFen[part] === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Flex vertical align="end">
            <span>{formatYuan(r.partsFen[part]!)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatPercent(r.partShares[part])}</Typography.Text>
          </Flex>
        ),
    })),
    {
      title: t('targets.col.growth'), key: 'growth', align: 'right', width: 110,
      render: (_, r) => (
        <Flex vertical align="end">
          <span>{formatPercent(r.growthRate ?? r.derivedGrowthRate)}</span>
          {r.growthRate !== null && r.derivedGrowthRate !== null ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('targets.growth.derived', { rate: formatPercent(r.derivedGrowthRate) })}</Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      // Wide enough for a document name; a long note (e.g. how a figure was derived) stays at two lines, whole on hover.
      title: t('targets.col.source'), key: 'source', width: 280,
      render: (_, r) => (
        <Tooltip title={t('targets.setBy', { name: r.setByName, time: formatDateTime(r.setAt), version: r.version })}>
          <Flex vertical>
            {r.source ? <Typography.Text style={{ fontSize: 12 }}>{r.source}</Typography.Text> : null}
            {r.note ? (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }} ellipsis={{ rows: 2, tooltip: r.note }}>
                {r.note}
              </Typography.Paragraph>
            ) : null}
          </Flex>
        </Tooltip>
      ),
    },
    {
      title: t('targets.col.actions'), key: 'actions', width: 90, fixed: 'right',
      render: (_, r) => (
        <Space size={0}>
          {canManage && r.regionCode.startsWith(region.code) ? (
            <Tooltip title={t('targets.edit')}>
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ target: r })} data-testid={`targets-edit-${r.regionCode}-${r.year}`} />
            </Tooltip>
          ) : null}
          <Tooltip title={t('targets.history')}>
            <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setHistory(r)} data-testid={`targets-history-${r.regionCode}-${r.year}`} />
          </Tooltip>
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('targets.title')}
      testId="targets-page"
      extra={
        <Space wrap>
          {canManage ? (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ target: null })} data-testid="targets-add">
                {t('targets.add')}
              </Button>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="targets-import">
                {t('targets.import')}
              </Button>
              <DownloadButton url={TARGETS_TEMPLATE_URL} fileName={t('targets.template.fileName')} icon={<FileExcelOutlined />} testId="targets-template">
                {t('targets.template')}
              </DownloadButton>
            </>
          ) : null}
          {hasPermission(user, 'registry:export') ? (
            <DownloadButton url={targetsExportUrl(region.code, year)} fileName={t('targets.export.fileName')} icon={<FileExcelOutlined />} testId="targets-export">
              {t('targets.export')}
            </DownloadButton>
          ) : null}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('targets.intro')}</Typography.Text>
        <Flex gap={12} align="center" wrap>
          <Tag data-testid="targets-region">{t('targets.region', { region: region.trail.length ? region.trail.slice(-3).join(' / ') : region.name })}</Tag>
          <Typography.Text>{t('targets.year')}</Typography.Text>
          <Select<YearFilter>
            value={year}
            onChange={setYear}
            style={{ width: 140 }}
            data-testid="targets-year"
            options={[{ value: 'all' as YearFilter, label: t('targets.year.all') }, ...yearOptions(currentYear).map((y) => ({ value: y as YearFilter, label: String(y) }))]}
          />
        </Flex>
        {targets.error && !targets.data ? (
          <LoadErrorResult message={targets.error.message} onRetry={() => void targets.refetch()} />
        ) : (
          <Table<IncomeTargetView>
            rowKey={rowKey}
            columns={columns}
            dataSource={targets.data?.items ?? []}
            loading={targets.isFetching}
            pagination={false}
            size="small"
            scroll={{ x: 1400 }}
            locale={{ emptyText: t('targets.empty') }}
            data-testid="targets-table"
          />
        )}
        {targets.data && targets.data.inherited.length > 0 ? (
          <Alert
            type="info"
            showIcon
            data-testid="targets-inherited"
            title={t('targets.inherited.title')}
            description={
              <Table<IncomeTargetView>
                rowKey={rowKey}
                columns={columns.filter((c) => c.key !== 'actions')}
                dataSource={targets.data.inherited}
                pagination={false}
                size="small"
                scroll={{ x: 1100 }}
              />
            }
          />
        ) : null}
      </Flex>
      {editing ? (
        <TargetEditModal
          key={editing.target ? rowKey(editing.target) : 'new'}
          target={editing.target}
          defaults={{ regionCode: region.code, year: currentYear }}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {history ? <TargetHistoryModal target={history} onClose={() => setHistory(null)} /> : null}
      {importing ? <TargetImportModal onClose={() => setImporting(false)} /> : null}
    </PageContainer>
  );
}
