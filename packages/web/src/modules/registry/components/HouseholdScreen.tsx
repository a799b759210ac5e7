import { useState, type ReactNode } from 'react';
import { Button, Card, Flex, Space, Tabs } from 'antd';
import { ArrowLeftOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { isApiError } from '../../api';
import { hasPermission, useCurrentUser } from '../../auth';
import { useI18n } from '../../i18n';
import { IncomeSection } from '../../income';
import { FullPageSpin, LoadErrorResult, NotFoundResult, PageContainer } from '../../ui';
import { useHousehold } from '../hooks/useHousehold';
import { HOUSEHOLDS_PATH } from '../paths';
import { registryKeys } from '../queryKeys';
import type { Household } from '../types';
import { AssistanceHistoryTable } from './AssistanceHistoryTable';
import { HouseholdEditModal } from './HouseholdEditModal';
import { HouseholdHeaderCard } from './HouseholdHeaderCard';
import { HouseholdHistory } from './HouseholdHistory';
import { MemberMovesTable } from './MemberMovesTable';
import { MembersCard } from './MembersCard';
import { UnmaskModal } from './UnmaskModal';

interface HouseholdScreenProps {
  id: string;
  /** The household's warnings card (monitoring module), placed by the page so registry does not depend on it. */
  renderWarnings?: (household: Household) => ReactNode;
  /** Header buttons of other areas (the cases module's 登记线索), placed by the page likewise. */
  renderActions?: (household: Household) => ReactNode;
  /** The household's timeline (cases module), shown under the warnings. */
  renderTimeline?: (household: Household) => ReactNode;
}

/** One household: facts, warnings, members, income (chart, records, entry) and its change history. */
export function HouseholdScreen({ id, renderWarnings, renderActions, renderTimeline }: HouseholdScreenProps) {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const queryClient = useQueryClient();
  const detail = useHousehold(id);
  const [dialog, setDialog] = useState<'edit' | 'unmask' | null>(null);
  const canWrite = hasPermission(user, 'registry:write');
  const canUnmask = hasPermission(user, 'personal:unmask');

  if (detail.isPending) return <FullPageSpin />;
  if (detail.error) {
    // 400: not a household id at all; 404: no such household, or outside the user's region.
    if (isApiError(detail.error) && (detail.error.status === 404 || detail.error.status === 400)) return <NotFoundResult />;
    return <LoadErrorResult message={detail.error.message} onRetry={() => void detail.refetch()} />;
  }
  const { household, members, assistanceHistory, memberMoves } = detail.data;
  const refreshHousehold = () => void queryClient.invalidateQueries({ queryKey: registryKeys.all });

  return (
    <PageContainer
      title={t('household.detailTitle', { no: household.householdNo, head: household.headName ?? t('household.noHead') })}
      testId="household-detail"
      extra={
        <Space wrap>
          <Link to={HOUSEHOLDS_PATH}>
            <Button icon={<ArrowLeftOutlined />} data-testid="household-back">
              {t('household.backToList')}
            </Button>
          </Link>
          {renderActions?.(household)}
          {canUnmask ? (
            <Button icon={<EyeOutlined />} onClick={() => setDialog('unmask')} data-testid="household-unmask">
              {t('unmask.button')}
            </Button>
          ) : null}
          {canWrite ? (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="household-edit">
              {t('household.edit')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Flex vertical gap={16} className="household-detail" data-household-id={household.id}>
        <HouseholdHeaderCard household={household} />
        {renderWarnings?.(household)}
        {renderTimeline?.(household)}
        <MembersCard householdId={household.id} members={members} canWrite={canWrite} />
        <IncomeSection householdId={household.id} householdSize={household.memberCount} canWrite={canWrite} onSaved={refreshHousehold} />
        <Card>
          <Tabs
            defaultActiveKey="history"
            items={[
              {
                key: 'history',
                label: <span data-testid="household-tab-history">{t('history.title')}</span>,
                children: <HouseholdHistory householdId={household.id} />,
              },
              {
                key: 'assistance',
                label: <span data-testid="household-tab-assistance">{t('assistance.title')}</span>,
                children: <AssistanceHistoryTable entries={assistanceHistory} />,
              },
              {
                key: 'moves',
                label: <span data-testid="household-tab-moves">{t('moves.title')}</span>,
                children: <MemberMovesTable householdId={household.id} moves={memberMoves} members={members} />,
              },
            ]}
          />
        </Card>
      </Flex>
      {dialog === 'edit' ? <HouseholdEditModal key={household.id} household={household} onClose={() => setDialog(null)} /> : null}
      {dialog === 'unmask' ? <UnmaskModal householdId={household.id} onClose={() => setDialog(null)} /> : null}
    </PageContainer>
  );
}
