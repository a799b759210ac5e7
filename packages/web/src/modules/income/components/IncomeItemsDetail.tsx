import { Descriptions, Typography } from 'antd';
import { formatYuan } from '@zengshou/core';
import { useIncomeText } from '../hooks/useIncomeText';
import { ITEM_GROUPS, itemsOfGroup } from '../incomeLabels';
import type { IncomeRecord } from '../types';
import { IncomeChecksList } from './IncomeChecksList';

/** Every sub-item of one record, grouped like the entry form, plus the remark. */
export function IncomeItemsDetail({ record }: { record: IncomeRecord }) {
  const { t, item, part } = useIncomeText();
  return (
    <div data-testid={`income-items-${record.id}`}>
      {record.checks.length > 0 ? (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t('income.column.checks')}</Typography.Text>
          <IncomeChecksList checks={record.checks} />
        </div>
      ) : null}
      {ITEM_GROUPS.map((group) => (
        <Descriptions
          key={group}
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          title={group === 'recorded' ? t('income.group.recorded') : part(group)}
          style={{ marginBottom: 8 }}
          items={itemsOfGroup(group).map((def) => ({
            key: def.key,
            label: item(def.key),
            children: formatYuan(record.items[def.key] ?? 0),
          }))}
        />
      ))}
      {record.remark ? (
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('income.remark')}：{record.remark}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
