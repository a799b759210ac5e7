import { Descriptions } from 'antd';
import { useI18n } from '../../i18n';
import type { ImportSummary, MergeCounts } from '../types';

/** What an import read, rejected and changed (or would change, for a trial run). */
export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const { t } = useI18n();
  const counts = (c: MergeCounts) => t('import.summary.counts', { inserted: c.inserted, updated: c.updated, unchanged: c.unchanged });
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      data-testid="import-summary"
      items={[
        { key: 'read', label: t('import.summary.rowsRead'), children: <span data-testid="import-summary-read">{summary.rowsRead}</span> },
        { key: 'bad', label: t('import.summary.rowsBad'), children: <span data-testid="import-summary-bad">{summary.rowsBad}</span> },
        { key: 'households', label: t('import.summary.households'), children: counts(summary.households) },
        { key: 'members', label: t('import.summary.members'), children: counts(summary.members) },
        {
          key: 'income',
          label: t('import.summary.income'),
          span: 'filled',
          children: t('import.summary.incomeCounts', {
            newPeriods: summary.income.newPeriods,
            revised: summary.income.revised,
            unchanged: summary.income.unchanged,
            toVerify: summary.income.toVerify,
          }),
        },
      ]}
    />
  );
}
