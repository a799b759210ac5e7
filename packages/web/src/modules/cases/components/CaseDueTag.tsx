import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../i18n';
import type { CaseSummary } from '../types';

const COLOR = { overdue: 'red', due_soon: 'orange', normal: 'default' } as const;

/**
 * 办理时限, styled as the warning list's due tag: red when overdue, orange when due soon. `stacked` puts the date
 * above the state, for narrow table cells.
 */
export function CaseDueTag({ item, stacked = false }: { item: Pick<CaseSummary, 'due' | 'urgency'>; stacked?: boolean }) {
  const { t } = useI18n();
  if (!item.due) return <span data-testid="case-due" data-urgency="none">{t('cases.noDue')}</span>;
  const urgency = item.urgency === 'none' ? 'normal' : item.urgency;
  return (
    <Tooltip title={t(`cases.due.${item.due.kind}`)}>
      <Tag color={COLOR[urgency]} data-testid="case-due" data-urgency={urgency} style={stacked ? { whiteSpace: 'normal' } : undefined}>
        {stacked ? <div>{item.due.date}</div> : `${item.due.date} · `}
        {t(`cases.urgency.${urgency}`)}
      </Tag>
    </Tooltip>
  );
}
