import { PassThrough } from 'node:stream';
import ExcelJS from '../../platform/excel.ts';
import { neutraliseSpreadsheetCell } from '@zengshou/core';
import type { CasesService } from './cases.service.ts';

type Notice = Awaited<ReturnType<CasesService['notices']>>;

const cell = (v: string | null | undefined) => (v ? neutraliseSpreadsheetCell(v) : '');

/**
 * The village's public notice (公示名单) as .xlsx, laid out to be printed and posted as is: a title row, the list,
 * and the objection line. It carries exactly what the print page shows — no ID, phone, bank or health details.
 */
export async function noticeWorkbook(notice: Notice, today: string) {
  const identification = notice.kind === 'identification';
  const title = `${notice.countyName ?? ''}${notice.townshipName ?? ''}${notice.villageName ?? ''}防止返贫监测对象${identification ? '识别' : '风险消除'}公示`;
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('公示名单', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [{ width: 6 }, { width: 12 }, { width: 30 }, { width: 10 }, { width: 16 }, { width: 26 }];
  const titleRow = ws.addRow([title]);
  titleRow.font = { bold: true, size: 16 };
  ws.mergeCells(1, 1, 1, 6);
  titleRow.commit();
  ws.addRow([`根据防止返贫动态监测和帮扶工作要求，经农户申请（或排查发现）、入户核实、村级民主评议，现将以下农户予以公示。`]).commit();
  ws.addRow(['序号', '户主姓名', '住址（村民小组）', '家庭人口', identification ? '拟纳入类别' : '消除方式', '公示期']).commit();
  notice.items.forEach((item, i) => {
    ws.addRow([
      i + 1, cell(item.headName), cell(item.address), item.memberCount,
      cell(identification ? item.categoryLabel : item.eliminationWayLabel),
      item.startDate ? `${item.startDate} 至 ${item.endDate}` : '',
    ]).commit();
  });
  ws.addRow([]).commit();
  ws.addRow(['公示期内如有异议，请向村民委员会或乡镇人民政府反映。监督电话：__________']).commit();
  ws.addRow([`${notice.villageName ?? ''}村民委员会`, '', '', '', '', today]).commit();
  ws.commit();
  void wb.commit().catch((error: unknown) => stream.destroy(error as Error));
  return { stream, fileName: `公示名单-${notice.villageName ?? notice.villageCode}-${today}.xlsx` };
}
