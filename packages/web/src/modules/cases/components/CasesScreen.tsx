import { useEffect, useMemo, useState } from 'react';
import { Button, Flex, Select, Tabs, Tag, Tooltip, Typography } from 'antd';
import { EnvironmentOutlined, FileTextOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { CASE_STATES, CASE_STEP_ROLES } from '@zengshou/core';
import { useCurrentUser } from '../../auth';
import { useI18n } from '../../i18n';
import { useCurrentRegion } from '../../regions';
import { LoadErrorResult, PageContainer, useFirstPageOnRegionChange } from '../../ui';
import { caseLabelOptions } from '../caseLabels';
import { bulkGroups, bulkStepFor, caseStateFromSearch, countsByStatus, searchFromCaseState } from '../caseList';
import { useCases } from '../hooks/useCases';
import { caseNoticePath } from '../paths';
import type { BulkResult, CaseListState, CaseQueue, CaseSummary } from '../types';
import { BulkApproveButton } from './BulkApproveButton';
import { BulkResultAlert } from './BulkResultAlert';
import { CaseCountCards } from './CaseCountCards';
import { CasesTable } from './CasesTable';
import './cases.css';

const QUEUES: readonly CaseQueue[] = ['mine', 'overdue', 'all'];
const VILLAGE_CODE = /^\d{12}$/;

/** 案件办理: the signed-in role's queue, the overdue cases, or all cases of the current region. */
export function CasesScreen() {
  const { t, language } = useI18n();
  const { user } = useCurrentUser();
  const { region } = useCurrentRegion();
  const [search, setSearch] = useSearchParams();
  const state = caseStateFromSearch(search);
  const cases = useCases(state, region.code);
  const roles = user?.roles ?? [];
  const [selected, setSelected] = useState<CaseSummary[]>([]);
  const [bulkResult, setBulkResult] = useState<{ result: BulkResult; caseNos: Map<string, string> } | null>(null);

  const update = (patch: Partial<CaseListState>) => {
    setSelected([]);
    setSearch(searchFromCaseState({ ...state, page: 1, ...patch }), { replace: true });
  };

  useFirstPageOnRegionChange(region.code, setSearch);
  // Rows chosen for bulk approval in one region are not carried into another.
  useEffect(() => setSelected([]), [region.code]);

  const rows = cases.data?.items ?? [];
  const counts = countsByStatus(cases.data?.counts);
  // Rows stay selected only while they are on the page (a refetch may have moved them on).
  const selectedRows = useMemo(() => selected.filter((s) => rows.some((r) => r.id === s.id && r.version === s.version)), [selected, rows]);
  const groups = bulkGroups(selectedRows, roles);
  const canBulk = CASE_STATES.some((status) => bulkStepFor(status, roles) !== null);
  const canWork = CASE_STEP_ROLES.notice_started.some((r) => roles.includes(r));
  const isVillage = VILLAGE_CODE.test(region.code);

  return (
    <PageContainer
      title={t('cases.title')}
      testId="cases-page"
      extra={
        canWork ? (
          isVillage ? (
            <Link to={caseNoticePath(region.code, 'identification')}>
              <Button icon={<FileTextOutlined />} data-testid="case-notice-open">
                {t('cases.noticeList')}
              </Button>
            </Link>
          ) : (
            <Tooltip title={t('cases.noticeListHint')}>
              <Button icon={<FileTextOutlined />} disabled data-testid="case-notice-open">
                {t('cases.noticeList')}
              </Button>
            </Tooltip>
          )
        ) : null
      }
    >
      <Flex vertical gap={16}>
        <Tabs
          activeKey={state.queue}
          onChange={(queue) => update({ queue: queue as CaseQueue })}
          items={QUEUES.map((queue) => ({ key: queue, label: <span data-testid={`case-tab-${queue}`}>{t(`cases.tab.${queue}`)}</span> }))}
          style={{ marginBottom: -8 }}
        />
        <Typography.Text type="secondary">{t('cases.note')}</Typography.Text>
        <CaseCountCards
          statuses={counts.statuses}
          overdue={counts.overdue}
          dueSoon={counts.dueSoon}
          selected={state.status}
          onSelect={(status) => update({ status })}
          onOverdue={() => update({ queue: 'overdue' })}
        />
        <Flex wrap gap={8} align="center" justify="space-between" className="no-print" data-testid="case-filters">
          <Flex wrap gap={8} align="center">
            <Tooltip title={t('cases.filter.regionHint')}>
              <Tag icon={<EnvironmentOutlined />} data-testid="case-region" style={{ marginInlineEnd: 0 }}>
                {region.trail.length ? region.trail.slice(-3).join(' / ') : region.name}
              </Tag>
            </Tooltip>
            <Select
              allowClear
              style={{ width: 220 }}
              placeholder={t('cases.filter.status')}
              value={state.status}
              onChange={(status) => update({ status })}
              options={caseLabelOptions('status', CASE_STATES, language)}
              data-testid="case-filter-status"
            />
          </Flex>
          {canBulk ? (
            <Flex gap={8} align="center">
              <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 420 }}>
                {t('cases.bulk.hint')}
              </Typography.Text>
              <BulkApproveButton
                groups={groups}
                onDone={(result) => {
                  setBulkResult({ result, caseNos: new Map(selectedRows.map((r) => [r.id, r.caseNo])) });
                  setSelected([]);
                }}
              />
            </Flex>
          ) : null}
        </Flex>
        {bulkResult ? <BulkResultAlert result={bulkResult.result} caseNos={bulkResult.caseNos} onClose={() => setBulkResult(null)} /> : null}
        {cases.error && !cases.data ? (
          <LoadErrorResult message={cases.error.message} onRetry={() => void cases.refetch()} />
        ) : (
          <CasesTable
            rows={rows}
            total={cases.data?.total ?? 0}
            page={state.page}
            pageSize={state.pageSize}
            loading={cases.isFetching}
            emptyText={state.queue === 'mine' ? t('cases.emptyMine') : t('cases.empty')}
            onPageChange={(page, pageSize) => {
              setSelected([]);
              setSearch(searchFromCaseState({ ...state, page: pageSize === state.pageSize ? page : 1, pageSize }), { replace: true });
            }}
            selection={
              canBulk
                ? {
                    selectedKeys: selectedRows.map((r) => r.id),
                    onChange: (keys) => setSelected(rows.filter((r) => keys.includes(r.id))),
                    selectable: (row) => bulkStepFor(row.status, roles) !== null,
                  }
                : undefined
            }
          />
        )}
      </Flex>
    </PageContainer>
  );
}
