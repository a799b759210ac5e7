/**
 * Income sub-items as the national export lists them (domain.md §3), each rolling up to one of the four wheels
 * (四个轮子) or to business costs. Amounts are integer fen. A quarterly income record holds the household's
 * income of the year **up to the end of that quarter** (年度累计): the Q4 record is the year.
 */
export const INCOME_PARTS = ['wage', 'business', 'property', 'transfer'] as const;
export type IncomePart = (typeof INCOME_PARTS)[number];

export const INCOME_PART_LABELS: Record<IncomePart | 'cost', string> = {
  wage: '工资性收入',
  business: '生产经营性收入',
  property: '财产性收入',
  transfer: '转移性收入',
  cost: '生产经营性支出',
};

export interface IncomeItemDef {
  key: string;
  part: IncomePart | 'cost' | 'recorded';
  label: string;
  /** Column name in the database and the import/export layouts. */
  column: string;
}

export const INCOME_ITEMS = [
  { key: 'wagePublicWelfare', part: 'wage', label: '公益性岗位收入', column: 'wage_public_welfare' },
  { key: 'wageOther', part: 'wage', label: '务工等其他工资性收入', column: 'wage_other' },
  { key: 'businessPlanting', part: 'business', label: '种植业收入', column: 'business_planting' },
  { key: 'businessLivestock', part: 'business', label: '养殖业收入', column: 'business_livestock' },
  { key: 'businessForestry', part: 'business', label: '林果业收入', column: 'business_forestry' },
  { key: 'businessOther', part: 'business', label: '其他经营收入', column: 'business_other' },
  { key: 'propertyDividend', part: 'property', label: '资产收益分红', column: 'property_dividend' },
  { key: 'propertyLandRent', part: 'property', label: '土地流转收入', column: 'property_land_rent' },
  { key: 'propertyOther', part: 'property', label: '其他财产性收入', column: 'property_other' },
  { key: 'transferPension', part: 'transfer', label: '养老金或离退休金', column: 'transfer_pension' },
  { key: 'transferFamilyPlanning', part: 'transfer', label: '计划生育金', column: 'transfer_family_planning' },
  { key: 'transferEcoCompensation', part: 'transfer', label: '生态补偿金', column: 'transfer_eco_compensation' },
  { key: 'transferDibao', part: 'transfer', label: '最低生活保障金', column: 'transfer_dibao' },
  { key: 'transferTekun', part: 'transfer', label: '特困供养金', column: 'transfer_tekun' },
  { key: 'transferOther', part: 'transfer', label: '其他转移性收入（含赡养费、防贫保险赔付）', column: 'transfer_other' },
  { key: 'costPlanting', part: 'cost', label: '种植业生产经营支出', column: 'cost_planting' },
  { key: 'costLivestock', part: 'cost', label: '养殖业生产经营支出', column: 'cost_livestock' },
  { key: 'costForestry', part: 'cost', label: '林果业生产经营支出', column: 'cost_forestry' },
  { key: 'costOther', part: 'cost', label: '其他生产经营支出', column: 'cost_other' },
  { key: 'medicalOutOfPocket', part: 'recorded', label: '合规自付医疗支出', column: 'medical_out_of_pocket' },
  { key: 'insuranceClaims', part: 'recorded', label: '保险理赔收入', column: 'insurance_claims' },
] as const satisfies readonly IncomeItemDef[];

export type IncomeItemKey = (typeof INCOME_ITEMS)[number]['key'];
/** All sub-item amounts of one record, in fen. */
export type IncomeItems = Record<IncomeItemKey, number>;
