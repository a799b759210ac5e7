import { INCOME_ITEMS, INCOME_PART_LABELS, type IncomeItemKey, type IncomePart } from '@zengshou/core';
import type { Language } from '../i18n';

/** English renderings; the Chinese labels are @zengshou/core's (the national export's wording). */
const ITEM_EN: Record<IncomeItemKey, string> = {
  wagePublicWelfare: 'Public-welfare job pay',
  wageOther: 'Other wages (migrant work etc.)',
  businessPlanting: 'Planting',
  businessLivestock: 'Livestock',
  businessForestry: 'Forestry and fruit',
  businessOther: 'Other business',
  propertyDividend: 'Project asset dividends',
  propertyLandRent: 'Land transfer rent',
  propertyOther: 'Other property income',
  transferPension: 'Pension',
  transferFamilyPlanning: 'Family-planning award',
  transferEcoCompensation: 'Ecological compensation',
  transferDibao: 'Dibao payments',
  transferTekun: 'Extreme-poverty support',
  transferOther: 'Other transfers (support money, insurance payouts)',
  costPlanting: 'Planting costs',
  costLivestock: 'Livestock costs',
  costForestry: 'Forestry and fruit costs',
  costOther: 'Other business costs',
  medicalOutOfPocket: 'Compliant out-of-pocket medical spending',
  insuranceClaims: 'Insurance claims received',
};

export type ItemGroup = IncomePart | 'cost' | 'recorded';
export const ITEM_GROUPS: readonly ItemGroup[] = ['wage', 'business', 'property', 'transfer', 'cost', 'recorded'];

const PART_EN: Record<IncomePart | 'cost', string> = {
  wage: 'Wage income',
  business: 'Production and business income',
  property: 'Property income',
  transfer: 'Transfer income',
  cost: 'Production and business costs',
};

const LABEL_BY_KEY = new Map<string, string>(INCOME_ITEMS.map((item) => [item.key, item.label]));

export function incomeItemLabel(key: IncomeItemKey, language: Language): string {
  return language === 'en' ? ITEM_EN[key] : (LABEL_BY_KEY.get(key) ?? key);
}

export function incomePartLabel(part: IncomePart | 'cost', language: Language): string {
  return language === 'en' ? PART_EN[part] : INCOME_PART_LABELS[part];
}

export function itemsOfGroup(group: ItemGroup) {
  return INCOME_ITEMS.filter((item) => item.part === group);
}
