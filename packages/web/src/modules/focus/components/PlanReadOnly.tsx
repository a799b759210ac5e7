import { Descriptions, List, Tag } from 'antd';
import { INCOME_PARTS, formatYuan } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { measureCategoryLabel, partLabel } from '../focusLabels';
import type { PlanDetail } from '../types';

/** The plan for those who may read but not write it (township reviewers, city viewers). */
export function PlanReadOnly({ plan }: { plan: NonNullable<PlanDetail['plan']> }) {
  const { t, language } = useI18n();
  const parts = INCOME_PARTS.filter((p) => plan.partTargetsFen[p] !== null)
    .map((p) => `${partLabel(p, language)} ${formatYuan(plan.partTargetsFen[p]!)}`)
    .join('；');
  return (
    <div data-testid="focus-plan-readonly">
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'cadre', label: t('focus.form.cadreName'), children: plan.cadreName },
          { key: 'phone', label: t('focus.form.cadrePhone'), children: <span className="mono">{plan.cadrePhone ?? '—'}</span> },
          { key: 'year', label: t('focus.form.targetYear'), children: plan.targetYear },
          { key: 'target', label: t('focus.column.target'), children: formatYuan(plan.targetPerCapitaFen) },
          { key: 'parts', label: t('focus.form.parts'), span: 'filled', children: parts || '—' },
        ]}
      />
      <List
        size="small"
        header={t('focus.form.measures')}
        dataSource={plan.measures}
        renderItem={(m) => (
          <List.Item>
            {m.category ? <Tag>{measureCategoryLabel(m.category, language)}</Tag> : null}
            {m.text}
          </List.Item>
        )}
      />
    </div>
  );
}
