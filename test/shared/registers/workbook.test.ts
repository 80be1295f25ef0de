/**
 * The definition workbook: the built-in definition exported, re-imported and exported again gives the same
 * definition; a second district's workbook is sound; a broken one has every problem reported at its sheet, row and
 * column, and no definition comes back.
 */
import { BUILTIN_DEFINITION } from '../../../shared/registers/builtin';
import { compileDefinition } from '../../../shared/registers/compile';
import { parseDefinitionWorkbook } from '../../../shared/registers/workbook';
import type { SheetInput } from '../../../shared';
import { writeDefinitionWorkbook } from '../../../server/registers/workbook';
import { readWorkbook } from '../../../server/xlsx/read';
import { districtBDefinition } from '../../fixtures/registers/district-b';

async function roundTrip(sheets: SheetInput[] | Buffer) {
  const read = Buffer.isBuffer(sheets) ? await readWorkbook(sheets, '定义.xlsx') : sheets;
  return parseDefinitionWorkbook(read, '定义');
}

describe('definition workbook', () => {
  test('export → import → export gives the same definition (the built-in one)', async () => {
    const first = await roundTrip(await writeDefinitionWorkbook(BUILTIN_DEFINITION));
    expect(first.problems).toEqual([]);
    expect({ ...first.definition!, name: BUILTIN_DEFINITION.name }).toEqual(BUILTIN_DEFINITION);
    const second = await roundTrip(await writeDefinitionWorkbook(first.definition!));
    expect(second.definition).toEqual(first.definition);
  });

  test("export → import → export gives the same definition (a second district's, with its 条件 and new register)", async () => {
    const b = parseDefinitionWorkbook(districtBDefinition(), '乙区').definition!;
    const first = await roundTrip(await writeDefinitionWorkbook(b));
    expect(first.problems).toEqual([]);
    expect({ ...first.definition!, name: b.name }).toEqual(b);
    expect((await roundTrip(await writeDefinitionWorkbook(first.definition!))).definition).toEqual(first.definition);
  });

  test('the exported workbook has the sheets and headers the issue names, and a guide', async () => {
    const sheets = await readWorkbook(await writeDefinitionWorkbook(BUILTIN_DEFINITION), '定义.xlsx');
    expect(sheets.map((s) => s.sheet)).toEqual(['登记表', '列', '取值集合', '取值', '规则', '指标', '说明']);
    expect(sheets[0].grid[0]).toEqual(['代码', '名称', '识别词']);
    expect(sheets[1].grid[0].slice(0, 9)).toEqual(['登记表', '列名', '别名', '类型', '必填', '取值集合', '最小', '最大', '引用']);
    expect(sheets[3].grid[0]).toEqual(['取值集合', '规范值', '别名']);
    expect(sheets[5].grid[0].slice(0, 8)).toEqual(['登记表', '指标', '计算', '字段', '条件字段', '条件取值', '数值', '目标']);
    expect(sheets[5].grid.find((r) => r[1] === '40岁以下论文参与率')!.slice(8)).toEqual([null, '出生年月 ≤ 40岁', '是']);
    // A row of 列 as an officer reads it.
    expect(sheets[1].grid.find((r) => r[0] === 'papers' && r[1] === '教师')!.slice(0, 9)).toEqual(['papers', '教师', '教师姓名、姓名、作者', '多个姓名', '是', null, null, null, '名册']);
  });

  test("a second district's definition is sound and compiles: 听课记录 with its target, 字数 ≥ 500, an alias", async () => {
    const { definition, problems } = await roundTrip(districtBDefinition());
    expect(problems).toEqual([]);
    expect(definition!.registers.map((r) => r.code)).toEqual(['roster', 'reflections', 'lesson_visits']);
    const compiled = compileDefinition(definition!);
    expect(compiled.templates.reflections.columns.find((c) => c.name === '字数')).toMatchObject({ type: 'integer', min: 500, minCode: 'word_count' });
    expect(compiled.templates.lesson_visits.columns.map((c) => c.name)).toEqual(['日期', '听课教师', '授课教师', '学科', '课题', '节数']);
    expect(compiled.templates.lesson_visits.rules).toEqual([{ rule: 'unique', fields: ['日期', '听课教师', '授课教师'], on: '日期', severity: 'warning' }]);
    expect(compiled.valueSets['学科'].values['道德与法治']).toEqual(['品德', '思品', '道法']);
    expect(definition!.indicators.find((i) => i.name === '听课达标率')).toEqual({ register: 'lesson_visits', name: '听课达标率', calc: '达标率', field: '节数', condValues: [], value: 10, target: '= 100%' });
  });

  test('a broken definition: every problem at its sheet, row and column, and no definition', async () => {
    const s = districtBDefinition().map((x) => ({ sheet: x.sheet, grid: x.grid.map((r) => [...r]) }));
    const [reg, cols, vals, rules, inds] = s;
    reg.grid.push(['roster', '名册二', '']); // row 5: duplicate 代码
    reg.grid.push(['Lesson-Visits', '听课', '']); // row 6: bad 代码
    cols.grid.push(['lesson_visits', '是否公开', '', '布尔', '否', '', '', '', '']); // row 16: unknown 类型
    cols.grid.push(['lesson_visits', '职务', '', '取值', '否', '职务', '', '', '']); // row 17: no such value set
    cols.grid.push(['lesson_visits', '备课', '', '文本', '可能', '', '', '', '']); // row 18: 必填 not 是/否
    cols.grid.push(['nosuch', '某列', '', '文本', '否', '', '', '', '']); // row 19: no such register
    cols.grid.push(['lesson_visits', '时长', '', '数字', '否', '', '90', '40', '']); // row 20: 最小 > 最大
    vals.grid.push(['学科', '数学', '']); // row 9: duplicate 规范值
    rules.grid.push(['lesson_visits', '不得重复', '课时数', '', '', '日期', '', '', '', '']); // row 5: no such column
    rules.grid.push(['lesson_visits', '必须', '日期', '', '', '', '', '', '', '']); // row 6: no such rule
    rules.grid.push(['reflections', '每学期限次', '题目', '', '随笔', '教师', '', '', '', '']); // row 7: needs 数值
    inds.grid.push(['lesson_visits', '人均听课', '人均合计', '听课节数', '', '', '', '']); // row 6: no such column
    inds.grid.push(['reflections', '反思达标', '行数', '', '', '', '', '至少一篇']); // row 7: target that does not parse
    inds.grid[0] = [...inds.grid[0], '名册条件', '排名']; // 条件 is already there
    inds.grid.push(['lesson_visits', '长课', '行数', '', '', '', '', '', '节数 至少 2']); // row 8: 条件 without a comparison
    inds.grid.push(['lesson_visits', '青年听课', '参与率', '', '', '', '', '', '', '年龄 ≤ 30岁']); // row 9: roster has no 年龄
    inds.grid.push(['lesson_visits', '听课表', '交叉表', '学科', '', '', '', '', '', '', '也许']); // row 10: one field; 排名 not 是/否
    const { definition, problems } = await roundTrip(s);
    expect(definition).toBeNull();
    // In reading order: sheet by sheet as the workbook lists them, then row and column.
    expect(problems.map((p) => [p.sheet, p.row, p.col, p.field])).toEqual([
      ['登记表', 5, 'A', '代码'],
      ['登记表', 6, 'A', '代码'],
      ['列', 16, 'D', '类型'],
      ['列', 17, 'F', '取值集合'],
      ['列', 18, 'E', '必填'],
      ['列', 19, 'A', '登记表'],
      ['列', 20, 'G', '最小'],
      ['取值', 9, 'B', '规范值'],
      ['规则', 5, 'C', '字段'],
      ['规则', 6, 'B', '规则'],
      ['规则', 7, 'H', '数值'],
      ['指标', 6, 'D', '字段'],
      ['指标', 7, 'H', '目标'],
      ['指标', 8, 'I', '条件'],
      ['指标', 9, 'J', '名册条件'],
      ['指标', 10, 'D', '字段'],
      ['指标', 10, 'K', '排名'],
    ]);
    expect(problems.find((p) => p.sheet === '指标' && p.row === 9)!.message).toMatch(/年龄/);
    for (const p of problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
    expect(problems.find((p) => p.sheet === '列' && p.row === 16)!.message).toBe('“类型”的值“布尔”不在可选范围内，可选：文本、长文本、姓名、多个姓名、日期、月份、数字、整数、取值、刊号');
  });

  test('a workbook without the sheets says which are missing', async () => {
    const { definition, problems } = await roundTrip([{ sheet: '登记表', grid: [['代码', '名称']] }]);
    expect(definition).toBeNull();
    expect(problems.map((p) => p.message)).toEqual([
      '至少要定义一张登记表',
      '工作表“登记表”缺少列：识别词（表头应为：代码、名称、识别词）',
      '缺少工作表“列”（定义工作簿应有：登记表、列、取值、规则、指标）',
      '缺少工作表“取值”（定义工作簿应有：登记表、列、取值、规则、指标）',
      '缺少工作表“规则”（定义工作簿应有：登记表、列、取值、规则、指标）',
      '缺少工作表“指标”（定义工作簿应有：登记表、列、取值、规则、指标）',
    ]);
  });

  test("the sheets' cells are checked by the engine, as a register's are (meta-definition)", async () => {
    const s = districtBDefinition().map((x) => ({ sheet: x.sheet, grid: x.grid.map((r) => [...r]) }));
    s[0].grid.push(['reading_notes', '', '读书']); // 登记表 row 5: 名称 is required
    s[1].grid[0] = [...s[1].grid[0], '默认值', '空格分隔', '限本学期', '列宽'];
    s[1].grid.push(['reading_notes', '书名', '', '文本', '可能', '', '', '', '', '', '', '', '200']); // 列 row 16: 必填 not 是/否, 列宽 > 120
    s[1].grid.push(['reading_notes', '字数', '', '整数', 'Y', '', '五百', '', '']); // 列 row 17: Y is an alias of 是 (accepted); 最小 not a number
    s[4].grid.push(['reading_notes', '读书篇数', '合记', '', '', '', '', '']); // 指标 row 6: 计算 not one of them
    const { definition, problems } = await roundTrip(s);
    expect(definition).toBeNull();
    expect(problems.map((p) => [p.sheet, p.row, p.col, p.field, p.message])).toEqual([
      ['登记表', 5, 'B', '名称', '“名称”为必填项，不能为空'],
      ['列', 16, 'E', '必填', '“必填”的值“可能”不在可选范围内，可选：是、否'],
      ['列', 16, 'M', '列宽', '“列宽”不能大于 120，现为 200'],
      ['列', 17, 'G', '最小', '“最小”应为数字，现为“五百”'],
      ['指标', 6, 'C', '计算', expect.stringContaining('“计算”的值“合记”不在可选范围内')],
    ]);
  });
});
