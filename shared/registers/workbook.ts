/**
 * The authoring form of a register definition: a workbook a district officer edits in Excel. This module turns the
 * rows read from its sheets (sheets.ts: layout, rows, placed problems) into a definition, or into every problem
 * found, each with sheet, row and column, in Chinese. A definition
 * with any problem is never returned: nothing of a broken definition takes effect.
 */
import { z } from 'zod';
import { foldHeader } from '../text';
import type { SheetInput } from '../types';
import {
  CALCULATIONS,
  CODE_RE,
  COLUMN_TYPES,
  parseTarget,
  REFERENCES,
  RegisterDefinitionSchema,
  RULE_FAMILIES,
  type CalculationName,
  type Column,
  type ColumnTypeName,
  type Indicator,
  type Register,
  type RegisterDefinition,
  type RuleFamilyName,
  type RuleRow,
  type ValueSetDef,
} from './schema';
import { conditionFields, parseCondition } from './condition';
import { metaFindings } from './meta';
import { LAYOUT, number, OPTIONAL_SHEETS, ordered, Problems, readSheet, splitList, yesNo, type DefinitionProblem, type LayoutSheet, type Row } from './sheets';

export { LAYOUT, splitList, type DefinitionProblem, type LayoutSheet } from './sheets';

/** Which cells each rule family needs (beyond 登记表 and 规则). */
const RULE_NEEDS: Record<RuleFamilyName, string[]> = {
  条件必填: ['字段', '条件字段', '条件取值'],
  条件禁填: ['字段', '条件字段', '条件取值'],
  先后: ['字段', '其他字段'],
  不得重复: ['字段'],
  重名需工号: ['字段', '其他字段'],
  字数核对: ['字段', '其他字段'],
  截止日期: ['字段', '其他字段'],
  月份在学期内: ['字段'],
  每学期限次: ['字段', '条件取值', '其他字段', '数值'],
  逾期: ['字段', '条件字段', '条件取值'],
  相似文本: ['字段', '其他字段'],
  同题: ['字段', '其他字段'],
};

/** Calculations that sum or test a numeric 字段. */
const NEEDS_NUMERIC_FIELD = new Set<CalculationName>(['合计', '人均合计']);
const NEEDS_FIELD = new Set<CalculationName>(['合计', '人均合计', '去重行数', '人均去重行数', '交叉表']);
/** Calculations that take several fields in 字段 (、-separated); the others take one. */
const MANY_FIELDS = new Set<CalculationName>(['去重行数', '人均去重行数', '交叉表']);

/**
 * Reads a definition workbook's grids. Returns the definition when it is sound, else every problem found (the
 * definition is then withheld, so nothing of it can take effect).
 */
