import { z } from 'zod';
import { parseIdCell, normaliseText, parseYuanCell, parseIntCell, unwrapCell } from '../registry/import-cells.ts';
import type { AssistanceStatus } from '../registry/registry-enums.ts';

/**
 * 部门筛查预警 (domain.md §4 channel 3): departments send lists of people; the platform compares them with the
 * registry by ID number (数据比对) and pushes a warning to the household's village for a home check. Everything in
 * this file is pure: the list types and their columns, row validation, and what one matched row means for the
 * household (a fact to update, a warning to raise, or nothing new because the registry already says it).
 */

export const DEPARTMENT_RULES_VERSION = '2026.1';

export const DEPARTMENT_LIST_TYPES = [
  'civil_affairs',
  'medical_insurance',
  'education',
  'human_resources',
  'housing',
  'emergency',
  'disability',
] as const;
export type DepartmentListType = (typeof DEPARTMENT_LIST_TYPES)[number];
export const departmentListTypeSchema = z.enum(DEPARTMENT_LIST_TYPES);

export const DEPARTMENT_LIST_TYPE_LABELS: Record<DepartmentListType, string> = {
  civil_affairs: '民政：低保、特困、临时救助',
  medical_insurance: '医保：高额自付医疗费用',
  education: '教育：失学辍学学生',
  human_resources: '人社：失业、公益性岗位终止',
  housing: '住建：农村危房',
  emergency: '应急管理：受灾户',
  disability: '残联：新增或变更残疾',
};

/** The department each list comes from, as the warning names it. */
export const DEPARTMENT_NAMES: Record<DepartmentListType, string> = {
  civil_affairs: '民政部门',
  medical_insurance: '医保部门',
  education: '教育部门',
  human_resources: '人社部门',
  housing: '住建部门',
  emergency: '应急管理部门',
  disability: '残联',
};

/**
 * List types whose matched households are put straight into the case workflow as a lead (with the home check due),
 * besides the warning: a disaster-hit household may be helped before identification ends (先帮扶后认定, seed 003),
 * so its case must not wait for the village to convert a warning. The other lists are signals the village checks
 * first, and may mark as a false positive.
 */
export const DEPARTMENT_LIST_OPENS_LEAD: Readonly<Record<DepartmentListType, boolean>> = {
  civil_affairs: false,
  medical_insurance: false,
  education: false,
  human_resources: false,
  housing: false,
  emergency: true,
  disability: false,
};

/** Warning source and rule id of a list type's warnings (one open warning per household and list type). */
export const departmentSource = (t: DepartmentListType) => `department:${t}` as const;
export function listTypeOfSource(source: string): DepartmentListType | null {
  const t = source.startsWith('department:') ? source.slice('department:'.length) : '';
  return (DEPARTMENT_LIST_TYPES as readonly string[]).includes(t) ? (t as DepartmentListType) : null;
}

// ---------------------------------------------------------------------------------------------------------
// Columns

export type DepartmentFieldValue = string | number | null;
export type CellCheck = { ok: true; value: DepartmentFieldValue } | { ok: false; reason: string };

export interface DepartmentColumn {
  key: string;
  header: string;
  required: boolean;
  note: string;
  example: string;
  choices?: readonly string[];
  parse: (cell: unknown, today: string) => CellCheck;
}

const MAX_TEXT = 50;

function text(required: boolean) {
  return (cell: unknown): CellCheck => {
    const v = normaliseText(cell);
    if (v === '') return required ? { ok: false, reason: '必填项为空' } : { ok: true, value: null };
    if (v.length > MAX_TEXT) return { ok: false, reason: `内容过长（${v.length} 字，上限 ${MAX_TEXT} 字）` };
    // A cell that looks like a formula is refused: it would be one when the list is opened again in Excel.
    if (/^[=+\-@]/.test(v)) return { ok: false, reason: '内容像是公式，请填写实际值' };
    return { ok: true, value: v };
  };
}

