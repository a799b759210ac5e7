import { INCOME_ITEMS, INCOME_PART_LABELS, type IncomePart } from '../registry/income-items.ts';
import { MAX_RISK_TYPES, MEASURE_CATEGORIES, MEASURE_CATEGORY_LABELS, type MeasureCategory } from '../cases/case-workflow.ts';

/**
 * The national-format exchange file (国家系统格式交换): the layout of the national monitoring system's export,
 * one sheet per entity as that export is delivered to counties (户、成员、收入、监测), each a flat table with the
 * region columns (县/乡/村 code and name) repeated on every row so a sheet can be filtered and pivoted on its own.
 *
 * Columns are either data (read back on import: `key` names the field of the registry import or the monitoring
 * row) or derived (written for the reader — names of regions, the head of household, part totals, per-capita
 * income — and ignored on import, because the platform recomputes them from the data columns).
 */
export interface ExchangeColumn {
  header: string;
  /** Field read on import; null for a derived column. */
  key: string | null;
  /** The import refuses a sheet without this column. */
  required?: boolean;
  width?: number;
}

export type ExchangeSheetKind = 'households' | 'members' | 'income' | 'cases';

export interface ExchangeSheet {
  kind: ExchangeSheetKind;
  name: string;
  columns: readonly ExchangeColumn[];
}

export const EXCHANGE_FORMAT_VERSION = '1';
/** First sheet: what the file is and whether its ID numbers are masked (a masked file cannot be imported). */
export const EXCHANGE_INFO_SHEET = '说明';
export const EXCHANGE_INFO_KEYS = { format: '文件格式', version: '格式版本', masked: '身份证号已脱敏', region: '导出范围' } as const;
export const EXCHANGE_FORMAT_NAME = '防止返贫监测信息交换文件（国家系统格式）';

const derived = (header: string, width = 14): ExchangeColumn => ({ header, key: null, width });
const data = (header: string, key: string, required = false, width = 14): ExchangeColumn => ({ header, key, required, width });

/** The region block every sheet starts with, as the national export does. */
const REGION_COLUMNS: readonly ExchangeColumn[] = [
  derived('县级区划代码'), derived('县（市、区）'), derived('乡级区划代码'), derived('乡（镇）'),
  data('村级区划代码', 'villageCode', true), derived('行政村'),
];

export const HOUSEHOLD_SHEET: ExchangeSheet = {
  kind: 'households',
  name: '户信息',
  columns: [
    ...REGION_COLUMNS,
    data('户编号', 'householdNo', true, 20), derived('户主姓名'), derived('户主身份证号', 22), derived('家庭人口数', 10),
    data('户类型', 'householdType', true), data('低保特困', 'assistanceStatus'), derived('监测对象类别'),
    data('详细地址', 'address', false, 24), data('联系电话', 'phone'), data('易地扶贫搬迁户', 'relocated'),
    data('住房不安全', 'unsafeHousing'), data('饮水不安全', 'unsafeWater'), data('义务教育阶段失学辍学', 'schoolDropout'),
    data('有成员未参加基本医保', 'uninsuredMember'),
  ],
};

export const MEMBER_SHEET: ExchangeSheet = {
  kind: 'members',
  name: '成员信息',
  columns: [
    ...REGION_COLUMNS,
    data('户编号', 'householdNo', true, 20), data('姓名', 'name', true), data('身份证号', 'idNumber', true, 22),
    data('性别', 'sex'), derived('出生日期', 12), data('与户主关系', 'relation', true), data('劳动技能', 'labourCapacity', true),
    data('健康状况', 'health', true), data('残疾等级', 'disabilityGrade'), data('文化程度', 'schooling'),
    data('在校生状况', 'schoolingStatus'), data('务工状况', 'employmentStatus'), data('务工地点', 'employmentPlace'),
    data('技能特长', 'skills'),
  ],
};

/** Sub-items grouped under their wheel (四个轮子) and the costs, with the part total before its items. */
function incomeColumns(): ExchangeColumn[] {
  const columns: ExchangeColumn[] = [];
  for (const part of [...(['wage', 'business', 'property', 'transfer'] as IncomePart[]), 'cost' as const, 'recorded' as const]) {
    if (part !== 'recorded') columns.push(derived(`${INCOME_PART_LABELS[part]}（元）`));
    for (const item of INCOME_ITEMS.filter((i) => i.part === part)) columns.push(data(`${item.label}（元）`, item.key));
  }
  return columns;
}

export const INCOME_SHEET: ExchangeSheet = {
  kind: 'income',
  name: '收入信息',
  columns: [
    ...REGION_COLUMNS,
    data('户编号', 'householdNo', true, 20), derived('户主姓名'), data('年度', 'year', true, 8), data('季度', 'quarter', true, 8),
    derived('计算人口数', 10), ...incomeColumns(), derived('家庭纯收入（元）'), derived('人均纯收入（元）'),
    data('备注', 'remark', false, 20),
  ],
};

export const RISK_TYPE_HEADERS: readonly string[] = Array.from({ length: MAX_RISK_TYPES }, (_, i) => `风险类型${i + 1}`);
export const measureHeader = (c: MeasureCategory) => `${MEASURE_CATEGORY_LABELS[c]}（项）`;

export const CASE_SHEET: ExchangeSheet = {
  kind: 'cases',
  name: '监测信息',
  columns: [
    ...REGION_COLUMNS,
    data('户编号', 'householdNo', true, 20), derived('户主姓名'), derived('户主身份证号', 22),
    data('监测对象类别', 'category', true), data('识别时间', 'identifiedOn', true, 12),
    ...RISK_TYPE_HEADERS.map((h, i) => data(h, `risk${i + 1}`, i === 0)), data('自然灾害类型', 'disasterSubtype'),
    ...MEASURE_CATEGORIES.map((c) => data(measureHeader(c), `measure:${c}`, false, 10)),
    data('风险是否消除', 'eliminated', true, 10), data('风险消除方式', 'eliminationWay'), data('风险消除年月', 'eliminationMonth', false, 12),
  ],
};

/** In file order: households before members before income before cases, so each refers only to what came before. */
export const EXCHANGE_SHEETS: readonly ExchangeSheet[] = [HOUSEHOLD_SHEET, MEMBER_SHEET, INCOME_SHEET, CASE_SHEET];

export function exchangeSheetByName(name: string): ExchangeSheet | null {
  return EXCHANGE_SHEETS.find((s) => s.name === name.trim()) ?? null;
}
