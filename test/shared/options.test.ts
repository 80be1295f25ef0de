/** What the options change: the roster and project codes from elsewhere, district deadlines, the term and as-of date. */
import { resolveOptions, validateWorkbook } from '../../shared';

const triples = (r: ReturnType<typeof validateWorkbook>) => r.sheets.flatMap((s) => s.findings.map((f) => [f.code, f.row, f.field]));

const reflections = [
  ['月份', '教师', '题目', '形式', '字数', '提交日期'],
  ['2025-03', '张伟', '春天的课堂', '个案', 900, '2025-03-28'],
  ['2025-03', '李娜', '三月随想', '个案', 900, '2025-03-31'],
];

describe('validation options', () => {
  it('checks names against the roster given in options when the workbook has none', () => {
    const none = validateWorkbook([{ sheet: 'r', grid: reflections }], { term: '2025春', asOf: '2025-06-30' });
    expect(triples(none)).toEqual([['late', 3, '提交日期']]); // no roster anywhere: names are not checked
    const withRoster = validateWorkbook([{ sheet: 'r', grid: reflections }], { term: '2025春', asOf: '2025-06-30', roster: [{ name: '张伟' }, { name: '李四' }] });
    expect(triples(withRoster)).toEqual([
      ['unknown_teacher', 3, '教师'],
      ['late', 3, '提交日期'],
    ]);
    const f = withRoster.sheets[0].findings.find((x) => x.code === 'unknown_teacher')!;
    expect(f.params?.suggestion).toBe('李四');
    expect(f.message).toContain('是否应为“李四”');
  });
  it('prefers a roster in the workbook over the one in options', () => {
    const roster = [['姓名', '学科'], ['张伟', '语文'], ['李娜', '数学']];
    const r = validateWorkbook(
      [
        { sheet: 'n', grid: roster },
        { sheet: 'r', grid: reflections },
      ],
      { term: '2025春', asOf: '2025-06-30', roster: [{ name: '别人' }] },
    );
    expect(triples(r)).toEqual([['late', 3, '提交日期']]);
  });
  it('uses the district deadline for a month instead of its last Friday', () => {
    const r = validateWorkbook([{ sheet: 'r', grid: reflections }], { term: '2025春', asOf: '2025-06-30', reflectionDeadlines: { '2025-03': '2025-04-03' } });
    expect(triples(r)).toEqual([]);
    const early = validateWorkbook([{ sheet: 'r', grid: reflections }], { term: '2025春', asOf: '2025-06-30', reflectionDeadlines: { '2025-03': '2025-03-20' } });
    expect(triples(early)).toEqual([
      ['late', 2, '提交日期'],
      ['late', 3, '提交日期'],
    ]);
  });
  it('checks linked project codes against the codes given in options', () => {
    const courses = [['日期', '授课教师', '学科', '课名', '课型', '级别', '关联课题编号'], ['2025-03-10', '张伟', '语文', '荷花', '研究课', '校级', 'KT-1']];
    expect(triples(validateWorkbook([{ sheet: 'c', grid: courses }], { term: '2025春', asOf: '2025-06-30', projectCodes: ['KT-2'] }))).toEqual([['unknown_reference', 2, '关联课题编号']]);
    expect(triples(validateWorkbook([{ sheet: 'c', grid: courses }], { term: '2025春', asOf: '2025-06-30', projectCodes: ['KT-1'] }))).toEqual([]);
  });
  it('reads full-width digits and letters in codes as half-width, keeping Chinese punctuation', () => {
    const projects = [['课题编号', '课题名称', '级别', '主持人', '阶段'], ['ＫＴ-２０２５', '阅读（整本书）研究：策略', '校级', '张伟', '申报']];
    const courses = [['日期', '授课教师', '学科', '课名', '课型', '级别', '关联课题编号'], ['2025-03-10', '张伟', '语文', '荷花', '研究课', '校级', 'KT-2025']];
    const r = validateWorkbook(
      [
        { sheet: 'p', grid: projects },
        { sheet: 'c', grid: courses },
      ],
      { term: '2025春', asOf: '2025-06-30' },
    );
    expect(triples(r)).toEqual([]);
    expect(r.sheets[0].records[0].values['课题编号']).toBe('KT-2025');
    expect(r.sheets[0].records[0].values['课题名称']).toBe('阅读（整本书）研究：策略');
  });
  it('judges overdue projects against the as-of date', () => {
    const projects = [['课题名称', '级别', '主持人', '阶段', '立项日期', '计划结题日期'], ['x研究', '校级', '张伟', '中期', '2024-01-01', '2025-05-31']];
    expect(triples(validateWorkbook([{ sheet: 'p', grid: projects }], { term: '2025春', asOf: '2025-05-31' }))).toEqual([]);
    expect(triples(validateWorkbook([{ sheet: 'p', grid: projects }], { term: '2025春', asOf: '2025-06-01' }))).toEqual([['overdue', 2, '计划结题日期']]);
  });
  it('takes the term from the as-of date, and autumn spans into January', () => {
    expect(resolveOptions({ asOf: '2026-01-15' }).term.term).toBe('2025秋');
    expect(resolveOptions({ asOf: '2025-08-01' }).term.months).toEqual(['2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01']);
    expect(() => resolveOptions({ asOf: '2025/6/30' })).toThrow('日期格式不正确');
    expect(() => resolveOptions({ term: '2025夏' })).toThrow('学期格式不正确');
  });
});
