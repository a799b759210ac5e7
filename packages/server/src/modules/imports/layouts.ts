import {
  ASSISTANCE_STATUS, EMPLOYMENT_PLACE, EMPLOYMENT_STATUS, HEALTH, HOUSEHOLD_TYPE, INCOME_ITEMS, LABOUR_CAPACITY,
  RELATION, SCHOOLING, SCHOOLING_STATUS, SEX, labelFromChinese, normaliseText, parseBoolCell, parseIdCell,
  parseIntCell, parseYuanCell, normalisePhone, fenToYuan, type RegistryEnum,
} from '@zengshou/core';

/**
 * The spreadsheet layouts of the import and its template: one sheet per kind, Chinese headers, one column per
 * field. Column order in a user's file does not matter: headers are matched by name.
 */
export type SheetKind = 'households' | 'members' | 'income';
export type CellResult = { ok: true; value: string | number | boolean | null } | { ok: false; reason: string };

export interface ColumnDef {
  key: string;
  header: string;
  required: boolean;
  parse: (cell: unknown) => CellResult;
  /** Shown in the template's instructions sheet. */
  note: string;
  example: string | number;
  /** Allowed values (Chinese labels), offered as a drop-down in the template. */
  choices?: readonly string[];
}

export interface SheetLayout {
  kind: SheetKind;
  sheetName: string;
  columns: ColumnDef[];
}

const MAX_TEXT = 200;
const ABSURD_ITEM_FEN = 1_000_000_000;

