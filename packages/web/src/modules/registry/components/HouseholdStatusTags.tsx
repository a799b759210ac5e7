import { Tag } from 'antd';
import { ASSISTANCE_STATUS, MONITORING_CATEGORY } from '@zengshou/core';
import { useEnumLabel } from '../hooks/useEnumLabel';
import type { Household } from '../types';

/** Monitoring category (if monitored) and dibao / 特困 status (if any). */
export function HouseholdStatusTags({ household }: { household: Pick<Household, 'monitoringCategory' | 'assistanceStatus'> }) {
  const { label } = useEnumLabel();
  return (
    <>
      {household.monitoringCategory ? (
        <Tag color="volcano" data-testid="tag-monitoring">
          {label(MONITORING_CATEGORY, household.monitoringCategory)}
        </Tag>
      ) : null}
      {household.assistanceStatus !== 'none' ? (
        <Tag color="geekblue" data-testid="tag-assistance">
          {label(ASSISTANCE_STATUS, household.assistanceStatus)}
        </Tag>
      ) : null}
    </>
  );
}
