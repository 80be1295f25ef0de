/**
 * Writes a register definition as the workbook a district officer edits (layout in shared/registers/workbook.ts):
 * one sheet per part, frozen bold headers, Chinese widths, dropdowns for the closed choices, every cell written as
 * text (a list such as `= 100%` must never become a formula), and a 说明 sheet explaining each rule and calculation.
 */
import ExcelJS from 'exceljs';
import { CALCULATIONS, COLUMN_TYPES, REFERENCES, RULE_FAMILIES, type RegisterDefinition } from '../../shared/registers/schema';
import { LAYOUT, type LayoutSheet } from '../../shared/registers/workbook';

type WithValidations = { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } };

const WIDTHS: Record<string, number> = { 条件: 48, 名册条件: 20, 排名: 6, 代码: 16, 名称: 20, 识别词: 30, 登记表: 14, 列名: 16, 别名: 36, 类型: 10, 取值集合: 12, 规范值: 16, 规则: 14, 字段: 20, 条件字段: 12, 条件取值: 24, 其他字段: 12, 其他取值: 16, 说明: 36, 指标: 22, 计算: 10, 目标: 10, 提示: 30 };

/** Dropdowns for the closed choices of some headers (Excel caps a list at 255 characters). */
const CHOICES: Record<string, readonly string[]> = {
  类型: COLUMN_TYPES,
  必填: ['是', '否'],
  引用: REFERENCES,
  空格分隔: ['是', '否'],
  限本学期: ['是', '否'],
  规则: Object.keys(RULE_FAMILIES),
  级别: ['错误', '警告'],
  计算: CALCULATIONS,
};

const list = (xs: readonly string[] | undefined) => (xs ?? []).join('、');
const num = (n: number | undefined) => (n === undefined ? '' : String(n));
const yn = (b: boolean | undefined) => (b === undefined ? '' : b ? '是' : '否');

function rowsOf(def: RegisterDefinition): Record<LayoutSheet, string[][]> {
  return {
    登记表: def.registers.map((r) => [r.code, r.name, list(r.hints)]),
    列: def.registers.flatMap((r) =>
      r.columns.map((c) => [r.code, c.name, list(c.aliases), c.type, c.required ? '是' : '否', c.valueSet ?? '', num(c.min), num(c.max), c.ref ?? '', c.default ?? '', yn(c.spaceSeparates), c.inTerm ? '是' : '', num(c.width), c.hint ?? '']),
    ),
    取值集合: def.valueSets.filter((v) => v.code !== undefined).map((v) => [v.name, v.code!]),
    取值: def.valueSets.flatMap((v) => v.values.map((x) => [v.name, x.value, list(x.aliases)])),
    规则: def.rules.map((r) => [r.register, r.rule, list(r.fields), r.condField ?? '', list(r.condValues), r.other ?? '', list(r.otherValues), num(r.value), r.severity ?? '', r.note ?? '']),
    指标: def.indicators.map((i) => [i.register, i.name, i.calc, i.field ?? '', i.condField ?? '', list(i.condValues), num(i.value), i.target ?? '', i.condition ?? '', i.rosterCondition ?? '', i.rank ? '是' : '']),
  };
}

