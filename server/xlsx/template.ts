/** Blank, structured workbooks from the templates: headers, widths, formats and dropdown lists for every value set. */
import ExcelJS from 'exceljs';
import { allowedValues, KINDS, TEMPLATES, type ColumnDef, type Template } from '../../shared';
import type { CompiledRegisters } from '../../shared/types';

export { parseKind } from '../../shared';

/** Rows below the header that get formats and dropdowns. */
const TEMPLATE_ROWS = 1000;

/** exceljs implements worksheet data validations but its typings omit them. */
type WithValidations = { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } };

const NUM_FMT: Partial<Record<ColumnDef['type'], string>> = {
  date: 'yyyy-mm-dd',
  month: 'yyyy-mm',
  text: '@',
  name: '@',
  names: '@',
  journal: '@',
  longtext: '@',
  number: '0.##',
  integer: '0',
};

/** Adds one register's sheet to a workbook (the built-in registers, or a district's with `registers`). */
export function addTemplateSheet(wb: ExcelJS.Workbook, kind: string, registers?: CompiledRegisters): ExcelJS.Worksheet {
  const t = (registers?.templates ?? (TEMPLATES as Record<string, Template>))[kind];
  const ws = wb.addWorksheet(t.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.columns.map((c) => ({ header: c.required ? `${c.name}*` : c.name, key: c.name, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true, name: '微软雅黑' };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.height = 22;
  t.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFDDEBF7' } };
    const letter = ws.getColumn(i + 1).letter;
    const fmt = NUM_FMT[c.type];
    if (fmt) ws.getColumn(i + 1).numFmt = fmt;
    header.getCell(i + 1).numFmt = 'General';
    const range = `${letter}2:${letter}${TEMPLATE_ROWS + 1}`;
    const values = allowedValues(c, registers?.valueSets);
    if (values.length) {
      (ws as unknown as WithValidations).dataValidations.add(range, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`"${values.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '不在可选范围内',
        error: `请从下拉列表中选择：${values.join('、')}`,
        showInputMessage: !!c.hint,
        promptTitle: c.name,
        prompt: c.hint ?? '',
      });
    } else if (c.type === 'date') {
      (ws as unknown as WithValidations).dataValidations.add(range, {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: !c.required,
        formulae: [new Date(Date.UTC(2000, 0, 1))],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '日期格式',
        error: '请填写日期，如 2025-03-14',
      });
    } else if ((c.type === 'number' || c.type === 'integer') && c.min !== undefined && c.max !== undefined) {
      (ws as unknown as WithValidations).dataValidations.add(range, {
        type: c.type === 'integer' ? 'whole' : 'decimal',
        operator: 'between',
        allowBlank: !c.required,
        formulae: [c.min, c.max],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '数值范围',
        error: `请填写 ${c.min} 到 ${c.max} 之间的${c.type === 'integer' ? '整数' : '数字'}`,
      });
    }
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
  return ws;
}

/** A workbook holding the templates of the given registers (every register when `kind` is 'all'). */
export function templateWorkbook(kind: string, registers?: CompiledRegisters): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '研表 Yanbiao';
  const all: readonly string[] = registers ? Object.keys(registers.templates) : KINDS;
  for (const k of kind === 'all' ? all : [kind]) addTemplateSheet(wb, k, registers);
  return wb;
}
