import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import { AUDIT_OUTCOME_LABEL_KEYS } from '../actions';
import type { AuditOutcome } from '../types';

const COLORS: Record<AuditOutcome, string> = { success: 'green', denied: 'orange', failure: 'red' };

export function AuditOutcomeTag({ outcome }: { outcome: AuditOutcome }) {
  const { t } = useI18n();
  const key = AUDIT_OUTCOME_LABEL_KEYS[outcome];
  return <Tag color={COLORS[outcome] ?? 'default'}>{key ? t(key) : outcome}</Tag>;
}
