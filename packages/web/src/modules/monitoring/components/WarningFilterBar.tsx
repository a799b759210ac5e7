import { Flex, Select, Tag, Tooltip } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { WARNING_RULE_IDS } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { warningRuleTitle } from '../monitoringLabels';
import type { WarningListState } from '../types';

interface WarningFilterBarProps {
  state: WarningListState;
  regionLabel: string;
  onChange: (patch: Partial<WarningListState>) => void;
}

export function WarningFilterBar({ state, regionLabel, onChange }: WarningFilterBarProps) {
  const { t, language } = useI18n();
  return (
    <Flex wrap gap={8} align="center" className="no-print" data-testid="warnings-filters">
      <Tooltip title={t('warnings.filter.regionHint')}>
        <Tag icon={<EnvironmentOutlined />} data-testid="warnings-region" style={{ marginInlineEnd: 0 }}>
          {regionLabel}
        </Tag>
      </Tooltip>
      <Select
        allowClear
        style={{ width: 280 }}
        placeholder={t('warnings.filter.rule')}
        value={state.ruleId}
        onChange={(ruleId) => onChange({ ruleId })}
        options={WARNING_RULE_IDS.map((id) => ({ value: id, label: warningRuleTitle(id, language) }))}
        data-testid="warnings-filter-rule"
      />
      <Select
        style={{ width: 140 }}
        value={state.status}
        onChange={(status) => onChange({ status })}
        options={(['open', 'closed', 'all'] as const).map((status) => ({ value: status, label: t(`warnings.status.${status}`) }))}
        data-testid="warnings-filter-status"
        aria-label={t('warnings.filter.status')}
      />
    </Flex>
  );
}
