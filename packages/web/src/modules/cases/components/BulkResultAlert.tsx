import { Alert } from 'antd';
import { useI18n } from '../../i18n';
import type { BulkResult } from '../types';

interface BulkResultAlertProps {
  result: BulkResult;
  /** Case numbers of the rows that were selected, to name the refused ones. */
  caseNos: ReadonlyMap<string, string>;
  onClose: () => void;
}

/** What a bulk step did: how many passed, and each refused case with the server's Chinese reason. */
export function BulkResultAlert({ result, caseNos, onClose }: BulkResultAlertProps) {
  const { t } = useI18n();
  const refused = result.refused.length;
  return (
    <Alert
      type={refused === 0 ? 'success' : result.applied.length === 0 ? 'error' : 'warning'}
      showIcon
      closable={{ onClose }}
      data-testid="case-bulk-result"
      data-applied={result.applied.length}
      data-refused={refused}
      title={t('cases.bulk.result', { applied: result.applied.length, refused })}
      description={
        refused ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="case-bulk-refused">
            {result.refused.map((r) => (
              <li key={r.caseId}>{t('cases.bulk.refusedItem', { caseNo: r.caseNo ?? caseNos.get(r.caseId) ?? r.caseId, reason: r.reason })}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
