import { Divider, Drawer, Flex, Spin, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { LoadErrorResult } from '../../ui';
import { useFocusPlan } from '../hooks/useFocusPlan';
import { FocusPlanEditor } from './FocusPlanEditor';
import { FocusPlanHistory } from './FocusPlanHistory';
import { PlanReadOnly } from './PlanReadOnly';
import { PlanSummary } from './PlanSummary';

interface FocusPlanDrawerProps {
  householdId: string;
  canWrite: boolean;
  onClose: () => void;
}

/** 一户一策 of one household: where it stands, the plan (editable with registry:write), and its history. */
export function FocusPlanDrawer({ householdId, canWrite, onClose }: FocusPlanDrawerProps) {
  const { t } = useI18n();
  const plan = useFocusPlan(householdId);
  const detail = plan.data;
  const currentYear = new Date().getFullYear();

  let body;
  if (plan.error && !detail) body = <LoadErrorResult message={plan.error.message} onRetry={() => void plan.refetch()} />;
  else if (!detail) body = <Spin data-testid="focus-plan-loading" />;
  else {
    body = (
      <Flex vertical gap={16}>
        <PlanSummary detail={detail} />
        {canWrite ? (
          <FocusPlanEditor key={detail.household.id} detail={detail} currentYear={currentYear} />
        ) : detail.plan ? (
          <PlanReadOnly plan={detail.plan} />
        ) : (
          <Typography.Text type="secondary">{t('focus.plan.none')}</Typography.Text>
        )}
        {canWrite ? null : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('focus.plan.readOnly')}
          </Typography.Text>
        )}
        <Divider style={{ margin: 0 }} />
        <FocusPlanHistory detail={detail} />
      </Flex>
    );
  }

  return (
    <Drawer
      open
      size={780}
      onClose={onClose}
      destroyOnHidden
      title={detail ? t('focus.plan.title', { no: detail.household.householdNo, head: detail.household.headName ?? '' }) : t('focus.plan.titleLoading')}
    >
      <div
        data-testid="focus-plan-drawer"
        data-household-id={householdId}
        data-plan-status={detail ? (detail.plan?.status ?? 'none') : undefined}
        data-version={detail?.plan?.version ?? 0}
      >
        {body}
      </div>
    </Drawer>
  );
}
