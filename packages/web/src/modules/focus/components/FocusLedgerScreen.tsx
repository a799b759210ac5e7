import { Alert, Badge, Button, Flex, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { EnvironmentOutlined, FileExcelOutlined, SyncOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { FOCUS_GROUPS, formatYuan, type FocusGroup } from '@zengshou/core';
import { hasPermission, useCurrentUser } from '../../auth';
import { useI18n } from '../../i18n';
import { useCurrentRegion } from '../../regions';
import { DownloadButton, LoadErrorResult, PageContainer, useFirstPageOnRegionChange } from '../../ui';
import { countOf, ledgerExportUrl, ledgerStateFromSearch, searchFromLedgerState } from '../focusList';
import { focusGroupLabel } from '../focusLabels';
import { useFocusLedger, useRefreshPlanStatuses } from '../hooks/useFocusLedger';
import type { LedgerState } from '../types';
import { FocusLedgerTable } from './FocusLedgerTable';
import { FocusPlanDrawer } from './FocusPlanDrawer';
import { PlanStatusCards } from './PlanStatusCards';

/**
 * 重点群体台账 (seeds 000, 001, 004): the two ledgers of the current region — under 10,000 yuan per person, and
 * income fell — with each household's one-household plan (一户一策) and its close-out status.
 */
export function FocusLedgerScreen() {
  const { t, language } = useI18n();
  const { user } = useCurrentUser();
  const { region } = useCurrentRegion();
  const [search, setSearch] = useSearchParams();
  const state = ledgerStateFromSearch(search);
  const ledger = useFocusLedger(state, region.code);
  const refresh = useRefreshPlanStatuses();
  const canWrite = hasPermission(user, 'registry:write');

  const go = (next: LedgerState) => setSearch(searchFromLedgerState(next), { replace: true });
  const update = (patch: Partial<LedgerState>) => go({ ...state, page: 1, ...patch });

  useFirstPageOnRegionChange(region.code, setSearch);

  const groupCounts = ledger.data?.counts.groups;
  const threshold = ledger.data?.lowIncomeThresholdFen;

  return (
    <PageContainer
      title={t('focus.title')}
      testId="focus-page"
      extra={
        <Space wrap>
          {hasPermission(user, 'monitoring:manage') ? (
            <Tooltip title={t('focus.refresh.hint')}>
              <Button icon={<SyncOutlined />} loading={refresh.isPending} onClick={() => refresh.mutate()} data-testid="focus-refresh">
                {t('focus.refresh')}
              </Button>
            </Tooltip>
          ) : null}
          {hasPermission(user, 'registry:export') ? (
            <DownloadButton
              url={ledgerExportUrl(state, region.code)}
              fileName={t('focus.export.fileName')}
              icon={<FileExcelOutlined />}
              testId="focus-export"
            >
              {t('focus.export')}
            </DownloadButton>
          ) : null}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        {refresh.data ? (
          <Alert
            type="success"
            showIcon
            closable
            onClose={() => refresh.reset()}
            data-testid="focus-refresh-result"
            data-closed-out={refresh.data.closedOut}
            data-reopened={refresh.data.reopened}
            title={t('focus.refresh.result', { closedOut: refresh.data.closedOut, reopened: refresh.data.reopened })}
          />
        ) : null}
        {refresh.error ? <Alert type="error" showIcon data-testid="focus-refresh-error" title={refresh.error.message} /> : null}
        <Typography.Text type="secondary">
          {t('focus.note', { threshold: threshold === undefined ? '10,000.00 元' : formatYuan(threshold) })}
        </Typography.Text>
        <Tabs
          activeKey={state.group}
          onChange={(group) => update({ group: group as FocusGroup, planStatus: undefined })}
          data-testid="focus-tabs"
          items={FOCUS_GROUPS.map((group) => ({
            key: group,
            label: (
              <span data-testid={`focus-tab-${group}`} data-count={countOf(groupCounts?.[group])}>
                {focusGroupLabel(group, language)}
                <Badge count={countOf(groupCounts?.[group])} showZero overflowCount={99_999} color={group === 'low_income' ? 'volcano' : 'orange'} style={{ marginInlineStart: 6 }} />
              </span>
            ),
          }))}
        />
        <Flex wrap gap={8} align="center" className="no-print">
          <Tooltip title={t('focus.region.hint')}>
            <Tag icon={<EnvironmentOutlined />} data-testid="focus-region" style={{ marginInlineEnd: 0 }}>
              {region.trail.length ? region.trail.slice(-3).join(' / ') : region.name}
            </Tag>
          </Tooltip>
        </Flex>
        <PlanStatusCards counts={ledger.data?.counts.planStatus} selected={state.planStatus} onSelect={(planStatus) => update({ planStatus })} />
        {ledger.error && !ledger.data ? (
          <LoadErrorResult message={ledger.error.message} onRetry={() => void ledger.refetch()} />
        ) : (
          <FocusLedgerTable
            rows={ledger.data?.items ?? []}
            total={ledger.data?.total ?? 0}
            page={state.page}
            pageSize={state.pageSize}
            loading={ledger.isFetching}
            canWrite={canWrite}
            onPageChange={(page, pageSize) => go({ ...state, page: pageSize === state.pageSize ? page : 1, pageSize })}
            onOpenPlan={(plan) => go({ ...state, plan })}
          />
        )}
      </Flex>
      {state.plan ? <FocusPlanDrawer key={state.plan} householdId={state.plan} canWrite={canWrite} onClose={() => go({ ...state, plan: undefined })} /> : null}
    </PageContainer>
  );
}