export function parseDefinitionWorkbook(sheets: SheetInput[], name = '登记表定义'): { definition: RegisterDefinition | null; problems: DefinitionProblem[] } {
  const p = new Problems();
  const bySheet = new Map(sheets.map((s) => [foldHeader(s.sheet), s.grid]));
  const rows = {} as Record<LayoutSheet, Row[]>;
  for (const sheet of Object.keys(LAYOUT) as LayoutSheet[]) {
    const grid = bySheet.get(sheet);
    if (!grid) {
      if (!OPTIONAL_SHEETS.has(sheet)) p.sheet(sheet, `缺少工作表“${sheet}”（定义工作簿应有：${Object.keys(LAYOUT).filter((s) => !OPTIONAL_SHEETS.has(s as LayoutSheet)).join('、')}）`);
      rows[sheet] = [];
      continue;
    }
    rows[sheet] = readSheet(grid, sheet, p);
    // The cells are checked by the engine, as a register's are; what follows adds what crosses rows and sheets.
    p.fromEngine(metaFindings({ sheet, grid }).map((f) => ({ ...f, sheet })));
  }

  // 取值集合 and 取值.
  const setCodes = new Map<string, string>();
  for (const r of rows.取值集合) {
    const n = r.text('名称');
    if (!n) p.at(r, '名称', '取值集合的名称不能为空');
    else if (r.text('代码') && !/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(r.text('代码'))) p.at(r, '代码', `代码“${r.text('代码')}”只能由英文字母、数字和下划线组成，并以字母开头`);
    else if (r.text('代码')) setCodes.set(n, r.text('代码'));
  }
  const sets = new Map<string, ValueSetDef>();
  const setSeen = new Map<string, Map<string, number>>(); // set → value or alias → row
  for (const r of rows.取值) {
    const set = r.text('取值集合');
    const value = r.text('规范值');
    if (!set) p.at(r, '取值集合', '取值集合不能为空');
    if (!value) p.at(r, '规范值', '规范值不能为空');
    if (!set || !value) continue;
    const seen = setSeen.get(set) ?? new Map<string, number>();
    setSeen.set(set, seen);
    const def = sets.get(set) ?? { name: set, values: [], ...(setCodes.has(set) ? { code: setCodes.get(set) } : {}) };
    sets.set(set, def);
    if (seen.has(value)) {
      p.at(r, '规范值', `取值集合“${set}”中“${value}”重复（另见第 ${seen.get(value)} 行）`);
      continue;
    }
    seen.set(value, r.row);
    const aliases = splitList(r.text('别名'));
    for (const a of aliases) {
      if (seen.has(a)) p.at(r, '别名', `别名“${a}”在取值集合“${set}”中已用于第 ${seen.get(a)} 行，一个写法只能对应一个规范值`);
      else seen.set(a, r.row);
    }
    def.values.push({ value, aliases });
  }
  for (const [n] of setCodes) if (!sets.has(n)) p.sheet('取值集合', `取值集合“${n}”没有任何取值（在“取值”工作表中补上）`);

  // 登记表.
  const registers = new Map<string, Register & { row: Row }>();
  for (const r of rows.登记表) {
    const code = r.text('代码');
    const title = r.text('名称');
    if (!code) p.at(r, '代码', '代码不能为空');
    else if (!CODE_RE.test(code)) p.at(r, '代码', `代码“${code}”应由小写英文字母、数字和下划线组成，并以字母开头（如 papers、lesson_visits）`);
    else if (registers.has(code)) p.at(r, '代码', `代码“${code}”重复（另见第 ${registers.get(code)!.row.row} 行）`);
    if (!title) p.at(r, '名称', '名称不能为空');
    if (code && CODE_RE.test(code) && !registers.has(code)) registers.set(code, { code, name: title || code, hints: splitList(r.text('识别词')), columns: [], row: r });
  }
  if (rows.登记表.length === 0 && bySheet.has('登记表')) p.sheet('登记表', '至少要定义一张登记表');
  const titles = new Map<string, number>();
  for (const reg of registers.values()) {
    if (titles.has(reg.name)) p.at(reg.row, '名称', `名称“${reg.name}”重复（另见第 ${titles.get(reg.name)} 行）`);
    titles.set(reg.name, reg.row.row);
  }

  // 列.
  const colSeen = new Map<string, Map<string, number>>();
  for (const r of rows.列) {
    const code = r.text('登记表');
    const reg = registers.get(code);
    if (!code) p.at(r, '登记表', '登记表（代码）不能为空');
    else if (!reg) p.at(r, '登记表', `没有代码为“${code}”的登记表（先在“登记表”工作表中定义）`);
    const name = r.text('列名');
    if (!name) p.at(r, '列名', '列名不能为空');
    const type = r.text('类型') as ColumnTypeName;
    if (!(COLUMN_TYPES as readonly string[]).includes(type)) p.at(r, '类型', `类型“${r.text('类型')}”不存在，应为：${COLUMN_TYPES.join('、')}`);
    const required = yesNo(r, '必填', p);
    const set = r.text('取值集合');
    if (type === '取值' && !set) p.at(r, '取值集合', '类型为“取值”的列须指定取值集合');
    if (set && !sets.has(set)) p.at(r, '取值集合', `取值集合“${set}”不存在（在“取值”工作表中定义它的取值）`);
    if (set && type !== '取值' && (COLUMN_TYPES as readonly string[]).includes(type)) p.at(r, '取值集合', `只有类型为“取值”的列才能指定取值集合（此列类型为“${type}”）`);
    const min = number(r, '最小', p);
    const max = number(r, '最大', p);
    if (min !== undefined && max !== undefined && min > max) p.at(r, '最小', `最小（${min}）大于最大（${max}）`);
    if ((min !== undefined || max !== undefined) && !['数字', '整数'].includes(type) && (COLUMN_TYPES as readonly string[]).includes(type)) p.at(r, min !== undefined ? '最小' : '最大', `只有“数字”“整数”列才能设最小、最大（此列类型为“${type}”）`);
    const ref = r.text('引用');
    if (ref && !(REFERENCES as readonly string[]).includes(ref)) p.at(r, '引用', `引用“${ref}”不存在，应为：${REFERENCES.join('、')}，或留空`);
    if (ref && !['姓名', '多个姓名', '文本'].includes(type) && (COLUMN_TYPES as readonly string[]).includes(type)) p.at(r, '引用', `“${type}”列不能引用${ref}`);
    const dflt = r.text('默认值');
    if (dflt && set && sets.has(set) && !sets.get(set)!.values.some((v) => v.value === dflt)) p.at(r, '默认值', `默认值“${dflt}”不是取值集合“${set}”中的规范值`);
    const space = r.text('空格分隔') ? yesNo(r, '空格分隔', p) : undefined;
    const inTerm = r.text('限本学期') ? yesNo(r, '限本学期', p) : undefined;
    const width = number(r, '列宽', p);
    if (width !== undefined && !(Number.isInteger(width) && width >= 2 && width <= 120)) p.at(r, '列宽', '列宽应为 2–120 的整数');
    if (!reg || !name) continue;
    const seen = colSeen.get(code) ?? new Map<string, number>();
    colSeen.set(code, seen);
    if (seen.has(name)) {
      p.at(r, '列名', `登记表“${code}”中列名“${name}”重复或已是另一列的别名（另见第 ${seen.get(name)} 行）`);
      continue;
    }
    seen.set(name, r.row);
    const aliases = splitList(r.text('别名'));
    for (const a of aliases) {
      if (seen.has(a) && seen.get(a) !== r.row) p.at(r, '别名', `别名“${a}”已用于登记表“${code}”第 ${seen.get(a)} 行的列，同一张表中一个表头只能对应一列`);
      else seen.set(a, r.row);
    }
    const col: Column = { name, aliases, type, required: required ?? false };
    if (set) col.valueSet = set;
    if (min !== undefined) col.min = min;
    if (max !== undefined) col.max = max;
    if (ref) col.ref = ref as Column['ref'];
    if (dflt) col.default = dflt;
    if (space !== undefined && type === '多个姓名') col.spaceSeparates = space;
    if (inTerm) col.inTerm = true;
    if (width !== undefined) col.width = width;
    if (r.text('提示')) col.hint = r.text('提示');
    reg.columns.push(col);
  }
  for (const reg of registers.values()) if (reg.columns.length === 0) p.at(reg.row, '代码', `登记表“${reg.code}”没有任何列（在“列”工作表中添加）`);

  const columnOf = (code: string, name: string) => registers.get(code)?.columns.find((c) => c.name === name);
  const needColumn = (r: Row, h: string, code: string, name: string) => {
    if (name && registers.has(code) && !columnOf(code, name)) p.at(r, h, `登记表“${code}”没有列“${name}”`);
  };
  const needValues = (r: Row, h: string, code: string, field: string, values: string[]) => {
    const c = columnOf(code, field);
    const set = c?.valueSet ? sets.get(c.valueSet) : undefined;
    if (!set) return;
    for (const v of values) if (!set.values.some((x) => x.value === v)) p.at(r, h, `“${v}”不是列“${field}”的取值（${set.values.map((x) => x.value).join('、')}）`);
  };

  // 规则.
  const rules: RuleRow[] = [];
  for (const r of rows.规则) {
    const code = r.text('登记表');
    if (!registers.has(code)) p.at(r, '登记表', code ? `没有代码为“${code}”的登记表` : '登记表（代码）不能为空');
    const family = r.text('规则') as RuleFamilyName;
    if (!(family in RULE_FAMILIES)) {
      p.at(r, '规则', `规则“${r.text('规则')}”不存在，应为：${Object.keys(RULE_FAMILIES).join('、')}`);
      continue;
    }
    for (const need of RULE_NEEDS[family]) if (!r.text(need)) p.at(r, need, `规则“${family}”须填写“${need}”`);
    const fields = splitList(r.text('字段'));
    for (const f of fields) needColumn(r, '字段', code, f);
    needColumn(r, '条件字段', code, r.text('条件字段'));
    needColumn(r, '其他字段', code, r.text('其他字段'));
    const condValues = splitList(r.text('条件取值'));
    const otherValues = splitList(r.text('其他取值'));
    if (r.text('条件字段')) needValues(r, '条件取值', code, r.text('条件字段'), condValues);
    else if (family === '每学期限次' && fields[0]) needValues(r, '条件取值', code, fields[0], condValues);
    if (r.text('其他字段')) needValues(r, '其他取值', code, r.text('其他字段'), otherValues);
    const value = number(r, '数值', p);
    const severity = r.text('级别');
    if (severity && severity !== '错误' && severity !== '警告') p.at(r, '级别', `级别“${severity}”应为“错误”或“警告”`);
    const row: RuleRow = { register: code, rule: family, fields, condValues, otherValues };
    if (r.text('条件字段')) row.condField = r.text('条件字段');
    if (r.text('其他字段')) row.other = r.text('其他字段');
    if (value !== undefined) row.value = value;
    if (severity === '错误' || severity === '警告') row.severity = severity;
    if (r.text('说明')) row.note = r.text('说明');
    rules.push(row);
  }

  // 指标.
  /** A 条件 cell: read, every clause's column present in the register; the text when sound. */
  const checkCondition = (r: Row, header: string, register: string): string | undefined => {
    const t = r.text(header);
    if (!t) return undefined;
    const { condition, problems } = parseCondition(t);
    for (const m of problems) p.at(r, header, `${header}：${m}`);
    if (!condition) return undefined;
    for (const f of conditionFields(condition)) needColumn(r, header, register, f);
    return t;
  };
  const indicators: Indicator[] = [];
  for (const r of rows.指标) {
    const code = r.text('登记表');
    if (!registers.has(code)) p.at(r, '登记表', code ? `没有代码为“${code}”的登记表` : '登记表（代码）不能为空');
    const title = r.text('指标');
    if (!title) p.at(r, '指标', '指标名称不能为空');
    const calc = r.text('计算') as CalculationName;
    if (!(CALCULATIONS as readonly string[]).includes(calc)) p.at(r, '计算', `计算“${r.text('计算')}”不存在，应为：${CALCULATIONS.join('、')}`);
    const field = r.text('字段');
    const fields = MANY_FIELDS.has(calc) ? splitList(field) : field ? [field] : [];
    for (const f of fields) needColumn(r, '字段', code, f);
    if (NEEDS_FIELD.has(calc) && !field) p.at(r, '字段', `计算“${calc}”须填写“字段”`);
    if (calc === '交叉表' && fields.length !== 2) p.at(r, '字段', '交叉表的“字段”须写两列，用“、”分隔（如 级别、阶段：前者为行，后者为列）');
    const fc = fields.length === 1 ? columnOf(code, fields[0]) : undefined;
    if (fc && NEEDS_NUMERIC_FIELD.has(calc) && fc.type !== '数字' && fc.type !== '整数') p.at(r, '字段', `计算“${calc}”的字段须是数字或整数列，“${field}”是${fc.type}列`);
    needColumn(r, '条件字段', code, r.text('条件字段'));
    const condValues = splitList(r.text('条件取值'));
    if (r.text('条件字段')) needValues(r, '条件取值', code, r.text('条件字段'), condValues);
    else if (condValues.length) p.at(r, '条件取值', '填写了条件取值，却没有填写条件字段');
    const value = number(r, '数值', p);
    if ((calc === '达标人数' || calc === '达标率') && value === undefined) p.at(r, '数值', `计算“${calc}”须在“数值”中写明达标的数量（如 10）`);
    const target = r.text('目标');
    if (target && !parseTarget(target)) p.at(r, '目标', `目标“${target}”无法识别，应写成如 ≥ 1、= 100%、> 0.5`);
    const condition = checkCondition(r, '条件', code);
    const rosterCondition = checkCondition(r, '名册条件', 'roster');
    const rank = r.text('排名');
    if (rank && rank !== '是' && rank !== '否') p.at(r, '排名', `排名“${rank}”应为“是”或“否”`);
    const ind: Indicator = { register: code, name: title, calc, condValues };
    if (field) ind.field = fields.join('、');
    if (condition) ind.condition = condition;
    if (rosterCondition) ind.rosterCondition = rosterCondition;
    if (rank === '是') ind.rank = true;
    if (r.text('条件字段')) ind.condField = r.text('条件字段');
    if (value !== undefined) ind.value = value;
    if (target) ind.target = target;
    indicators.push(ind);
  }

  if (p.list.length) return { definition: null, problems: ordered(p.list) };
  const candidate = {
    name,
    registers: [...registers.values()].map(({ row: _row, ...reg }) => reg),
    valueSets: [...sets.values()],
    rules,
    indicators,
  };
  const parsed = RegisterDefinitionSchema.safeParse(candidate, { error: z.locales.zhCN().localeError });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) p.sheet(String(issue.path[0] ?? ''), `定义不完整：${issue.path.join('.')} ${issue.message}`);
    return { definition: null, problems: p.list };
  }
  return { definition: parsed.data, problems: [] };
}
