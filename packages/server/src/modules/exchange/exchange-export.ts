import { PassThrough } from 'node:stream';
import ExcelJS from '../../platform/excel.ts';
import {
  ASSISTANCE_STATUS, CASE_SHEET, EMPLOYMENT_PLACE, EMPLOYMENT_STATUS, EXCHANGE_FORMAT_NAME, EXCHANGE_FORMAT_VERSION, EXCHANGE_INFO_KEYS,
  EXCHANGE_INFO_SHEET, HEALTH, HOUSEHOLD_SHEET, HOUSEHOLD_TYPE, INCOME_ITEMS, INCOME_SHEET, LABOUR_CAPACITY, MEMBER_SHEET,
  MONITORING_CATEGORY, RELATION, SCHOOLING, SCHOOLING_STATUS, SEX, caseDataCells, caseRowFromState, enumCell, maskIdNumber, maskPhone,
  textCell, yesNoCell, yuanCell, type ExchangeSheet, type RegistryEnum,
} from '@zengshou/core';
import type { Actor, AppDeps } from '../../platform/http/context.ts';
import { regionWithinScope } from '../registry/registry.service.ts';
import * as repo from './exchange.repository.ts';

type Cells = Record<string, string | number>;

/** A row in the sheet's column order: data columns by key, derived ones by header. */
function ordered(sheet: ExchangeSheet, cells: Cells): (string | number)[] {
  return sheet.columns.map((c) => cells[c.key ?? c.header] ?? '');
}

const label = <C extends string | number>(def: RegistryEnum<C>, code: unknown) => enumCell(def, (code ?? null) as C | null);

function regionCells(h: repo.ExchangeHouseholdRow): Cells {
  return {
    县级区划代码: h.village_code.slice(0, 6), '县（市、区）': textCell(h.county_name), 乡级区划代码: h.village_code.slice(0, 9),
    '乡（镇）': textCell(h.township_name), villageCode: h.village_code, 行政村: textCell(h.village_name), householdNo: textCell(h.household_no),
    户主姓名: textCell(h.head_name),
  };
}

/**
 * The national-format exchange file for a region, streamed sheet by sheet and page by page (2,000 households a
 * page), so a county of 50,000 households never sits in memory. ID numbers and phones are written in full only for
 * a caller holding `personal:unmask`, because the file exists to be imported again and a masked ID cannot be; for
 * everyone else they are masked, the 说明 sheet says so, and the import refuses such a file. Audited before the
 * first byte leaves.
 */
