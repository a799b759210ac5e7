import { useMemo } from 'react';
import { HOUSEHOLD_TYPE, MONITORING_CATEGORY, INCOME_PARTS } from '@zengshou/core';
import { caseLabel } from '../../cases/caseLabels';
import { focusGroupLabel, partLabel } from '../../focus/focusLabels';
import { useI18n } from '../../i18n';
import { enumLabel } from '../../registry';
import type { IncomeChartLabels } from '../charts/incomeOptions';
import type { PopulationChartLabels } from '../charts/populationOptions';

/** The words the chart builders put on axes, legends and labels, in the UI language. */
export function useDashboardLabels(): { income: IncomeChartLabels; population: PopulationChartLabels } {
  const { t, language } = useI18n();
  return useMemo(
    () => ({
      income: {
        parts: Object.fromEntries(INCOME_PARTS.map((p) => [p, partLabel(p, language)])) as IncomeChartLabels['parts'],
        perCapita: t('dashboard.chart.perCapita'),
        ytd: t('dashboard.chart.ytd'),
        lastYear: t('dashboard.chart.lastYear'),
        target: t('dashboard.chart.target'),
        projected: t('dashboard.chart.projected'),
        quarter: (quarter) => t('dashboard.chart.quarter', { quarter }),
        year: (year) => t('dashboard.chart.year', { year }),
        reached: (share) => t('dashboard.chart.reached', { share }),
      },
      population: {
        households: t('dashboard.chart.households'),
        people: t('dashboard.chart.people'),
        householdType: (code) => enumLabel(HOUSEHOLD_TYPE, code, language),
        category: (code) => enumLabel(MONITORING_CATEGORY, code, language),
        risk: (code) => caseLabel('risk', code, language),
        caseStatus: (code) => caseLabel('status', code, language),
        focusGroup: (group) => focusGroupLabel(group, language),
        onTime: t('dashboard.cases.onTime'),
        dueSoon: t('dashboard.cases.dueSoon'),
        overdue: t('dashboard.cases.overdue'),
        plansOpen: t('dashboard.chart.plansOpen'),
        plansClosedOut: t('dashboard.chart.plansClosedOut'),
        withoutPlan: t('dashboard.chart.withoutPlan'),
      },
    }),
    [t, language],
  );
}
