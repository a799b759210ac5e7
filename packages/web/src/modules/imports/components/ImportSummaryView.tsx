import { Descriptions, type DescriptionsProps } from 'antd';
import { useI18n } from '../../i18n';
import type { ImportSummary, MergeCounts } from '../types';

/** What an import read, rejected and changed (or would change, for a trial run). */
export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const { t } = useI18n();
  const counts = (c: MergeCounts) =>
    t('import.summary.counts', { inserted: c.inserted ?? 0, updated: c.updated ?? 0, unchanged: c.unchanged ?? 0 });
  const items: DescriptionsProps['items'] = [
    { key: 'read', label: t('import.summary.rowsRead'), children: <span data-testid="import-summary-read">{summary.rowsRead ?? 0}</span> },
    { key: 'bad', label: t('import.summary.rowsBad'), children: <span data-testid="import-summary-bad">{summary.rowsBad ?? 0}</span> },
  ];
  if (summary.households) items.push({ key: 'households', label: t('import.summary.households'), children: counts(summary.households) });
  if (summary.members) items.push({ key: 'members', label: t('import.summary.members'), children: counts(summary.members) });
  if (summary.income) {
    items.push({
      key: 'income',
      label: t('import.summary.income'),
      span: 'filled',
      children: t('import.summary.incomeCounts', {
        newPeriods: summary.income.newPeriods ?? 0,
        revised: summary.income.revised ?? 0,
        unchanged: summary.income.unchanged ?? 0,
        toVerify: summary.income.toVerify ?? 0,
      }),
    });
  }
  return <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="import-summary" items={items} />;
}
