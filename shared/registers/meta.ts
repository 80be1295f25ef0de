/**
 * The definition workbook is a register too: its sheets (登记表, 列, 取值集合, 取值, 规则, 指标) are described here
 * as a register definition of their own, and the engine checks their cells — blank required cells, a 类型 or 规则
 * or 计算 that does not exist (with the near miss it meant), 是/否 cells, numbers and ranges — exactly as it checks
 * a school's register. What a register cannot say about itself (a column naming a value set defined on another
 * sheet, a rule naming a column its register lacks, duplicate 代码 …) is checked by parseDefinitionWorkbook.
 */
import { validateSheet } from '../engine';
import type { CompiledRegisters, SheetInput } from '../types';
import { compileDefinition } from './compile';
import { CALCULATIONS, COLUMN_TYPES, REFERENCES, RULE_FAMILIES, type Column, type RegisterDefinition } from './schema';

const text = (name: string, required = false): Column => ({ name, aliases: [], type: '文本', required });
const choice = (name: string, valueSet: string, required = false): Column => ({ name, aliases: [], type: '取值', required, valueSet });
const number = (name: string, extra: Partial<Column> = {}): Column => ({ name, aliases: [], type: '数字', required: false, ...extra });
const set = (name: string, values: readonly string[], aliases: Record<string, string[]> = {}) => ({ name, values: values.map((value) => ({ value, aliases: aliases[value] ?? [] })) });

/** The sheets of a definition workbook as registers (codes are the sheet names' meaning, titles the sheet names). */
export const META_DEFINITION: RegisterDefinition = {
  name: '登记表定义工作簿',
  registers: [
    { code: 'registers', name: '登记表', hints: ['登记表'], columns: [text('代码', true), text('名称', true), text('识别词')] },
    {
      code: 'columns',
      name: '列',
      hints: ['列'],
      columns: [
        text('登记表', true),
        text('列名', true),
        text('别名'),
        choice('类型', '类型', true),
        choice('必填', '是否'),
        text('取值集合'),
        number('最小'),
        number('最大'),
        choice('引用', '引用'),
        text('默认值'),
        choice('空格分隔', '是否'),
        choice('限本学期', '是否'),
        { name: '列宽', aliases: [], type: '整数', required: false, min: 2, max: 120 },
        text('提示'),
      ],
    },
    { code: 'value_set_codes', name: '取值集合', hints: ['取值集合'], columns: [text('名称', true), text('代码')] },
    { code: 'values', name: '取值', hints: ['取值'], columns: [text('取值集合', true), text('规范值', true), text('别名')] },
    {
      code: 'rules',
      name: '规则',
      hints: ['规则'],
      columns: [text('登记表', true), choice('规则', '规则', true), text('字段'), text('条件字段'), text('条件取值'), text('其他字段'), text('其他取值'), text('数值'), choice('级别', '级别'), text('说明')],
    },
    {
      code: 'indicators',
      name: '指标',
      hints: ['指标'],
      columns: [
        text('登记表', true),
        text('指标', true),
        choice('计算', '计算', true),
        text('字段'),
        text('条件字段'),
        text('条件取值'),
        text('数值'),
        text('目标'),
        text('条件'),
        text('名册条件'),
        choice('排名', '是否'),
      ],
    },
  ],
  valueSets: [
    set('类型', COLUMN_TYPES),
    set('是否', ['是', '否'], { 是: ['必填', 'Y', 'YES', 'TRUE', '√'], 否: ['选填', 'N', 'NO', 'FALSE', '×'] }),
    set('引用', REFERENCES),
    set('规则', Object.keys(RULE_FAMILIES)),
    set('计算', CALCULATIONS),
    set('级别', ['错误', '警告']),
  ],
  rules: [],
  indicators: [],
};

let compiled: CompiledRegisters | null = null;

/** The cell problems the engine finds on one sheet of a definition workbook (errors only; aliases are accepted). */
export function metaFindings(sheet: SheetInput): { sheet: string; row: number; col: string; field: string; message: string }[] {
  compiled ??= compileDefinition(META_DEFINITION);
  const code = META_DEFINITION.registers.find((r) => r.name === sheet.sheet.trim())?.code;
  if (!code) return [];
  // One sheet, one register: the sheet's name says which, so detection only has to find its header row.
  const only: CompiledRegisters = { templates: { [code]: compiled.templates[code] }, valueSets: compiled.valueSets };
  const result = validateSheet(sheet, { registers: only });
  return result.findings
    .filter((f) => f.severity === 'error' && f.row > result.headerRow && !f.code.startsWith('header'))
    .map((f) => ({ sheet: sheet.sheet, row: f.row, col: f.col, field: f.field, message: f.message }));
}
