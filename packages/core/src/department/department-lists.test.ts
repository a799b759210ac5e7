import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../id-number.ts';
import {
  DEPARTMENT_COLUMNS, DEPARTMENT_LIST_TYPES, decideDepartmentRow, falsePositiveRate, listTypeOfSource, mapDepartmentHeaders,
  parseDateCell, validateDepartmentRow, type MatchedFacts,
} from './department-lists.ts';

const TODAY = '2026-03-02';
const ID = makeIdNumber('533423', '19700101', '011');
const facts = (over: Partial<MatchedFacts> = {}): MatchedFacts => ({
  assistanceStatus: 'none', unsafeHousing: false, schoolDropout: false, disabilityGrade: null, openWarningOfType: false, ...over,
});

describe('department list columns', () => {
  it('every type has the ID number and Chinese headers, and its own fields', () => {
    for (const t of DEPARTMENT_LIST_TYPES) {
      const cols = DEPARTMENT_COLUMNS[t];
      expect(cols.some((c) => c.key === 'idNumber' && c.header === '身份证号')).toBe(true);
      for (const c of cols) expect(c.header).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(DEPARTMENT_COLUMNS.medical_insurance.map((c) => c.header)).toContain('自付医疗费用（元）');
    expect(DEPARTMENT_COLUMNS.education.map((c) => c.header)).toEqual(expect.arrayContaining(['学生姓名', '辍学日期']));
    expect(DEPARTMENT_COLUMNS.housing.map((c) => c.header)).toContain('危房等级');
  });

  it('maps headers by name in any order, with the template star and half-width brackets', () => {
    const m = mapDepartmentHeaders('medical_insurance', ['结算日期*', '身份证号*', '其他', '姓名', '自付医疗费用(元)']);
    expect(m.keys).toEqual(['date', 'idNumber', null, 'name', 'outOfPocketFen']);
    expect(m.missing).toEqual([]);
    expect(mapDepartmentHeaders('civil_affairs', ['姓名', '身份证号']).missing).toEqual(['救助类别', '变动', '变动日期']);
  });
});

describe('validateDepartmentRow', () => {
  it('accepts a good civil-affairs row and normalises its values', () => {
    const r = validateDepartmentRow('civil_affairs', { name: '和春花', idNumber: ID, assistance: '低保', change: '新增', date: '2026/2/1' }, TODAY);
    expect(r).toEqual({ ok: true, idNumber: ID, fields: { name: '和春花', assistance: 'dibao', change: 'new', date: '2026-02-01', amountFen: null } });
  });

  it('reports every bad cell with a Chinese reason', () => {
    const r = validateDepartmentRow('civil_affairs', { name: '', idNumber: 5.33423e17, assistance: '五保', change: '新增', date: '2026-02-30' }, TODAY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.column)).toEqual(['身份证号', '姓名', '救助类别', '变动日期']);
    expect(r.errors[0]!.reason).toMatch(/文本|科学计数|数字/);
    expect(r.errors[2]!.reason).toContain('不是可选值');
    expect(r.errors[3]!.reason).toBe('日期不存在');
  });

  it('refuses a wrong check digit, a stopped temporary aid, a future date and a zero medical bill', () => {
    const wrong = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    expect(validateDepartmentRow('housing', { name: '和', idNumber: wrong, grade: 'D级' }, TODAY).ok).toBe(false);
    const stop = validateDepartmentRow('civil_affairs', { name: '和', idNumber: ID, assistance: '临时救助', change: '停止', date: '2026-01-01' }, TODAY);
    expect(!stop.ok && stop.errors[0]!.reason).toContain('临时救助');
    expect(parseDateCell('2026-03-03', TODAY)).toEqual({ ok: false, reason: '日期晚于今天' });
    // An Excel date read without styles arrives as its serial number.
    expect(parseDateCell(46063, TODAY)).toEqual({ ok: true, value: '2026-02-10' });
    expect(parseDateCell(new Date(Date.UTC(2026, 1, 10)), TODAY)).toEqual({ ok: true, value: '2026-02-10' });
    const med = validateDepartmentRow('medical_insurance', { name: '和', idNumber: ID, outOfPocketFen: '0', date: '2026-01-01' }, TODAY);
    expect(!med.ok && med.errors[0]!.reason).toBe('金额必须大于 0');
  });

  it('reads a disability grade as 一级…四级 or 1–4 and a formula-like name is refused', () => {
    const ok = validateDepartmentRow('disability', { name: '和', idNumber: ID, kind: '肢体残疾', grade: '二级' }, TODAY);
    expect(ok.ok && ok.fields.grade).toBe(2);
    const bad = validateDepartmentRow('disability', { name: '=cmd()', idNumber: ID, kind: '肢体残疾', grade: 5 }, TODAY);
    expect(!bad.ok && bad.errors.map((e) => e.column)).toEqual(['姓名', '残疾等级']);
  });
});