function choice(map: Record<string, string>, required = true) {
  const labels = [...new Set(Object.keys(map))];
  return (cell: unknown): CellCheck => {
    const v = normaliseText(cell);
    if (v === '') return required ? { ok: false, reason: '必填项为空' } : { ok: true, value: null };
    const code = map[v];
    if (code === undefined) return { ok: false, reason: `“${v.slice(0, 20)}”不是可选值，可选：${labels.join('、')}` };
    return { ok: true, value: code };
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell: an Excel date, or text 2026-02-01, 2026/2/1, 2026年2月1日, 20260201. Never later than today. */
export function parseDateCell(cell: unknown, today: string, required = true): CellCheck {
  const raw = unwrapCell(cell);
  // A streaming reader that skips styles sees a date cell as its Excel serial number (days since 1899-12-30).
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 36_526 && raw < 73_051) {
    return parseDateCell(new Date(Date.UTC(1899, 11, 30) + Math.floor(raw) * 86_400_000), today, required);
  }
  const v = normaliseText(cell);
  if (v === '') return required ? { ok: false, reason: '必填项为空' } : { ok: true, value: null };
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (!m) return { ok: false, reason: '日期格式不正确，请填写如 2026-02-01' };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return { ok: false, reason: '日期不存在' };
  const iso = `${y}-${pad(mo)}-${pad(d)}`;
  if (y < 2000) return { ok: false, reason: '日期早于 2000 年，请核对' };
  if (iso > today) return { ok: false, reason: '日期晚于今天' };
  return { ok: true, value: iso };
}

const date = (required = true) => (cell: unknown, today: string) => parseDateCell(cell, today, required);

function yuan(required: boolean) {
  return (cell: unknown): CellCheck => {
    if (normaliseText(cell) === '') return required ? { ok: false, reason: '必填项为空' } : { ok: true, value: null };
    const r = parseYuanCell(cell);
    if (!r.ok) return r;
    if (required && r.value <= 0) return { ok: false, reason: '金额必须大于 0' };
    if (r.value > 100_000_000_00) return { ok: false, reason: '金额超过 1 亿元，请核对' };
    return { ok: true, value: r.value };
  };
}

export const ASSISTANCE_KINDS = { 低保: 'dibao', 农村低保: 'dibao', 最低生活保障: 'dibao', 特困: 'tekun', 特困供养: 'tekun', 临时救助: 'temporary' } as const;
export const ASSISTANCE_KIND_LABELS: Record<string, string> = { dibao: '低保', tekun: '特困', temporary: '临时救助' };
export const CHANGE_KINDS = { 新增: 'new', 纳入: 'new', 停止: 'stopped', 退出: 'stopped', 停保: 'stopped' } as const;
export const CHANGE_KIND_LABELS: Record<string, string> = { new: '新增', stopped: '停止' };
export const JOB_EVENTS = { 失业: 'lost_job', 公益岗位终止: 'post_ended', 公益性岗位终止: 'post_ended' } as const;
export const JOB_EVENT_LABELS: Record<string, string> = { lost_job: '失业', post_ended: '公益性岗位终止' };
export const HOUSING_GRADES = { C级: 'C', D级: 'D', C: 'C', D: 'D' } as const;
export const DISASTER_TYPES = {
  洪涝: 'flood', 干旱: 'drought', 地震: 'earthquake', 滑坡泥石流: 'landslide', 山体滑坡: 'landslide', 泥石流: 'landslide',
  风雹: 'hail', 低温冷冻雪灾: 'frost', 雪灾: 'frost', 森林火灾: 'fire', 火灾: 'fire', 其他: 'other',
} as const;
export const DISASTER_TYPE_LABELS: Record<string, string> = {
  flood: '洪涝', drought: '干旱', earthquake: '地震', landslide: '滑坡泥石流', hail: '风雹', frost: '低温冷冻雪灾', fire: '火灾', other: '其他灾害',
};
export const DISABILITY_KINDS = { 视力残疾: 'visual', 听力残疾: 'hearing', 言语残疾: 'speech', 肢体残疾: 'physical', 智力残疾: 'intellectual', 精神残疾: 'mental', 多重残疾: 'multiple' } as const;
export const DISABILITY_KIND_LABELS: Record<string, string> = {
  visual: '视力残疾', hearing: '听力残疾', speech: '言语残疾', physical: '肢体残疾', intellectual: '智力残疾', mental: '精神残疾', multiple: '多重残疾',
};
const GRADE_WORDS: Record<string, number> = { 一级: 1, 二级: 2, 三级: 3, 四级: 4 };

function grade(cell: unknown): CellCheck {
  const v = normaliseText(cell);
  if (v === '') return { ok: false, reason: '必填项为空' };
  if (GRADE_WORDS[v] !== undefined) return { ok: true, value: GRADE_WORDS[v] };
  const r = parseIntCell(cell, { min: 1, max: 4 });
  return r.ok ? { ok: true, value: r.value } : { ok: false, reason: '残疾等级只能是一级至四级（或 1–4）' };
}

const nameCol = (header = '姓名'): DepartmentColumn => ({ key: 'name', header, required: true, note: '与身份证一致', example: '和春花', parse: text(true) });
const idCol: DepartmentColumn = {
  key: 'idNumber', header: '身份证号', required: true, note: '18 位，单元格须为文本格式', example: '533423197001010011', parse: () => ({ ok: true, value: null }),
};
const labelsOf = (m: Record<string, string>) => Object.keys(m);

export const DEPARTMENT_COLUMNS: Record<DepartmentListType, readonly DepartmentColumn[]> = {
  civil_affairs: [
    nameCol(), idCol,
    { key: 'assistance', header: '救助类别', required: true, note: '低保、特困或临时救助', example: '低保', choices: ['低保', '特困', '临时救助'], parse: choice(ASSISTANCE_KINDS) },
    { key: 'change', header: '变动', required: true, note: '新增或停止；临时救助只填新增', example: '新增', choices: ['新增', '停止'], parse: choice(CHANGE_KINDS) },
    { key: 'date', header: '变动日期', required: true, note: '审批或停止的日期', example: '2026-02-01', parse: date() },
    { key: 'amountFen', header: '救助金额（元）', required: false, note: '临时救助的金额，可不填', example: '', parse: yuan(false) },
  ],
  medical_insurance: [
    nameCol(), idCol,
    { key: 'outOfPocketFen', header: '自付医疗费用（元）', required: true, note: '报销后个人自付部分', example: '32000', parse: yuan(true) },
    { key: 'date', header: '结算日期', required: true, note: '最近一次结算的日期', example: '2026-02-01', parse: date() },
  ],
  education: [
    nameCol('学生姓名'), idCol,
    { key: 'school', header: '学校', required: false, note: '原就读学校', example: '保和镇中心完小', parse: text(false) },
    { key: 'date', header: '辍学日期', required: true, note: '', example: '2026-02-01', parse: date() },
  ],
  human_resources: [
    nameCol(), idCol,
    { key: 'event', header: '变动类型', required: true, note: '失业或公益性岗位终止', example: '失业', choices: ['失业', '公益岗位终止'], parse: choice(JOB_EVENTS) },
    { key: 'date', header: '变动日期', required: true, note: '', example: '2026-02-01', parse: date() },
  ],
  housing: [
    nameCol(), idCol,
    { key: 'grade', header: '危房等级', required: true, note: 'C级或D级', example: 'D级', choices: ['C级', 'D级'], parse: choice(HOUSING_GRADES) },
    { key: 'date', header: '鉴定日期', required: false, note: '可不填', example: '2026-02-01', parse: date(false) },
  ],
  emergency: [
    nameCol(), idCol,
    { key: 'disaster', header: '灾害类型', required: true, note: '', example: '洪涝', choices: ['洪涝', '干旱', '地震', '滑坡泥石流', '风雹', '低温冷冻雪灾', '森林火灾', '其他'], parse: choice(DISASTER_TYPES) },
    { key: 'date', header: '受灾日期', required: true, note: '', example: '2026-02-01', parse: date() },
    { key: 'lossFen', header: '直接经济损失（元）', required: false, note: '可不填', example: '', parse: yuan(false) },
  ],
  disability: [
    nameCol(), idCol,
    { key: 'kind', header: '残疾类别', required: true, note: '', example: '肢体残疾', choices: labelsOf(DISABILITY_KINDS), parse: choice(DISABILITY_KINDS) },
    { key: 'grade', header: '残疾等级', required: true, note: '一级至四级', example: '二级', choices: ['一级', '二级', '三级', '四级'], parse: grade },
  ],
};

// ---------------------------------------------------------------------------------------------------------
// Rows

export interface DepartmentRowError {
  column: string;
  reason: string;
}

export type DepartmentRowResult =
  | { ok: true; idNumber: string; fields: Record<string, DepartmentFieldValue> }
  | { ok: false; idNumber: string | null; errors: DepartmentRowError[] };

/**
 * Checks one row of a list (cells by column key). The ID number must be valid (GB 11643, never an Excel number);
 * each type-specific column has its own check; a few checks span columns. Reasons are Chinese.
 */
export function validateDepartmentRow(type: DepartmentListType, cells: Record<string, unknown>, today: string): DepartmentRowResult {
  const errors: DepartmentRowError[] = [];
  const fields: Record<string, DepartmentFieldValue> = {};
  const id = parseIdCell(cells.idNumber, { today });
  if (!id.ok) errors.push({ column: '身份证号', reason: id.reason });
  for (const col of DEPARTMENT_COLUMNS[type]) {
    if (col.key === 'idNumber') continue;
    const r = col.parse(cells[col.key], today);
    if (r.ok) fields[col.key] = r.value;
    else errors.push({ column: col.header, reason: r.reason });
  }
  if (type === 'civil_affairs' && fields.assistance === 'temporary' && fields.change === 'stopped') {
    errors.push({ column: '变动', reason: '临时救助是一次性救助，变动只能填“新增”' });
  }
  if (errors.length > 0) return { ok: false, idNumber: id.ok ? id.value : null, errors };
  return { ok: true, idNumber: (id as { value: string }).value, fields };
}

/** Header row → column key per position; unknown headers are ignored, a trailing * (template) is allowed. */
export function mapDepartmentHeaders(type: DepartmentListType, headers: readonly unknown[]): { keys: (string | null)[]; missing: string[] } {
  const byHeader = new Map(DEPARTMENT_COLUMNS[type].map((c) => [c.header, c.key]));
  // 姓名 and 学生姓名 are accepted for each other: departments reuse their own sheets.
  byHeader.set(type === 'education' ? '姓名' : '学生姓名', 'name');
  const keys = headers.map((h) => byHeader.get(normaliseText(h).replace(/\*$/, '').replace(/\(/g, '（').replace(/\)/g, '）')) ?? null);
  const missing = DEPARTMENT_COLUMNS[type].filter((c) => c.required && !keys.includes(c.key)).map((c) => c.header);
  return { keys, missing };
}

/** The JSON API's row: the same keys as the columns; values as text or numbers, as a spreadsheet cell would hold. */
export const departmentJsonRowSchema = z.record(z.string().max(40), z.union([z.string().max(200), z.number(), z.null()]));
export const departmentJsonListSchema = z
  .object({
    listType: departmentListTypeSchema,
    rows: z.array(departmentJsonRowSchema).min(1, '名单为空').max(50_000, '一次最多提交 50000 行'),
    dryRun: z.boolean().default(true),
  })
  .strict();
export type DepartmentJsonList = z.infer<typeof departmentJsonListSchema>;

export const falsePositiveSchema = z.object({ reason: z.string().trim().min(2, '请填写误报原因').max(200, '原因最多 200 字') }).strict();

// ---------------------------------------------------------------------------------------------------------
// What a matched row means

/** What the registry says about the matched household and member, read in the matching transaction. */
export interface MatchedFacts {
  assistanceStatus: AssistanceStatus;
  unsafeHousing: boolean;
  schoolDropout: boolean;
  disabilityGrade: number | null;
  /** An open warning of this list type for the household already waits for the village. */
  openWarningOfType: boolean;
}

export type FactChange =
  | { kind: 'assistance_status'; to: AssistanceStatus; from: string }
  | { kind: 'unsafe_housing' }
  | { kind: 'school_dropout' }
  | { kind: 'disability_grade'; to: number };

export interface DepartmentWarning {
  ruleId: string;
  title: string;
  explanation: string;
  score: number;
}

export type RowDecision =
  | { outcome: 'already_known'; reason: string }
  | { outcome: 'matched'; fact: FactChange | null; warning: DepartmentWarning };

const pending = (): RowDecision => ({ outcome: 'already_known', reason: '该户已有未处理的同类部门预警' });
const yuanText = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
const str = (v: DepartmentFieldValue | undefined) => (v === null || v === undefined ? '' : String(v));

/**
 * For one matched row: the household fact to change, the warning to push, or 'already known' when the registry
 * already records what the department reports (no new information, so nothing is pushed to the village).
 */
export function decideDepartmentRow(type: DepartmentListType, fields: Record<string, DepartmentFieldValue>, facts: MatchedFacts): RowDecision {
  const dept = DEPARTMENT_NAMES[type];
  const warn = (title: string, explanation: string, score: number) => ({ ruleId: departmentSource(type), title, explanation: `${dept}推送：${explanation}`, score });
  switch (type) {
    case 'civil_affairs': {
      const kind = str(fields.assistance);
      const change = str(fields.change);
      const label = ASSISTANCE_KIND_LABELS[kind] ?? kind;
      if (kind === 'temporary') {
        if (facts.openWarningOfType) return pending();
        const amount = typeof fields.amountFen === 'number' && fields.amountFen > 0 ? `，金额 ${yuanText(fields.amountFen)} 元` : '';
        return { outcome: 'matched', fact: null, warning: warn('获得临时救助', `${str(fields.date)} 获得临时救助${amount}，说明家庭遭遇突发困难，请入户核实。`, 30) };
      }
      const status = kind as AssistanceStatus;
      if (change === 'new') {
        if (facts.assistanceStatus === status) return { outcome: 'already_known', reason: `系统中已登记为${label}` };
        return {
          outcome: 'matched',
          fact: { kind: 'assistance_status', to: status, from: facts.assistanceStatus },
          warning: warn(`新纳入${label}`, `${str(fields.date)} 新纳入${label}，已同步更新户的低保特困状态；新纳入${label}是必访对象，请入户核实是否存在返贫致贫风险。`, 35),
        };
      }
      if (facts.assistanceStatus !== status) return { outcome: 'already_known', reason: `系统中该户不是${label}，无需停止` };
      return {
        outcome: 'matched',
        fact: { kind: 'assistance_status', to: 'none', from: facts.assistanceStatus },
        warning: warn(`停止${label}`, `${str(fields.date)} 停止${label}，已同步更新户的低保特困状态；转移性收入减少，请入户核实收入是否仍高于监测线。`, 30),
      };
    }
    case 'medical_insurance': {
      if (facts.openWarningOfType) return pending();
      const fen = Number(fields.outOfPocketFen ?? 0);
      // 20 points at any reported amount, up to 60 at 50,000 yuan and more: large bills are the classic relapse cause.
      const score = 20 + Math.round(40 * Math.min(1, fen / 5_000_000));
      return { outcome: 'matched', fact: null, warning: warn('高额自付医疗费用', `截至 ${str(fields.date)} 个人自付医疗费用 ${yuanText(fen)} 元，请入户核实因病返贫致贫风险。`, score) };
    }
    case 'education': {
      if (facts.schoolDropout) return { outcome: 'already_known', reason: '系统中该户已标记为有失学辍学' };
      return {
        outcome: 'matched',
        fact: { kind: 'school_dropout' },
        warning: warn('学生失学辍学', `学生${str(fields.name)}于 ${str(fields.date)} 辍学${fields.school ? `（原就读${str(fields.school)}）` : ''}，已标记该户“义务教育阶段失学辍学”，请入户核实并劝返。`, 30),
      };
    }
    case 'human_resources': {
      if (facts.openWarningOfType) return pending();
      const event = JOB_EVENT_LABELS[str(fields.event)] ?? str(fields.event);
      return { outcome: 'matched', fact: null, warning: warn(event, `${str(fields.date)} ${event}，工资性收入可能减少，请入户核实就业情况。`, 25) };
    }
    case 'housing': {
      if (facts.unsafeHousing) return { outcome: 'already_known', reason: '系统中该户已标记为住房不安全' };
      const when = fields.date ? `${str(fields.date)} ` : '';
      return {
        outcome: 'matched',
        fact: { kind: 'unsafe_housing' },
        warning: warn('住房被鉴定为危房', `${when}住房被鉴定为 ${str(fields.grade)} 级危房，已标记该户“住房不安全”，请入户核实住房安全保障。`, fields.grade === 'D' ? 40 : 30),
      };
    }
    case 'emergency': {
      if (facts.openWarningOfType) return pending();
      const loss = typeof fields.lossFen === 'number' && fields.lossFen > 0 ? `，直接经济损失 ${yuanText(fields.lossFen)} 元` : '';
      const disaster = DISASTER_TYPE_LABELS[str(fields.disaster)] ?? str(fields.disaster);
      return { outcome: 'matched', fact: null, warning: warn(`受${disaster}影响`, `${str(fields.date)} 受${disaster}影响${loss}，请入户核实因灾返贫致贫风险。`, 35) };
    }
    case 'disability': {
      const g = Number(fields.grade);
      if (facts.disabilityGrade === g) return { outcome: 'already_known', reason: `系统中该成员已登记为残疾${g}级` };
      const kind = DISABILITY_KIND_LABELS[str(fields.kind)] ?? str(fields.kind);
      const what = facts.disabilityGrade === null ? `新增${kind}${g}级` : `残疾等级由${facts.disabilityGrade}级变更为${g}级（${kind}）`;
      // Grades 1–2 are severe: a household losing a worker or gaining a carer's burden.
      return { outcome: 'matched', fact: { kind: 'disability_grade', to: g }, warning: warn('新增或变更残疾', `成员${what}，已同步更新成员残疾等级，请入户核实。`, g <= 2 ? 35 : 20) };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Match results and feedback

export const DEPARTMENT_ROW_STATUSES = ['matched', 'already_known', 'unmatched', 'invalid'] as const;
export type DepartmentRowStatus = (typeof DEPARTMENT_ROW_STATUSES)[number];
export const DEPARTMENT_ROW_STATUS_LABELS: Record<DepartmentRowStatus, string> = {
  matched: '比对成功',
  already_known: '系统已掌握',
  unmatched: '未比对上',
  invalid: '数据有误',
};
export const DEPARTMENT_LIST_STATUS_LABELS: Record<'dry_run' | 'applied', string> = { dry_run: '试比对', applied: '已导入' };

/** Share of pushed warnings the villages marked as false positives; null before anything was pushed. */
export function falsePositiveRate(pushed: number, falsePositives: number): number | null {
  if (pushed <= 0) return null;
  return Math.round((falsePositives / pushed) * 1000) / 1000;
}
