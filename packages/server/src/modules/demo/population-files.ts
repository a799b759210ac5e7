import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from '../../platform/excel.ts';
import { ASSISTANCE_STATUS, EMPLOYMENT_PLACE, EMPLOYMENT_STATUS, HEALTH, HOUSEHOLD_TYPE, INCOME_ITEMS, LABOUR_CAPACITY, RELATION, SCHOOLING, SCHOOLING_STATUS, SEX, fenToYuan, labelOf } from '@zengshou/core';
import { HOUSEHOLD_LAYOUT, INCOME_LAYOUT, MEMBER_LAYOUT, type SheetLayout } from '../imports/layouts.ts';
import { syntheticPopulation, type PopulationOptions, type SyntheticHousehold } from './synthetic-population.ts';

type Row = (string | number)[];
const yesNo = (b: boolean) => (b ? '是' : '否');
const L = <C extends string | number>(def: Parameters<typeof labelOf<C>>[0], code: unknown) => labelOf(def, code as C);

/** Rows of each sheet, in the import layout's column order, with the labels a county clerk would type. */
function* rowsOf(layout: SheetLayout, population: Iterable<SyntheticHousehold>): Generator<Row> {
  for (const h of population) {
    if (layout.kind === 'households') {
      yield [h.householdNo, h.villageCode, h.address, L(HOUSEHOLD_TYPE, h.householdType), L(ASSISTANCE_STATUS, h.assistanceStatus),
        yesNo(h.relocated), h.phone, yesNo(h.unsafeHousing), yesNo(h.unsafeWater), yesNo(h.schoolDropout), yesNo(h.uninsuredMember)];
    } else if (layout.kind === 'members') {
      for (const m of h.members) {
        yield [h.householdNo, m.name, m.idNumber, L(RELATION, m.relation), L(SEX, m.sex), L(LABOUR_CAPACITY, m.labourCapacity),
          L(HEALTH, m.health), m.disabilityGrade ?? '', L(SCHOOLING, m.schooling), L(SCHOOLING_STATUS, m.schoolingStatus),
          L(EMPLOYMENT_STATUS, m.employmentStatus), L(EMPLOYMENT_PLACE, m.employmentPlace), m.skills ?? ''];
      }
    } else {
      for (const r of h.income) yield [h.householdNo, r.year, r.quarter, ...INCOME_ITEMS.map((i) => fenToYuan(r.items[i.key])), ''];
    }
  }
}

const LAYOUTS = [HOUSEHOLD_LAYOUT, MEMBER_LAYOUT, INCOME_LAYOUT];

/** One .xlsx with the three sheets, streamed (the population is generated again per sheet: it is deterministic). */
export async function writePopulationXlsx(file: string, options: PopulationOptions): Promise<Record<string, number>> {
  mkdirSync(path.dirname(file), { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const counts: Record<string, number> = {};
  for (const layout of LAYOUTS) {
    const ws = wb.addWorksheet(layout.sheetName);
    ws.addRow(layout.columns.map((c) => c.header)).commit();
    let n = 0;
    for (const row of rowsOf(layout, syntheticPopulation(options))) {
      ws.addRow(row).commit();
      n++;
    }
    ws.commit();
    counts[layout.sheetName] = n;
  }
  await wb.commit();
  return counts;
}

/** Three CSV files (UTF-8) in a folder, one per sheet. */
export async function writePopulationCsv(dir: string, options: PopulationOptions): Promise<Record<string, number>> {
  mkdirSync(dir, { recursive: true });
  const counts: Record<string, number> = {};
  for (const layout of LAYOUTS) {
    const out = createWriteStream(path.join(dir, `${layout.sheetName}.csv`));
    const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
    await write(layout.columns.map((c) => c.header).join(',') + '\n');
    let n = 0;
    for (const row of rowsOf(layout, syntheticPopulation(options))) {
      await write(row.map((v) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v))).join(',') + '\n');
      n++;
    }
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    counts[layout.sheetName] = n;
  }
  return counts;
}