export async function exportNational(deps: AppDeps, actor: Actor, ip: string, regionParam: string | undefined) {
  const region = regionWithinScope(actor, regionParam);
  const unmasked = actor.permissions.has('personal:unmask');
  await deps.audit.appendStandalone({
    action: 'export', outcome: 'success', actor, ip, regionCode: region, entity: 'national_exchange',
    detail: { region, unmasked, format: 'xlsx', layout: `national-v${EXCHANGE_FORMAT_VERSION}` },
  });
  const id = (v: string | null) => (v ? (unmasked ? v : maskIdNumber(v)) : '');
  const phone = (v: string | null) => (v ? (unmasked ? v : maskPhone(v)) : '');

  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const info = wb.addWorksheet(EXCHANGE_INFO_SHEET);
  info.columns = [{ width: 18 }, { width: 48 }];
  for (const row of [
    [EXCHANGE_INFO_KEYS.format, EXCHANGE_FORMAT_NAME], [EXCHANGE_INFO_KEYS.version, EXCHANGE_FORMAT_VERSION],
    [EXCHANGE_INFO_KEYS.region, region], [EXCHANGE_INFO_KEYS.masked, yesNoCell(!unmasked)],
  ]) info.addRow(row).commit();
  info.commit();

  // Each sheet is added only when the previous one is committed: the streaming writer then holds one sheet at a time.
  const write = async (sheet: ExchangeSheet, rowsOf: (page: repo.ExchangeHouseholdRow[]) => Promise<(string | number)[][]>) => {
    const ws = wb.addWorksheet(sheet.name);
    ws.columns = sheet.columns.map((c) => ({ width: c.width ?? 14 }));
    ws.addRow(sheet.columns.map((c) => c.header)).commit();
    for await (const page of repo.iterateExchangeHouseholds(deps.db.orm, region)) {
      for (const row of await rowsOf(page)) ws.addRow(row).commit();
    }
    ws.commit();
  };

  void (async () => {
    try {
      await write(HOUSEHOLD_SHEET, async (page) => page.map((h) => ordered(HOUSEHOLD_SHEET, {
        ...regionCells(h), 户主身份证号: id(h.head_id_number), 家庭人口数: h.member_count,
        householdType: label(HOUSEHOLD_TYPE, h.household_type), assistanceStatus: label(ASSISTANCE_STATUS, h.assistance_status),
        监测对象类别: label(MONITORING_CATEGORY, h.monitoring_category), address: textCell(h.address), phone: phone(h.phone),
        relocated: yesNoCell(h.relocated), unsafeHousing: yesNoCell(h.unsafe_housing), unsafeWater: yesNoCell(h.unsafe_water),
        schoolDropout: yesNoCell(h.school_dropout), uninsuredMember: yesNoCell(h.uninsured_member),
      })));
      await write(MEMBER_SHEET, async (page) => {
        const byId = new Map(page.map((h) => [h.id, h]));
        return (await repo.membersOf(deps.db.orm, page)).map((m) => ordered(MEMBER_SHEET, {
          ...regionCells(byId.get(m.household_id)!), name: textCell(m.name), idNumber: id(m.id_number), sex: label(SEX, m.sex),
          出生日期: m.birth_date, relation: label(RELATION, m.relation), labourCapacity: label(LABOUR_CAPACITY, m.labour_capacity),
          health: label(HEALTH, m.health), disabilityGrade: m.disability_grade ?? '', schooling: label(SCHOOLING, m.schooling),
          schoolingStatus: label(SCHOOLING_STATUS, m.schooling_status), employmentStatus: label(EMPLOYMENT_STATUS, m.employment_status),
          employmentPlace: label(EMPLOYMENT_PLACE, m.employment_place), skills: textCell(m.skills),
        }));
      });
      await write(INCOME_SHEET, async (page) => {
        const byId = new Map(page.map((h) => [h.id, h]));
        return (await repo.incomeOf(deps.db.orm, page)).map((r) => {
          const cells: Cells = {
            ...regionCells(byId.get(r.household_id)!), year: r.year, quarter: r.quarter, 计算人口数: r.household_size,
            '工资性收入（元）': yuanCell(r.wage_total), '生产经营性收入（元）': yuanCell(r.business_total),
            '财产性收入（元）': yuanCell(r.property_total), '转移性收入（元）': yuanCell(r.transfer_total),
            '生产经营性支出（元）': yuanCell(r.cost_total), '家庭纯收入（元）': yuanCell(r.net_income),
            '人均纯收入（元）': yuanCell(r.per_capita_net), remark: textCell(r.remark),
          };
          for (const item of INCOME_ITEMS) cells[item.key] = yuanCell(r[item.column] as number);
          return ordered(INCOME_SHEET, cells);
        });
      });
      await write(CASE_SHEET, async (page) => {
        const byId = new Map(page.map((h) => [h.id, h]));
        return (await repo.casesOf(deps.db.orm, page)).flatMap((c) => {
          const shown = caseRowFromState(c.state);
          const h = byId.get(c.household_id)!;
          return shown ? [ordered(CASE_SHEET, { ...regionCells(h), 户主身份证号: id(h.head_id_number), ...caseDataCells(shown) })] : [];
        });
      });
      await wb.commit();
    } catch (error) {
      stream.destroy(error as Error);
    }
  })();
  return { stream, fileName: `国家系统格式交换-${region}-${deps.clock.now().toISOString().slice(0, 10)}.xlsx` };
}
