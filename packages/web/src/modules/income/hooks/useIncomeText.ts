import { useCallback } from 'react';
import type { IncomeItemKey, IncomePart } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { incomeItemLabel, incomePartLabel } from '../incomeLabels';

/** Labels of income items and parts, and the names of year-to-date periods, in the current language. */
export function useIncomeText() {
  const { t, language } = useI18n();
  const item = useCallback((key: IncomeItemKey) => incomeItemLabel(key, language), [language]);
  const part = useCallback((p: IncomePart | 'cost') => incomePartLabel(p, language), [language]);
  /** "2024年第2季度". */
  const period = useCallback((year: number, quarter: number) => t('income.period', { year, quarter }), [t]);
  /** What a quarter's record covers: "1–6月累计" or "全年". */
  const coverage = useCallback(
    (quarter: number) => (quarter >= 4 ? t('income.coverageYear') : t('income.coverageToDate', { month: quarter * 3 })),
    [t],
  );
  return { t, language, item, part, period, coverage };
}