const GUIDE: string[][] = [
  ['工作表', '填写什么'],
  ['登记表', '每张登记表一行：代码（英文小写，如 papers、lesson_visits，定下后不要再改）、名称（中文标题）、识别词（用“、”分隔，出现在工作表名或标题行里时帮助识别）。'],
  ['列', '每列一行：登记表（代码）、列名、别名（“、”分隔）、类型（文本、长文本、姓名、多个姓名、日期、月份、数字、整数、取值、刊号）、必填（是/否）、取值集合（类型为“取值”时必填）、最小、最大（数字、整数列）、引用（名册 或 课题）。'],
  ['取值集合', '（可选）给取值集合一个固定的英文代码，已上报的数据用它保存。'],
  ['取值', '每个规范值一行：取值集合、规范值、别名（“、”分隔）。别名会被报告为可一键修正的问题。'],
  ['规则', '每条规则一行，“规则”一列写规则名，其余各列是它的参数：'],
  ['条件必填', '当“条件字段”的值属于“条件取值”时，“字段”（可多个）必须填写；若写了“其他字段”，它的值还须属于“其他取值”。'],
  ['条件禁填', '除非“条件字段”的值属于“条件取值”，否则“字段”必须留空。'],
  ['先后', '“字段”的日期不得晚于“其他字段”的日期。'],
  ['不得重复', '“字段”（可多个）的组合只能出现一次，在“其他字段”一列报告；“级别”写错误或警告。'],
  ['重名需工号', '“字段”（姓名）相同的两行，“其他字段”（工号）必须填写且不同。'],
  ['字数核对', '“字段”（字数）与“其他字段”（正文）实际字数相差超过“数值”（如 0.1 即 10%）时警告。'],
  ['截止日期', '“其他字段”（提交日期）晚于“字段”（月份）的截止日期时报告迟交。'],
  ['月份在学期内', '“字段”（月份）必须在本学期内。'],
  ['每学期限次', '同一“其他字段”（教师）每学期“字段”属于“条件取值”的行最多“数值”行。'],
  ['逾期', '“字段”（计划日期）已过而“条件字段”（阶段）不属于“条件取值”（已完成的阶段）时警告。'],
  ['相似文本', '“字段”（题目、正文）与其他教师（“其他字段”）的相近，在本校和全区都检查，警告。'],
  ['同题', '同一“字段”（题目）出现在不同的“其他字段”（教师）下，全区检查，警告。'],
  ['指标', '每个指标一行：登记表、指标（汇总中显示的名称）、计算、字段、条件字段、条件取值（只计符合条件的行）、数值、目标（如 ≥ 1、= 100%）、条件、名册条件、排名（是：各校按此指标排名）。'],
  ['行数 / 合计', '行数：符合条件的行数；合计：“字段”之和。'],
  ['人均行数 / 人均合计 / 人均去重行数', '除以在岗教师数（写了“名册条件”时，除以符合名册条件的在岗教师数）。'],
  ['达标人数 / 达标率', '在岗教师中，本人的行数（或“字段”之和）达到“数值”的人数；达标率再除以在岗教师数。行属于该表第一个引用名册的姓名列中的教师。'],
  ['去重行数', '“字段”（可多个，“、”分隔）的组合不同的行数；多个姓名的列按第一人计（如 教师、题目：同一作者同一题目只计一次）。'],
  ['应交月数 / 实交月数', '按月的登记表：在岗教师数 × 截止日期已过的月份数；实交为有登记的（教师、月份）数，一人一月只计一次。'],
  ['完成率 / 按时率 / 按月占比', '完成率＝实交月数 ÷ 应交月数；按时率＝截止日期前交的（教师、月份）÷ 实交月数；按月占比＝有符合条件之行的（教师、月份）÷ 实交月数（如 评价 = 优秀 的优秀率）。'],
  ['参与人数 / 参与率', '在岗教师（或符合名册条件者）中，在本表出现过的人数；参与率再除以他们的人数。'],
  ['交叉表', '“字段”写两列（如 级别、阶段），按两列取值计行数，在区级汇总中列成表。'],
  ['条件', '一个格里写完整的条件，如：状态 = 已发表 或 状态 = 获奖 且 级别 ∈ 国家级、省级 ；可用 =、≠、∈、∉、≥、>、≤、<、为空、不为空，“且”先于“或”；比较可用数字、日期（2025-09-01、统计日、学期初、学期末）或年龄（出生年月 ≤ 40岁，按学期初计）。'],
  ['名册条件', '写在名册的列上，只计符合的在岗教师，如 出生年月 ≤ 40岁。'],
];

/** The definition as an .xlsx workbook. */
export async function writeDefinitionWorkbook(def: RegisterDefinition): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.title = def.name;
  const rows = rowsOf(def);
  for (const sheet of Object.keys(LAYOUT) as LayoutSheet[]) {
    const headers = LAYOUT[sheet];
    const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = headers.map((h) => ({ header: h, key: h, width: WIDTHS[h] ?? 12, style: { numFmt: '@' } }));
    const head = ws.getRow(1);
    head.font = { bold: true, name: '微软雅黑' };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    for (const r of rows[sheet]) ws.addRow(r.map((v) => (v === '' ? null : v)));
    headers.forEach((h, i) => {
      const choices = CHOICES[h];
      if (!choices || (sheet === '指标' && h === '级别')) return;
      const letter = ws.getColumn(i + 1).letter;
      (ws as unknown as WithValidations).dataValidations.add(`${letter}2:${letter}2000`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${choices.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '请从列表中选择',
        error: `可选：${choices.join('、')}`,
      });
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  }
  const guide = wb.addWorksheet('说明');
  guide.columns = [{ width: 22 }, { width: 100 }];
  for (const r of GUIDE) guide.addRow(r).alignment = { wrapText: true, vertical: 'top' };
  guide.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
