import { useState } from 'react';
import { Alert, Button, Card, Col, Flex, Row, Select, Statistic, Table, Tag, Typography, Upload, type TableColumnsType, type UploadProps } from 'antd';
import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEPARTMENT_LIST_TYPES, DEPARTMENT_LIST_TYPE_LABELS, type DepartmentListType } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { DownloadButton, PageContainer, formatDateTime } from '../../ui';
import { applyDepartmentList, departmentList, falsePositiveRates, listDepartmentLists, templateUrl, uploadDepartmentList } from '../api/departmentApi';
import { formatRate } from '../departmentLabels';
import { departmentKeys } from '../queryKeys';
import type { DepartmentListDetail, DepartmentListRow, DepartmentListSummary, FalsePositiveRate } from '../types';

const STATUS_COLOR: Record<DepartmentListRow['status'], string> = { matched: 'green', already_known: 'blue', unmatched: 'default', invalid: 'red' };

/** 部门数据: choose the list type, trial-match a file (试比对), review the diff, confirm (确认导入); history and rates. */
export function DepartmentScreen() {
  const { t } = useI18n();
  const client = useQueryClient();
  const [listType, setListType] = useState<DepartmentListType>('civil_affairs');
  const [current, setCurrent] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<DepartmentListDetail | null>(null);

  const lists = useQuery({ queryKey: departmentKeys.lists, queryFn: listDepartmentLists });
  const rates = useQuery({ queryKey: departmentKeys.rates, queryFn: falsePositiveRates });
  const detail = useQuery({ queryKey: departmentKeys.list(current ?? ''), queryFn: () => departmentList(current!), enabled: current !== null });
  const shown = detail.data ?? uploaded;

  const upload = useMutation({
    mutationFn: uploadDepartmentList,
    onSuccess: (result) => {
      setUploaded(result);
      setCurrent(result.list.id);
      client.setQueryData(departmentKeys.list(result.list.id), result);
      void client.invalidateQueries({ queryKey: departmentKeys.lists });
    },
  });
  const apply = useMutation({
    mutationFn: applyDepartmentList,
    onSuccess: (result) => {
      client.setQueryData(departmentKeys.list(result.list.id), result);
      void client.invalidateQueries({ queryKey: departmentKeys.all });
    },
  });

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    upload.mutate({ file: file as File, listType, dryRun: true }, { onSuccess: (r) => onSuccess?.(r), onError: (e) => onError?.(e) });
  };

  return (
    <PageContainer title={t('department.title')} testId="department-page">
      <Flex vertical gap={16}>
        <Card data-testid="department-upload-card">
          <Flex vertical gap={12}>
            <Typography.Text type="secondary">{t('department.intro')}</Typography.Text>
            <Flex gap={12} align="center" wrap>
              <Typography.Text strong>{t('department.listType')}</Typography.Text>
              <Select<DepartmentListType>
                value={listType}
                onChange={setListType}
                style={{ minWidth: 280 }}
                data-testid="department-list-type"
                options={DEPARTMENT_LIST_TYPES.map((v) => ({ value: v, label: <span data-testid={`department-list-type-${v}`}>{DEPARTMENT_LIST_TYPE_LABELS[v]}</span> }))}
              />
              <DownloadButton url={templateUrl(listType)} fileName={t('department.templateName')} icon={<FileExcelOutlined />} testId="department-template">
                {t('department.template')}
              </DownloadButton>
            </Flex>
            {upload.error ? <Alert type="error" showIcon title={upload.error.message} data-testid="department-upload-error" /> : null}
            <Upload.Dragger accept=".xlsx,.csv" multiple={false} maxCount={1} showUploadList={false} disabled={upload.isPending} customRequest={customRequest} data-testid="department-upload">
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{upload.isPending ? t('department.sending') : t('department.drop')}</p>
              <p className="ant-upload-hint">{t('department.hint')}</p>
            </Upload.Dragger>
          </Flex>
        </Card>
        {shown ? (
          <ResultCard
            detail={shown}
            alreadyApplied={uploaded?.list.id === shown.list.id && uploaded.alreadyApplied === true}
            applying={apply.isPending}
            applyError={apply.error?.message ?? null}
            onApply={() => apply.mutate(shown.list.id)}
          />
        ) : null}
        <HistoryCard items={lists.data?.items ?? []} loading={lists.isFetching} onView={(id) => { setUploaded(null); setCurrent(id); }} />
        <RatesCard items={rates.data?.items ?? []} loading={rates.isFetching} />
      </Flex>
    </PageContainer>
  );
}

