import { type ReactNode } from 'react';
import { Button, Flex, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { hasPermission, useCurrentUser } from '../../auth';
import { useI18n } from '../../i18n';
import { useCurrentRegion } from '../../regions';
import { LoadErrorResult, PageContainer, useFirstPageOnRegionChange } from '../../ui';
import { useEvaluateWarnings, useWarnings } from '../hooks/useWarnings';
import type { Warning, WarningListState } from '../types';
import { countsByRule, searchFromWarningState, warningStateFromSearch } from '../warningList';
import { EvaluateResult } from './EvaluateResult';
import { WarningCountCards } from './WarningCountCards';
import { WarningFilterBar } from './WarningFilterBar';
import { WarningsTable } from './WarningsTable';

/** 监测预警: open warnings per rule, and the list of the current region's warnings, earliest due first. */
export function WarningsScreen({ renderWarningAction }: { renderWarningAction?: (warning: Warning) => ReactNode } = {}) {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const { region } = useCurrentRegion();
  const [search, setSearch] = useSearchParams();
  const state = warningStateFromSearch(search);
  const warnings = useWarnings(state, region.code);
  const evaluate = useEvaluateWarnings();
  const canManage = hasPermission(user, 'monitoring:manage');

  const update = (patch: Partial<WarningListState>) =>
    setSearch(searchFromWarningState({ ...state, page: 1, ...patch }), { replace: true });

  useFirstPageOnRegionChange(region.code, setSearch);

  return (
    <PageContainer
      title={t('warnings.title')}
      testId="warnings-page"
      extra={
        canManage ? (
          <Button
            type="primary"
            icon={<ReloadOutlined />}
            loading={evaluate.isPending}
            onClick={() => evaluate.mutate()}
            data-testid="warnings-evaluate"
          >
            {t('warnings.evaluate')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={16}>
        <EvaluateResult pending={evaluate.isPending} result={evaluate.data} error={evaluate.error} onClose={() => evaluate.reset()} />
        <Typography.Text type="secondary">{t('warnings.note')}</Typography.Text>
        <WarningCountCards counts={countsByRule(warnings.data?.counts)} selected={state.ruleId} onSelect={(ruleId) => update({ ruleId })} />
        <WarningFilterBar
          state={state}
          regionLabel={region.trail.length ? region.trail.slice(-3).join(' / ') : region.name}
          onChange={update}
        />
        {warnings.error && !warnings.data ? (
          <LoadErrorResult message={warnings.error.message} onRetry={() => void warnings.refetch()} />
        ) : (
          <WarningsTable
            rows={warnings.data?.items ?? []}
            total={warnings.data?.total ?? 0}
            page={state.page}
            pageSize={state.pageSize}
            loading={warnings.isFetching}
            renderAction={renderWarningAction}
            onPageChange={(page, pageSize) =>
              setSearch(searchFromWarningState({ ...state, page: pageSize === state.pageSize ? page : 1, pageSize }), { replace: true })
            }
          />
        )}
      </Flex>
    </PageContainer>
  );
}