function text(required: boolean, max = MAX_TEXT) {
  return (cell: unknown): CellResult => {
    const v = normaliseText(cell);
    if (v === '') return required ? { ok: false, reason: '必填项为空' } : { ok: true, value: null };
    if (v.length > max) return { ok: false, reason: `内容过长（${v.length} 字，上限 ${max} 字）` };
    if (/^[=+\-@]/.test(v) && /[(!]/.test(v)) return { ok: false, reason: '内容像是公式，请填写实际值' };
    return { ok: true, value: v };
  };
}

function pattern(re: RegExp, reason: string, required = true) {
  return (cell: unknown): CellResult => {
    const v = normaliseText(cell);
    if (v === '') return required ? { ok: false, reason: '必填项为空' } : { ok: true, value: null };
    return re.test(v) ? { ok: true, value: v } : { ok: false, reason };
  };
}

function choice<C extends string | number>(def: RegistryEnum<C>, required: boolean) {
  return (cell: unknown): CellResult => {
    const v = normaliseText(cell);
    if (v === '') return required ? { ok: false, reason: '必填项为空' } : { ok: true, value: null };
    const code = labelFromChinese(def, v);
    if (code === null) return { ok: false, reason: `不是可选值，可选：${Object.values<string>(def.labels).join('、')}` };
    return { ok: true, value: code };
  };
}

function flag(cell: unknown): CellResult {
  if (normaliseText(cell) === '') return { ok: true, value: false };
  const r = parseBoolCell(cell);
  return r.ok ? { ok: true, value: r.value } : { ok: false, reason: r.reason };
}

function adapt<T extends string | number | boolean | null>(r: { ok: true; value: T } | { ok: false; reason: string }): CellResult {
  return r.ok ? { ok: true, value: r.value } : { ok: false, reason: r.reason };
}

const labels = <C extends string | number>(def: RegistryEnum<C>) => Object.values<string>(def.labels);

const householdNo = pattern(/^[0-9A-Za-z-]{1,30}$/, '户编号只能由数字、字母和连字符组成，最长 30 位');

export const HOUSEHOLD_LAYOUT: SheetLayout = {
  kind: 'households',
  sheetName: '户信息',
  columns: [
    { key: 'householdNo', header: '户编号', required: true, parse: householdNo, note: '全县唯一，通常以村级区划代码开头', example: '5334231010010001' },
    { key: 'villageCode', header: '村级区划代码', required: true, parse: pattern(/^[0-9]{12}$/, '应为 12 位数字的村（社区）区划代码'), note: '12 位统计用区划代码', example: '533423101001' },
    { key: 'address', header: '详细地址', required: false, parse: text(false), note: '', example: '保和镇南路社区一组' },
    { key: 'householdType', header: '户类型', required: true, parse: choice(HOUSEHOLD_TYPE, true), note: '', example: '脱贫户', choices: labels(HOUSEHOLD_TYPE) },
    { key: 'assistanceStatus', header: '低保特困', required: false, parse: choice(ASSISTANCE_STATUS, false), note: '空白视为“无”', example: '无', choices: labels(ASSISTANCE_STATUS) },
    { key: 'relocated', header: '易地扶贫搬迁户', required: false, parse: flag, note: '是/否', example: '否', choices: ['是', '否'] },
    {
      key: 'phone', header: '联系电话', required: false, note: '手机或座机',
      example: '13812345678',
      parse: (cell) => {
        const v = normaliseText(cell);
        if (v === '') return { ok: true, value: null };
        const p = normalisePhone(v);
        return p ? { ok: true, value: p } : { ok: false, reason: '电话号码格式不正确' };
      },
    },
    { key: 'unsafeHousing', header: '住房不安全', required: false, parse: flag, note: '是/否', example: '否', choices: ['是', '否'] },
    { key: 'unsafeWater', header: '饮水不安全', required: false, parse: flag, note: '是/否', example: '否', choices: ['是', '否'] },
    { key: 'schoolDropout', header: '义务教育阶段失学辍学', required: false, parse: flag, note: '是/否', example: '否', choices: ['是', '否'] },
    { key: 'uninsuredMember', header: '有成员未参加基本医保', required: false, parse: flag, note: '是/否', example: '否', choices: ['是', '否'] },
  ],
};

export const MEMBER_LAYOUT: SheetLayout = {
  kind: 'members',
  sheetName: '成员信息',
  columns: [
    { key: 'householdNo', header: '户编号', required: true, parse: householdNo, note: '与“户信息”或系统中已有的户对应', example: '5334231010010001' },
    { key: 'name', header: '姓名', required: true, parse: text(true, 40), note: '', example: '和某某' },
    {
      key: 'idNumber', header: '身份证号', required: true, note: '18 位；请把该列设为“文本”格式，否则 Excel 会丢失后几位',
      example: '533423199001011234',
      parse: (cell) => adapt(parseIdCell(cell)),
    },
    { key: 'relation', header: '与户主关系', required: true, parse: choice(RELATION, true), note: '', example: '户主', choices: labels(RELATION) },
    { key: 'sex', header: '性别', required: false, parse: choice(SEX, false), note: '可不填，按身份证号核对', example: '男', choices: labels(SEX) },
    { key: 'labourCapacity', header: '劳动技能', required: true, parse: choice(LABOUR_CAPACITY, true), note: '', example: '普通劳动力', choices: labels(LABOUR_CAPACITY) },
    { key: 'health', header: '健康状况', required: true, parse: choice(HEALTH, true), note: '', example: '健康', choices: labels(HEALTH) },
    { key: 'disabilityGrade', header: '残疾等级', required: false, parse: (c) => (normaliseText(c) === '' ? { ok: true, value: null } : adapt(parseIntCell(c, { min: 1, max: 4 }))), note: '1–4，健康状况为“残疾”时必填', example: '' },
    { key: 'schooling', header: '文化程度', required: false, parse: choice(SCHOOLING, false), note: '', example: '初中', choices: labels(SCHOOLING) },
    { key: 'schoolingStatus', header: '在校情况', required: false, parse: choice(SCHOOLING_STATUS, false), note: '', example: '非在校', choices: labels(SCHOOLING_STATUS) },
    { key: 'employmentStatus', header: '务工状况', required: false, parse: choice(EMPLOYMENT_STATUS, false), note: '', example: '务工', choices: labels(EMPLOYMENT_STATUS) },
    { key: 'employmentPlace', header: '务工地点', required: false, parse: choice(EMPLOYMENT_PLACE, false), note: '务工状况为“务工”时必填', example: '县外省内', choices: labels(EMPLOYMENT_PLACE) },
    { key: 'skills', header: '技能特长', required: false, parse: text(false, 100), note: '', example: '电焊' },
  ],
};

export const INCOME_LAYOUT: SheetLayout = {
  kind: 'income',
  sheetName: '收入信息',
  columns: [
    { key: 'householdNo', header: '户编号', required: true, parse: householdNo, note: '', example: '5334231010010001' },
    { key: 'year', header: '年度', required: true, parse: (c) => adapt(parseIntCell(c, { min: 2015, max: 2100 })), note: '如 2025', example: 2025 },
    { key: 'quarter', header: '季度', required: true, parse: (c) => adapt(parseIntCell(c, { min: 1, max: 4 })), note: '1–4；填写当年截至该季度末的累计收入', example: 4 },
    ...INCOME_ITEMS.map((item): ColumnDef => ({
      key: item.key,
      header: `${item.label}（元）`,
      required: false,
      parse: (c) => {
        const r = parseYuanCell(c);
        // Ten million yuan in one sub-item of one rural household is not an income but a slip (an ID or a phone
        // number in the wrong column): refused with the row. Smaller outliers are stored and flagged by the logic checks.
        if (r.ok && r.value > ABSURD_ITEM_FEN) return { ok: false, reason: `金额 ${fenToYuan(r.value)} 元明显异常（单项超过 1,000 万元），请核对是否填错列` };
        return adapt(r);
      },
      note: '元，最多两位小数；空白视为 0',
      example: item.key === 'wageOther' ? '24000.00' : '',
    })),
    { key: 'remark', header: '备注', required: false, parse: text(false), note: '', example: '' },
  ],
};

export const LAYOUTS: readonly SheetLayout[] = [HOUSEHOLD_LAYOUT, MEMBER_LAYOUT, INCOME_LAYOUT];

/** Header text as users write it: ignore spaces, a trailing * for required, and full-width brackets. */
export function headerKey(text: unknown): string {
  return normaliseText(text).replace(/[\s*＊]/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/** Which layout a header row belongs to: the one whose required headers are all present. */
export function layoutForHeaders(headers: readonly unknown[]): SheetLayout | null {
  const present = new Set(headers.map(headerKey));
  const candidates = LAYOUTS.filter((l) => l.columns.filter((c) => c.required).every((c) => present.has(headerKey(c.header))));
  // Income has the most required columns that others lack; prefer the most specific match.
  return candidates.sort((a, b) => b.columns.filter((c) => c.required).length - a.columns.filter((c) => c.required).length)[0] ?? null;
}

export function layoutBySheetName(name: string): SheetLayout | null {
  return LAYOUTS.find((l) => l.sheetName === name.trim()) ?? null;
}
