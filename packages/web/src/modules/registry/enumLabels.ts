import {
  ASSISTANCE_STATUS,
  DISABILITY_GRADE,
  EMPLOYMENT_PLACE,
  EMPLOYMENT_STATUS,
  HEALTH,
  HOUSEHOLD_TYPE,
  LABOUR_CAPACITY,
  MONITORING_CATEGORY,
  RELATION,
  SCHOOLING,
  SCHOOLING_STATUS,
  SEX,
  labelOf,
  type RegistryEnum,
} from '@zengshou/core';
import type { Language } from '../i18n';

/**
 * The Chinese labels come from @zengshou/core (the same words as the national system and the spreadsheets);
 * this is only their English rendering for the second UI language.
 */
const ENGLISH = new Map<object, Record<string, string>>([
  [HOUSEHOLD_TYPE, { poverty_exit: 'Lifted out of poverty', ordinary: 'Ordinary rural household', exit_no_policy: 'Lifted out, no policy' }],
  [ASSISTANCE_STATUS, { none: 'None', dibao: 'Dibao (minimum living)', tekun: 'Extreme-poverty support' }],
  [MONITORING_CATEGORY, { unstable: 'Unstable after exit', marginal: 'Marginal, at risk', sudden_hardship: 'Sudden severe hardship' }],
  [
    RELATION,
    {
      head: 'Head',
      spouse: 'Spouse',
      son: 'Son',
      daughter: 'Daughter',
      daughter_in_law: 'Daughter-in-law',
      son_in_law: 'Son-in-law',
      grandson: 'Grandson',
      granddaughter: 'Granddaughter',
      father: 'Father',
      mother: 'Mother',
      sibling: 'Sibling',
      other: 'Other',
    },
  ],
  [LABOUR_CAPACITY, { normal: 'Ordinary labour', skilled: 'Skilled labour', weak: 'Weak or half labour', lost: 'Lost capacity', none: 'No labour' }],
  [HEALTH, { healthy: 'Healthy', chronic: 'Chronic illness', serious: 'Serious illness', disabled: 'Disabled' }],
  [DISABILITY_GRADE, { 1: 'Grade 1', 2: 'Grade 2', 3: 'Grade 3', 4: 'Grade 4' }],
  [
    SCHOOLING,
    {
      preschool: 'Preschool',
      primary: 'Primary',
      junior_secondary: 'Junior secondary',
      senior_secondary: 'Senior / vocational secondary',
      tertiary: 'College or above',
      illiterate: 'Illiterate or semi-literate',
      not_in_school: 'Not in school',
    },
  ],
  [SCHOOLING_STATUS, { in_school: 'In school', dropped_out: 'Dropped out', not_applicable: 'Not in school' }],
  [
    EMPLOYMENT_STATUS,
    {
      employed: 'Wage work',
      farming: 'Farming',
      self_employed: 'Self-employed',
      public_welfare_post: 'Public-welfare job',
      unemployed: 'Unemployed',
      student: 'Student',
      other: 'Other',
    },
  ],
  [EMPLOYMENT_PLACE, { in_county: 'In the county', in_province: 'In the province', out_of_province: 'Outside the province' }],
  [SEX, { male: 'Male', female: 'Female' }],
]);

export function enumLabel<C extends string | number>(
  def: RegistryEnum<C>,
  code: C | null | undefined,
  language: Language,
): string {
  if (code === null || code === undefined) return '';
  if (language === 'en') {
    const english = ENGLISH.get(def)?.[String(code)];
    if (english) return english;
  }
  return labelOf(def, code);
}

/** Select options of one coded field, in the registry's order. */
export function enumOptions<C extends string | number>(def: RegistryEnum<C>, language: Language) {
  return def.codes.map((code) => ({ value: code, label: enumLabel(def, code, language) }));
}
