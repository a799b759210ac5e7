import { Tag } from 'antd';
import type { CaseStatus } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { caseLabel } from '../caseLabels';

const COLOR: Record<CaseStatus, string> = {
  lead: 'blue',
  home_check: 'processing',
  in_notice: 'purple',
  township_review: 'gold',
  county_approval: 'orange',
  monitored: 'volcano',
  elimination_proposed: 'cyan',
  elimination_in_notice: 'cyan',
  elimination_township_review: 'cyan',
  elimination_county_approval: 'cyan',
  eliminated: 'green',
  closed_not_included: 'default',
};

export function CaseStatusTag({ status, testId }: { status: CaseStatus; testId?: string }) {
  const { language } = useI18n();
  return (
    <Tag color={COLOR[status] ?? 'default'} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0 }}>
      {caseLabel('status', status, language)}
    </Tag>
  );
}