const civil = (assistance: string, change: string) => ({ name: '和', assistance, change, date: '2026-02-01', amountFen: null });

describe('decideDepartmentRow', () => {
  it('new dibao: sets the status and pushes a warning; already dibao is already known', () => {
    const d = decideDepartmentRow('civil_affairs', civil('dibao', 'new'), facts());
    expect(d).toMatchObject({ outcome: 'matched', fact: { kind: 'assistance_status', to: 'dibao', from: 'none' }, warning: { ruleId: 'department:civil_affairs', title: '新纳入低保' } });
    expect(d.outcome === 'matched' && d.warning.explanation).toContain('民政部门推送：2026-02-01 新纳入低保');
    expect(decideDepartmentRow('civil_affairs', civil('dibao', 'new'), facts({ assistanceStatus: 'dibao' }))).toEqual({ outcome: 'already_known', reason: '系统中已登记为低保' });
  });

  it('stopped 特困 clears the status; stopping what the registry does not hold is already known', () => {
    expect(decideDepartmentRow('civil_affairs', civil('tekun', 'stopped'), facts({ assistanceStatus: 'tekun' }))).toMatchObject({ outcome: 'matched', fact: { kind: 'assistance_status', to: 'none' } });
    expect(decideDepartmentRow('civil_affairs', civil('tekun', 'stopped'), facts()).outcome).toBe('already_known');
  });

  it('temporary aid and medical bills change no fact; a waiting warning of the same type makes them already known', () => {
    const med = decideDepartmentRow('medical_insurance', { name: '和', outOfPocketFen: 3_200_000, date: '2026-02-01' }, facts());
    expect(med).toMatchObject({ outcome: 'matched', fact: null });
    expect(med.outcome === 'matched' && med.warning.explanation).toContain('个人自付医疗费用 32,000 元');
    expect(med.outcome === 'matched' && med.warning.score).toBe(20 + Math.round(40 * 0.64));
    expect(decideDepartmentRow('medical_insurance', { outOfPocketFen: 10_000_000, date: '2026-02-01' }, facts()).outcome === 'matched').toBe(true);
    expect(decideDepartmentRow('civil_affairs', civil('temporary', 'new'), facts({ openWarningOfType: true })).outcome).toBe('already_known');
  });

  it('education, housing and disability set their facts unless the registry already says so', () => {
    expect(decideDepartmentRow('education', { name: '和小明', date: '2026-02-01', school: null }, facts())).toMatchObject({ outcome: 'matched', fact: { kind: 'school_dropout' } });
    expect(decideDepartmentRow('education', { name: '和小明', date: '2026-02-01' }, facts({ schoolDropout: true })).outcome).toBe('already_known');
    const house = decideDepartmentRow('housing', { grade: 'D', date: null }, facts());
    expect(house).toMatchObject({ outcome: 'matched', fact: { kind: 'unsafe_housing' }, warning: { score: 40 } });
    expect(decideDepartmentRow('housing', { grade: 'C' }, facts({ unsafeHousing: true })).outcome).toBe('already_known');
    const dis = decideDepartmentRow('disability', { kind: 'physical', grade: 2 }, facts({ disabilityGrade: 3 }));
    expect(dis).toMatchObject({ outcome: 'matched', fact: { kind: 'disability_grade', to: 2 } });
    expect(dis.outcome === 'matched' && dis.warning.explanation).toContain('残疾等级由3级变更为2级');
    expect(decideDepartmentRow('disability', { kind: 'physical', grade: 2 }, facts({ disabilityGrade: 2 })).outcome).toBe('already_known');
  });

  it('emergency and human resources warnings name the event and date', () => {
    const e = decideDepartmentRow('emergency', { disaster: 'flood', date: '2026-01-10', lossFen: 500_000 }, facts());
    expect(e.outcome === 'matched' && e.warning.explanation).toBe('应急管理部门推送：2026-01-10 受洪涝影响，直接经济损失 5,000 元，请入户核实因灾返贫致贫风险。');
    const h = decideDepartmentRow('human_resources', { event: 'post_ended', date: '2026-01-10' }, facts());
    expect(h.outcome === 'matched' && h.warning.title).toBe('公益性岗位终止');
  });
});

describe('feedback', () => {
  it('false-positive rate and the source of a department warning', () => {
    expect(falsePositiveRate(0, 0)).toBeNull();
    expect(falsePositiveRate(3, 1)).toBe(0.333);
    expect(listTypeOfSource('department:housing')).toBe('housing');
    expect(listTypeOfSource('rules')).toBeNull();
    expect(listTypeOfSource('department:nope')).toBeNull();
  });
});
