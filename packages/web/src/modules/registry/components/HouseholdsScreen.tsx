import { useState } from 'react';
import { Button, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { hasPermission, useCurrentUser } from '../../auth';
import { useI18n } from '../../i18n';
import { useCurrentRegion } from '../../regions';
import { LoadErrorResult, PageContainer, useFirstPageOnRegionChange } from '../../ui';
import { listStateFromSearch, searchFromListState } from '../householdFilters';
import { useHouseholds } from '../hooks/useHouseholds';
import type { HouseholdListState } from '../types';
import { HouseholdCreateModal } from './HouseholdCreateModal';
import { HouseholdExportControl } from './HouseholdExportControl';
import { HouseholdFilterBar } from './HouseholdFilterBar';
import { HouseholdsTable } from './HouseholdsTable';

/** 农户档案: filtered, paginated list of the households in the current region. Filters live in the address bar. */
export function HouseholdsScreen() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const { region } = useCurrentRegion();
  const [search, setSearch] = useSearchParams();
  const [resetCount, setResetCount] = useState(0);
  const [creating, setCreating] = useState(false);
  const state = listStateFromSearch(search);
  const households = useHouseholds(state, region.code);

  const update = (patch: Partial<HouseholdListState>) =>
    setSearch(searchFromListState({ ...state, page: 1, ...patch }), { replace: true });

  useFirstPageOnRegionChange(region.code, setSearch);

  const reset = () => {
    setSearch(searchFromListState({ page: 1, pageSize: state.pageSize }), { replace: true });
    setResetCount((n) => n + 1);
  };

  return (
    <PageContainer
      title={t('household.list.title')}
      testId="households-page"
      extra={
        <Space wrap>
          {hasPermission(user, 'registry:export') ? (
            <HouseholdExportControl filters={state} region={region.code} canUnmask={hasPermission(user, 'personal:unmask')} />
          ) : null}
          {hasPermission(user, 'registry:write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="household-create">
              {t('household.create')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <HouseholdFilterBar
        key={resetCount}
        filters={state}
        regionLabel={region.trail.length ? region.trail.slice(-3).join(' / ') : region.name}
        onChange={update}
        onReset={reset}
      />
      <div style={{ marginTop: 16 }}>
        {households.error && !households.data ? (
          <LoadErrorResult message={households.error.message} onRetry={() => void households.refetch()} />
        ) : (
          <HouseholdsTable
            rows={households.data?.items ?? []}
            total={households.data?.total ?? 0}
            page={state.page}
            pageSize={state.pageSize}
            loading={households.isFetching}
            onPageChange={(page, pageSize) =>
              setSearch(searchFromListState({ ...state, page: pageSize === state.pageSize ? page : 1, pageSize }), { replace: true })
            }
          />
        )}
      </div>
      {creating ? <HouseholdCreateModal onClose={() => setCreating(false)} /> : null}
    </PageContainer>
  );
}
