import ExcelJS, { type Workbook } from '../../platform/excel.ts';
import { LAYOUTS, type SheetLayout } from './layouts.ts';

/** The import template: one sheet per kind with Chinese headers and drop-downs, and an instructions sheet. */
export async function buildImportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '增收平台';
  const guide = wb.addWorksheet('填写说明');
  guide.columns = [{ width: 16 }, { width: 26 }, { width: 8 }, { width: 48 }, { width: 22 }];
  guide.addRow(['防止返贫监测 农户信息导入模板']).font = { bold: true, size: 14 };
  guide.addRow(['1. 一个文件可包含“户信息”“成员信息”“收入信息”三张表中的任意几张，表头名称不能修改，列的顺序可以调整。']);
  guide.addRow(['2. 身份证号一列必须是“文本”格式。若 Excel 把身份证号显示成 5.33423E+17，说明已丢失后几位，系统会拒收该行，请改为文本后重新填写。']);
  guide.addRow(['3. 收入按“当年截至该季度末的累计数”填写，单位为元，最多两位小数；第 4 季度即全年收入。']);
  guide.addRow(['4. 可先“试导入”查看结果；同一文件重复导入不会重复写入。出错的行可下载错误报告，修改后重新导入。']);
  guide.addRow([]);
  guide.addRow(['工作表', '列名', '必填', '说明', '示例']).font = { bold: true };
  for (const layout of LAYOUTS) {
    for (const col of layout.columns) {
      guide.addRow([layout.sheetName, col.header, col.required ? '是' : '', [col.note, col.choices ? `可选：${col.choices.join('、')}` : ''].filter(Boolean).join('；'), col.example]);
    }
  }
  for (const layout of LAYOUTS) addDataSheet(wb, layout);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addDataSheet(wb: Workbook, layout: SheetLayout) {
  const ws = wb.addWorksheet(layout.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = layout.columns.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: Math.max(12, c.header.length * 2 + 4),
    // Text format so Excel keeps every digit of ID numbers, codes and household numbers.
    style: ['idNumber', 'villageCode', 'householdNo', 'phone'].includes(c.key) ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  layout.columns.forEach((c, i) => {
    if (!c.choices) return;
    const letter = ws.getColumn(i + 1).letter;
    for (let r = 2; r <= 1000; r++) {
      ws.getCell(`${letter}${r}`).dataValidation = {
        type: 'list', allowBlank: !c.required, formulae: [`"${c.choices.join(',')}"`],
        showErrorMessage: true, errorTitle: '输入有误', error: `请从下拉列表中选择：${c.choices.join('、')}`,
      };
    }
  });
}