function ResultCard(props: { detail: DepartmentListDetail; alreadyApplied: boolean; applying: boolean; applyError: string | null; onApply: () => void }) {
  const { t } = useI18n();
  const { list, rows } = props.detail;
  const columns: TableColumnsType<DepartmentListRow> = [
    { title: t('department.column.rowNo'), dataIndex: 'rowNo', width: 70 },
    { title: t('department.column.name'), dataIndex: 'name', width: 100, render: (v: string | null) => v ?? '—' },
    { title: t('department.column.idNumber'), dataIndex: 'idNumber', width: 190, render: (v: string | null) => v ?? '—' },
    { title: t('department.column.detail'), dataIndex: 'detail' },
    { title: t('department.column.status'), key: 'status', width: 110, render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{r.statusLabel}</Tag> },
    { title: t('department.column.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
    ...(list.status === 'applied'
      ? [{ title: t('department.column.warning'), key: 'warning', width: 100, render: (_: unknown, r: DepartmentListRow) => (r.warning ? t(`department.warning.${r.warning}`) : '') }]
      : []),
  ];
  const stat = (key: string, value: number, testId: string) => (
    <Col xs={12} md={4}>
      <Statistic title={t(key as 'department.result.total')} value={value} data-testid={testId} data-value={value} />
    </Col>
  );
  return (
    <Card
      title={`${t('department.result.title')} · ${list.listTypeLabel} · ${list.fileName}`}
      extra={<Tag color={list.status === 'applied' ? 'green' : 'orange'} data-testid="department-result-status">{list.statusLabel}</Tag>}
      data-testid="department-result"
      data-status={list.status}
    >
      <Flex vertical gap={12}>
        <Row gutter={[12, 12]}>
          {stat('department.result.total', list.counts.total, 'department-count-total')}
          {stat('department.result.matched', list.counts.matched, 'department-count-matched')}
          {stat('department.result.alreadyKnown', list.counts.alreadyKnown, 'department-count-known')}
          {stat('department.result.unmatched', list.counts.unmatched, 'department-count-unmatched')}
          {stat('department.result.invalid', list.counts.invalid, 'department-count-invalid')}
        </Row>
        {props.alreadyApplied ? <Alert type="info" showIcon title={t('department.result.alreadyApplied')} data-testid="department-already-applied" /> : null}
        {list.status === 'applied' ? (
          <Alert type="success" showIcon title={t('department.result.applied', { warnings: list.warningsOpened, leads: list.leadsOpened, facts: list.factsUpdated })} data-testid="department-applied" />
        ) : (
          <Flex justify="end">
            <Button type="primary" loading={props.applying} onClick={props.onApply} data-testid="department-apply">
              {t('department.confirm')}
            </Button>
          </Flex>
        )}
        {props.applyError ? <Alert type="error" showIcon title={props.applyError} data-testid="department-apply-error" /> : null}
        <Table<DepartmentListRow>
          rowKey="rowNo"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="department-rows"
          onRow={(r) => ({ 'data-testid': `department-row-${r.rowNo}`, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
        />
      </Flex>
    </Card>
  );
}

function HistoryCard({ items, loading, onView }: { items: DepartmentListSummary[]; loading: boolean; onView: (id: string) => void }) {
  const { t } = useI18n();
  const columns: TableColumnsType<DepartmentListSummary> = [
    { title: t('department.history.createdAt'), key: 'createdAt', width: 170, render: (_, l) => formatDateTime(l.createdAt) },
    { title: t('department.listType'), dataIndex: 'listTypeLabel' },
    { title: t('department.history.fileName'), dataIndex: 'fileName' },
    { title: t('department.history.status'), key: 'status', width: 90, render: (_, l) => <Tag color={l.status === 'applied' ? 'green' : 'orange'}>{l.statusLabel}</Tag> },
    { title: t('department.history.counts'), key: 'counts', render: (_, l) => `${l.counts.matched} / ${l.counts.alreadyKnown} / ${l.counts.unmatched} / ${l.counts.invalid}` },
    { title: t('department.result.warningsOpened'), dataIndex: 'warningsOpened', width: 90 },
    { title: '', key: 'view', width: 70, render: (_, l) => <Button size="small" type="link" onClick={() => onView(l.id)} data-testid="department-history-view">{t('department.history.view')}</Button> },
  ];
  return (
    <Card title={t('department.history.title')}>
      <Table<DepartmentListSummary> rowKey="id" size="small" columns={columns} dataSource={items} loading={loading} pagination={{ pageSize: 10, hideOnSinglePage: true }} data-testid="department-history" />
    </Card>
  );
}

function RatesCard({ items, loading }: { items: FalsePositiveRate[]; loading: boolean }) {
  const { t } = useI18n();
  const columns: TableColumnsType<FalsePositiveRate> = [
    { title: t('department.listType'), dataIndex: 'label' },
    { title: t('department.rates.pushed'), dataIndex: 'pushed', width: 100 },
    { title: t('department.rates.open'), dataIndex: 'open', width: 100 },
    { title: t('department.rates.falsePositives'), dataIndex: 'falsePositives', width: 100 },
    { title: t('department.rates.rate'), key: 'rate', width: 100, render: (_, r) => <span data-testid={`department-rate-${r.listType}`}>{formatRate(r.rate)}</span> },
  ];
  return (
    <Card title={t('department.rates.title')}>
      <Table<FalsePositiveRate> rowKey="listType" size="small" columns={columns} dataSource={items} loading={loading} pagination={false} data-testid="department-rates" />
    </Card>
  );
}
