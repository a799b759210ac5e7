import { Tag } from 'antd';
import type { PlanStatus } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { planStatusColor, planStatusLabel } from '../focusLabels';

/** 未制定 / 帮扶中 / 已销号 / 已重新纳入. */
export function PlanStatusTag({ status, testId = 'focus-plan-status' }: { status: PlanStatus | null | undefined; testId?: string }) {
  const { language } = useI18n();
  return (
    <Tag color={planStatusColor(status)} data-testid={testId} data-status={status ?? 'none'} style={{ marginInlineEnd: 0 }}>
      {planStatusLabel(status, language)}
    </Tag>
  );
}
