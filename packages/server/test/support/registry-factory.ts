/** Small builders for registry tests: ID numbers, spreadsheet rows, files on disk. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from '../../src/platform/excel.ts';
import { makeIdNumber } from '@zengshou/core';

let seq = 0;
/** A valid, unique ID number of someone born on the given date in Weixi. */
export function idNumber(birth = '19800101', county = '533423'): string {
  seq = (seq + 1) % 999;
  return makeIdNumber(county, birth, String(seq + 1).padStart(3, '0'));
}

export const HOUSEHOLD_HEADERS = ['户编号', '村级区划代码', '详细地址', '户类型', '低保特困', '易地扶贫搬迁户', '联系电话', '住房不安全', '饮水不安全', '义务教育阶段失学辍学', '有成员未参加基本医保'];
export const MEMBER_HEADERS = ['户编号', '姓名', '身份证号', '与户主关系', '性别', '劳动技能', '健康状况', '残疾等级', '文化程度', '在校情况', '务工状况', '务工地点', '技能特长'];
export const INCOME_HEADERS = ['户编号', '年度', '季度', '公益性岗位收入（元）', '务工等其他工资性收入（元）', '种植业收入（元）', '养殖业收入（元）', '种植业生产经营支出（元）', '养老金或离退休金（元）', '备注'];

export function householdRow(no: string, village = '533423101001', over: Partial<Record<string, unknown>> = {}): unknown[] {
  const base: Record<string, unknown> = { 户编号: no, 村级区划代码: village, 详细地址: '一组', 户类型: '脱贫户', 低保特困: '无', 易地扶贫搬迁户: '否', 联系电话: '13812345678', 住房不安全: '否', 饮水不安全: '否', 义务教育阶段失学辍学: '否', 有成员未参加基本医保: '否', ...over };
  return HOUSEHOLD_HEADERS.map((h) => base[h]);
}

export function memberRow(no: string, name: string, id: unknown, over: Partial<Record<string, unknown>> = {}): unknown[] {
  const base: Record<string, unknown> = { 户编号: no, 姓名: name, 身份证号: id, 与户主关系: '户主', 劳动技能: '普通劳动力', 健康状况: '健康', 在校情况: '非在校', 务工状况: '务农', ...over };
  return MEMBER_HEADERS.map((h) => base[h]);
}

export function incomeRow(no: string, year: number, quarter: number, over: Partial<Record<string, unknown>> = {}): unknown[] {
  const base: Record<string, unknown> = { 户编号: no, 年度: year, 季度: quarter, '务工等其他工资性收入（元）': 6000 * quarter, '种植业收入（元）': 1000 * quarter, '种植业生产经营支出（元）': 200 * quarter, ...over };
  return INCOME_HEADERS.map((h) => base[h]);
}

export interface SheetSpec {
  name: string;
  headers: readonly unknown[];
  rows: readonly unknown[][];
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'zs-test-'));
}

export async function writeXlsx(sheets: readonly SheetSpec[], file = path.join(tempDir(), 'import.xlsx')): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow([...s.headers]);
    for (const r of s.rows) ws.addRow([...r]);
  }
  await wb.xlsx.writeFile(file);
  return file;
}

export function writeCsv(headers: readonly unknown[], rows: readonly unknown[][], file = path.join(tempDir(), 'import.csv')): string {
  const esc = (v: unknown) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  writeFileSync(file, [headers, ...rows].map((r) => r.map(esc).join(',')).join('\n') + '\n');
  return file;
}
