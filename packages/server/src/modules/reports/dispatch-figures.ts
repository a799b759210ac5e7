import {
  CASE_STATE_LABELS, CASE_STATES, FOCUS_GROUP_LABELS, FOCUS_GROUPS, HOUSEHOLD_TYPE, INCOME_PART_LABELS, INCOME_PARTS, MONITORING_CATEGORY,
  RISK_TYPE_LABELS, RISK_TYPES, formatYuan, type Dashboard,
} from '@zengshou/core';

/** One line of the dispatch report's figures, already in the words and units the meeting reads. */
export interface DispatchFigure {
  section: string;
  label: string;
  value: string;
}

export const percent = (share: number | null | undefined) => (share === null || share === undefined ? '—' : `${(share * 100).toFixed(2)}%`);
export const yuanOrDash = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : formatYuan(fen));
const headcount = (h: { households: number; people: number }) => `${h.households} 户 ${h.people} 人`;

/**
 * The dashboard's figures as the county dispatch report lists them (县级每月调度): who is monitored, warnings and
 * cases, income against the target with the projection and last year's comparison, and the focus groups.
 */
export function dispatchFigures(d: Dashboard): DispatchFigure[] {
  const out: DispatchFigure[] = [];
  const add = (section: string, label: string, value: string) => out.push({ section, label, value });

  const p = d.population;
  add('对象规模', '农户合计', headcount(p.total));
  for (const t of HOUSEHOLD_TYPE.codes) add('对象规模', HOUSEHOLD_TYPE.labels[t], headcount(p.byHouseholdType[t]));
  add('对象规模', '监测对象合计', headcount(p.monitored));
  for (const c of MONITORING_CATEGORY.codes) add('对象规模', MONITORING_CATEGORY.labels[c], headcount(p.byMonitoringCategory[c]));
  for (const r of RISK_TYPES) if (p.monitoredByRiskType[r] > 0) add('监测对象风险类型', RISK_TYPE_LABELS[r], `${p.monitoredByRiskType[r]} 户`);

  add('预警与案件', '未处置预警', `${d.warnings.open} 条`);
  add('预警与案件', '其中逾期未处置预警', `${d.warnings.openOverdue} 条`);
  add('预警与案件', '本年已处置预警', `${d.warnings.closedThisYear} 条`);
  for (const s of CASE_STATES) if (d.cases.byStatus[s] > 0) add('预警与案件', `案件：${CASE_STATE_LABELS[s]}`, `${d.cases.byStatus[s]} 件`);
  add('预警与案件', '临期案件', `${d.cases.dueSoon} 件`);
  add('预警与案件', '逾期案件', `${d.cases.overdue} 件`);

  const inc = d.income;
  const section = `收入（${d.year}年第${d.quarter}季度累计）`;
  add(section, '已采录收入农户', headcount(inc.reported));
  add(section, '人均纯收入（累计）', yuanOrDash(inc.ytdPerCapitaNetFen));
  add(section, '人均纯收入（预计全年）', yuanOrDash(inc.projectedPerCapitaNetFen));
  if (d.target) {
    add(section, `${d.target.year}年人均纯收入目标${d.target.inheritedFrom ? `（沿用${d.target.inheritedFrom.name}）` : ''}`, formatYuan(d.target.perCapitaNetFen));
  }
  if (d.gap) {
    add(section, '预计与目标差额', formatYuan(d.gap.perCapitaNetFen));
    add(section, '目标完成率（预计）', percent(d.gap.reachedShare));
  }
  add(section, '上年同期人均纯收入', yuanOrDash(inc.lastYearYtdPerCapitaNetFen));
  add(section, '同比增幅', percent(inc.growthRate));
  for (const part of INCOME_PARTS) {
    const label = INCOME_PART_LABELS[part];
    add(section, `${label}（累计人均）`, `${yuanOrDash(inc.ytdPartsPerCapitaFen?.[part])}，占 ${percent(inc.partShares[part])}`);
    add(section, `${label}（预计全年）`, yuanOrDash(inc.projectedPartsPerCapitaFen?.[part]));
    const target = d.target?.partsFen[part];
    if (target !== undefined) add(section, `${label}目标`, `${formatYuan(target)}，差额 ${yuanOrDash(d.gap?.parts[part])}`);
    add(section, `${label}同比增幅`, percent(inc.partGrowthRates[part]));
  }
  add(section, '两年同期均有记录的农户', `${inc.comparableHouseholds} 户`);
  add(section, '人均纯收入下降户', `${inc.incomeFellHouseholds} 户，占 ${percent(inc.incomeFellShare)}`);
  add(section, '生产经营性收入下降户', `${inc.businessFellHouseholds} 户，占 ${percent(inc.businessFellShare)}`);

  for (const g of FOCUS_GROUPS) {
    const f = d.focus[g];
    add('重点群体', FOCUS_GROUP_LABELS[g], `${f.households} 户；方案在办 ${f.plansOpen}，已销号 ${f.plansClosedOut}，未制定方案 ${f.withoutPlan}`);
  }
  return out;
}
