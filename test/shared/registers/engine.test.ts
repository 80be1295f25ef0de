/**
 * The engine driven by a definition given at run time: the built-in definition compiled afresh (new objects, so the
 * header lookups and value-set matchers are built from it, not taken from the defaults) gives exactly the default
 * findings on every fixture; a district's definition changes what is checked.
 */
import { validateWorkbook } from '../../../shared';
import { BUILTIN_DEFINITION } from '../../../shared/registers/builtin';
import { compileDefinition } from '../../../shared/registers/compile';
import { parseDefinitionWorkbook } from '../../../shared/registers/workbook';
import { FIXTURE_OPTIONS, FIXTURES } from '../../fixtures';
import { districtBDefinition } from '../../fixtures/registers/district-b';

describe('engine with a run-time definition', () => {
  test.each(FIXTURES.map((fx) => [fx.name, fx] as const))('%s: the built-in definition given explicitly changes nothing', (_n, fx) => {
    const registers = compileDefinition(structuredClone(BUILTIN_DEFINITION));
    const plain = validateWorkbook(fx.sheets, FIXTURE_OPTIONS);
    const given = validateWorkbook(fx.sheets, { ...FIXTURE_OPTIONS, registers });
    expect(given.sheets.map((s) => [s.sheet, s.kind, s.findings])).toEqual(plain.sheets.map((s) => [s.sheet, s.kind, s.findings]));
    expect(given.sheets.map((s) => s.records)).toEqual(plain.sheets.map((s) => s.records));
  });

  test("a district's definition: its register recognised, its minimum and its value set's aliases used", () => {
    const { definition } = parseDefinitionWorkbook(districtBDefinition());
    const registers = compileDefinition(definition!);
    const sheets = [
      { sheet: '反思', grid: [['月份', '教师', '题目', '字数', '提交日期'], ['2025-03', '张伟', '题', 450, '2025-03-20']] },
      { sheet: '听课', grid: [['日期', '听课教师', '授课教师', '学科', '课题', '节数'], ['2025-03-11', '张伟', '王芳', '思品', '《春》', 1]] },
      { sheet: '名册', grid: [['姓名', '学科'], ['张伟', '语文']] },
    ];
    const r = validateWorkbook(sheets, { term: '2025春', asOf: '2025-06-30', registers });
    expect(r.sheets.map((s) => s.kind)).toEqual(['reflections', 'lesson_visits', 'roster']);
    const f = r.sheets.flatMap((s) => s.findings.map((x) => [s.sheet, x.code, x.row, x.field, x.fix ?? null]));
    expect(f).toEqual([
      ['反思', 'word_count', 2, '字数', null],
      ['听课', 'alias', 2, '学科', '道德与法治'],
    ]);
    expect(r.sheets[1].records[0].values).toEqual({ 日期: '2025-03-11', 听课教师: '张伟', 授课教师: '王芳', 学科: '道德与法治', 课题: '《春》', 节数: 1 });
  });
});
