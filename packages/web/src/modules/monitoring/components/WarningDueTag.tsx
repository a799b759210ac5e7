import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../ui';
import type { Warning } from '../types';

const COLOR = { overdue: 'red', due_soon: 'orange', normal: 'default', none: 'default' } as const;

/**
 * 到期: red when overdue, orange within two days of the due date; a closed warning shows when it was closed.
 * `stacked` puts the date above the state, for narrow table cells.
 */
export function WarningDueTag({ warning, stacked = false }: { warning: Warning; stacked?: boolean }) {
  const { t } = useI18n();
  if (warning.status === 'closed') {
    return (
      <Tooltip title={warning.closeReason ? t('warnings.closeReason', { reason: warning.closeReason }) : undefined}>
        <Tag data-testid="warning-closed">{t('warnings.closedOn', { date: formatDateTime(warning.closedAt).slice(0, 10) })}</Tag>
      </Tooltip>
    );
  }
  const urgency = warning.urgency === 'none' ? 'normal' : warning.urgency;
  return (
    <Tooltip title={formatDateTime(warning.dueAt)}>
      <Tag color={COLOR[urgency]} data-testid="warning-due" data-urgency={urgency} style={stacked ? { whiteSpace: 'normal' } : undefined}>
        {stacked ? <div>{dayjs(warning.dueAt).format('YYYY-MM-DD')}</div> : `${dayjs(warning.dueAt).format('YYYY-MM-DD')} · `}
        {t(`warnings.urgency.${urgency}`)}
      </Tag>
    </Tooltip>
  );
}
