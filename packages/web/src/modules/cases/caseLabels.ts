import {
  CASE_EVENT_LABELS,
  CASE_STATE_LABELS,
  DISASTER_SUBTYPE_LABELS,
  ELIMINATION_WAY_LABELS,
  LEAD_SOURCE_LABELS,
  MEASURE_CATEGORY_LABELS,
  MEASURE_STATUS_LABELS,
  MONITORING_CATEGORY,
  RISK_TYPE_LABELS,
  type CaseEventType,
  type CaseStatus,
  type DisasterSubtype,
  type EliminationWay,
  type LeadSource,
  type MeasureCategory,
  type MeasureStatus,
  type RiskType,
} from '@zengshou/core';
import type { Language } from '../i18n';
import { enumLabel } from '../registry';

/**
 * The Chinese labels are @zengshou/core's (the words of the national system, the same the server answers with);
 * only their English renderings for the second UI language live here.
 */
const STATE_EN: Record<CaseStatus, string> = {
  lead: 'Lead',
  home_check: 'Home check',
  in_notice: 'Village appraisal and notice',
  township_review: 'Township review',
  county_approval: 'County approval',
  monitored: 'Monitored (being helped)',
  elimination_proposed: 'Elimination proposed',
  elimination_in_notice: 'Elimination notice',
  elimination_township_review: 'Elimination: township review',
  elimination_county_approval: 'Elimination: county approval',
  eliminated: 'Risk eliminated',
  closed_not_included: 'Not included after check',
};

const EVENT_EN: Record<CaseEventType, string> = {
  lead_opened: 'Register lead',
  home_checked: 'Record home check',
  notice_started: 'Start village notice',
  notice_finished: 'Finish notice',
  township_reviewed: 'Township review',
  county_approved: 'County approval',
  measure_added: 'Add measure',
  measure_updated: 'Update measure',
  elimination_proposed: 'Propose elimination',
  elimination_notice_started: 'Start elimination notice',
  elimination_notice_finished: 'Finish elimination notice',
  elimination_township_reviewed: 'Township review of elimination',
  elimination_county_approved: 'County approval of elimination',
  elimination_rolled_back: 'Roll back elimination',
};

const SOURCE_EN: Record<LeadSource, string> = {
  warning: 'System warning',
  cadre: 'Cadre check',
  declaration: 'Self-declaration',
  department: 'Department screening',
};

const RISK_EN: Record<RiskType, string> = {
  illness: 'Illness',
  disability: 'Disability',
  schooling: 'Schooling costs',
  natural_disaster: 'Natural disaster',
  accident: 'Accident',
  business_failure: 'Failed business',
  unstable_employment: 'Unstable employment',
  lack_of_labour: 'Lack of labour',
  other: 'Other',
};

const DISASTER_EN: Record<DisasterSubtype, string> = {
  flood: 'Flood',
  geological: 'Geological',
  drought: 'Drought',
  biological: 'Biological',
  weather: 'Weather',
  earthquake: 'Earthquake',
  other: 'Other natural disaster',
};

const MEASURE_EN: Record<MeasureCategory, string> = {
  industry: 'Industry',
  employment: 'Employment',
  finance: 'Finance (micro-credit)',
  public_welfare_job: 'Public-welfare job',
  health: 'Health',
  compulsory_education: 'Compulsory education',
  education: 'Education',
  social_assistance: 'Social assistance',
  housing: 'Housing safety',
  water: 'Drinking water',
  social_help: 'Social help',
  relocation: 'Relocation',
  living_conditions: 'Living conditions',
  infrastructure: 'Infrastructure',
};

const MEASURE_STATUS_EN: Record<MeasureStatus, string> = { planned: 'Planned', in_progress: 'In progress', done: 'Done' };
const WAY_EN: Record<EliminationWay, string> = { through_help: 'Through help', natural: 'Natural' };

/** A label group: core's Chinese labels with their English renderings. */
interface LabelGroup<C extends string> {
  zh: Record<C, string>;
  en: Record<C, string>;
}

export const CASE_LABELS = {
  status: { zh: CASE_STATE_LABELS, en: STATE_EN } as LabelGroup<CaseStatus>,
  event: { zh: CASE_EVENT_LABELS, en: EVENT_EN } as LabelGroup<CaseEventType>,
  source: { zh: LEAD_SOURCE_LABELS, en: SOURCE_EN } as LabelGroup<LeadSource>,
  risk: { zh: RISK_TYPE_LABELS, en: RISK_EN } as LabelGroup<RiskType>,
  disaster: { zh: DISASTER_SUBTYPE_LABELS, en: DISASTER_EN } as LabelGroup<DisasterSubtype>,
  measure: { zh: MEASURE_CATEGORY_LABELS, en: MEASURE_EN } as LabelGroup<MeasureCategory>,
  measureStatus: { zh: MEASURE_STATUS_LABELS, en: MEASURE_STATUS_EN } as LabelGroup<MeasureStatus>,
  way: { zh: ELIMINATION_WAY_LABELS, en: WAY_EN } as LabelGroup<EliminationWay>,
};
export type CaseLabelGroup = keyof typeof CASE_LABELS;

/** A code's label in the UI language; a code this build does not know (a newer server) is shown as is. */
export function caseLabel(group: CaseLabelGroup, code: string | null | undefined, language: Language): string {
  if (code === null || code === undefined || code === '') return '';
  const labels: Record<string, string> = language === 'en' ? CASE_LABELS[group].en : CASE_LABELS[group].zh;
  return labels[code] ?? CASE_LABELS[group].zh[code as never] ?? code;
}

/** Select options of a group, in core's order (the order of the national forms). */
export function caseLabelOptions<C extends string>(group: CaseLabelGroup, codes: readonly C[], language: Language) {
  return codes.map((code) => ({ value: code, label: caseLabel(group, code, language) }));
}

/** 监测对象类别 is a registry field; its labels (and English) are the registry's. */
export function categoryLabel(code: string | null | undefined, language: Language): string {
  if (!code) return '';
  return (MONITORING_CATEGORY.codes as readonly string[]).includes(code)
    ? enumLabel(MONITORING_CATEGORY, code as (typeof MONITORING_CATEGORY.codes)[number], language)
    : code;
}

export function riskTypesLabel(codes: readonly string[] | null | undefined, language: Language): string {
  return (codes ?? []).map((code) => caseLabel('risk', code, language)).join(language === 'en' ? ', ' : '、');
}

/** A parenthetical in the UI language's punctuation: （洪涝灾害） in Chinese, " (Flood)" in English. */
export function parenthetical(text: string, language: Language): string {
  if (!text) return '';
  return language === 'en' ? ` (${text})` : `（${text}）`;
}
