import { useState } from 'react';
import { Button, Checkbox, Flex, Input, InputNumber, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { EnvironmentOutlined, SearchOutlined } from '@ant-design/icons';
import { ASSISTANCE_STATUS, HOUSEHOLD_TYPE, MONITORING_CATEGORY } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { FLAG_FIELDS, FLAG_LABEL_KEYS, FLAG_PARAM_OF } from '../flags';
import { useEnumLabel } from '../hooks/useEnumLabel';
import type { HouseholdFilters } from '../types';

interface HouseholdFilterBarProps {
  filters: HouseholdFilters;
  /** Path of the current region (chosen in the layout's region panel). */
  regionLabel: string;
  onChange: (patch: Partial<HouseholdFilters>) => void;
  onReset: () => void;
}

/**
 * Choices apply at once; the search text and the income band apply on Enter or 查询, so typing does not send a
 * request per key. Mount with a key that changes on reset so the drafts start again from the filters.
 */
export function HouseholdFilterBar({ filters, regionLabel, onChange, onReset }: HouseholdFilterBarProps) {
  const { t } = useI18n();
  const { options } = useEnumLabel();
  const [q, setQ] = useState(filters.q ?? '');
  const [incomeMin, setIncomeMin] = useState<number | null>(filters.incomeMin ?? null);
  const [incomeMax, setIncomeMax] = useState<number | null>(filters.incomeMax ?? null);

  const applyText = () => {
    const next = { q: q.trim() || undefined, incomeMin: incomeMin ?? undefined, incomeMax: incomeMax ?? undefined };
    // Leaving a field unchanged must not send the list back to page 1.
    if (next.q !== filters.q || next.incomeMin !== filters.incomeMin || next.incomeMax !== filters.incomeMax) onChange(next);
  };

  return (
    <Flex vertical gap={12} className="no-print household-filters" data-testid="households-filters">
      <Flex wrap gap={8} align="center">
        <Tooltip title={t('household.filter.regionHint')}>
          <Tag icon={<EnvironmentOutlined />} color="default" data-testid="households-region" style={{ marginInlineEnd: 0 }}>
            {regionLabel}
          </Tag>
        </Tooltip>
        <Space.Compact style={{ flex: '1 1 320px', maxWidth: 460 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('household.filter.searchPlaceholder')}
            value={q}
            onChange={(event) => setQ(event.target.value)}
            onPressEnter={applyText}
            maxLength={40}
            data-testid="households-search"
          />
          <Button type="primary" onClick={applyText} data-testid="households-search-submit">
            {t('common.search')}
          </Button>
        </Space.Compact>
        <Button onClick={onReset} data-testid="households-filter-reset">
          {t('common.reset')}
        </Button>
      </Flex>
      <Flex wrap gap={8} align="center">
        <Select
          allowClear
          style={{ width: 170 }}
          placeholder={t('household.field.householdType')}
          value={filters.householdType}
          onChange={(value) => onChange({ householdType: value })}
          options={options(HOUSEHOLD_TYPE)}
          data-testid="households-filter-type"
        />
        <Select
          allowClear
          style={{ width: 170 }}
          placeholder={t('household.field.monitoringCategory')}
          value={filters.monitoringCategory}
          onChange={(value) => onChange({ monitoringCategory: value })}
          options={[{ value: 'any', label: t('household.filter.anyMonitored') }, ...options(MONITORING_CATEGORY)]}
          data-testid="households-filter-category"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('household.field.assistanceStatus')}
          value={filters.assistanceStatus}
          onChange={(value) => onChange({ assistanceStatus: value })}
          options={options(ASSISTANCE_STATUS)}
          data-testid="households-filter-assistance"
        />
        <Select
          allowClear
          style={{ width: 170 }}
          placeholder={t('household.filter.flag')}
          value={filters.problemFlag}
          onChange={(value) => onChange({ problemFlag: value })}
          options={FLAG_FIELDS.map((flag) => ({ value: FLAG_PARAM_OF[flag], label: t(FLAG_LABEL_KEYS[flag]) }))}
          data-testid="households-filter-flag"
        />
        <Space size={4} align="center" data-testid="households-filter-income">
          <Typography.Text type="secondary">{t('household.filter.income')}</Typography.Text>
          <InputNumber<number>
            min={0}
            precision={0}
            style={{ width: 110 }}
            placeholder={t('household.filter.incomeMin')}
            value={incomeMin}
            onChange={setIncomeMin}
            onPressEnter={applyText}
            onBlur={applyText}
            data-testid="households-filter-income-min"
          />
          <Typography.Text type="secondary">–</Typography.Text>
          <InputNumber<number>
            min={0}
            precision={0}
            style={{ width: 110 }}
            placeholder={t('household.filter.incomeMax')}
            value={incomeMax}
            onChange={setIncomeMax}
            onPressEnter={applyText}
            onBlur={applyText}
            data-testid="households-filter-income-max"
          />
          <Typography.Text type="secondary">{t('household.filter.incomeUnit')}</Typography.Text>
        </Space>
        <Checkbox
          checked={Boolean(filters.failingChecks)}
          onChange={(event) => onChange({ failingChecks: event.target.checked || undefined })}
          data-testid="households-filter-failing"
        >
          {t('household.filter.failingChecks')}
        </Checkbox>
      </Flex>
    </Flex>
  );
}
