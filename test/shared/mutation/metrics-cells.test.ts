/**
 * Small, hand-worked cases for the metrics building blocks (shared/metrics/*) and the column parsers
 * (shared/cells.ts) that the end-to-end fixtures do not pin down: empty and odd inputs, the edges of ranges and
 * date spans, keys that must not run into each other, and the things that must be worked out only once.
 */
import { authors, num, text } from '../../../shared/metrics/fields';
import { PeopleTally, type People } from '../../../shared/metrics/people';
import { PaperTally } from '../../../shared/metrics/papers';
import { ProjectTally } from '../../../shared/metrics/projects';
import { ReflectionTally } from '../../../shared/metrics/reflections';
import { SchoolTally, ageAt, computeSummary, districtTotals, lastFriday, monthsDue } from '../../../shared/metrics';
import { compileColumn } from '../../../shared/cells';
import type { ColumnDef, ValueSet } from '../../../shared/templates';
import { parseTerm } from '../../../shared/term';
import type { NormRecord } from '../../../shared/types';

/** A school without a roster: names are not filtered, per-teacher ratios have no denominator. */
const NO_ROSTER: People = { hasRoster: false, teachers: 0, under40: 0, active: new Set(), under40Names: new Set(), records: [] };

describe('fields: text, num, authors', () => {
  test.each([
    [null, ''],
    [undefined, ''],
    [['张伟', '李娜'], '张伟、李娜'],
    ['  张伟 ', '张伟'],
    [12, '12'],
    [false, 'false'],
  ])('text(%p) is %p', (v, expected) => {
    expect(text(v)).toBe(expected);
  });

  test.each([
    [12, 12],
    [Infinity, null],
    ['12', 12],
    [' 3.5 ', 3.5],
    ['', null],
    ['   ', null],
    ['abc', null],
    ['Stryker was here!', null],
    [true, null],
    [null, null],
  ])('num(%p) is %p', (v, expected) => {
    expect(num(v)).toBe(expected);
  });

  test.each([
    ['张伟、李娜', ['张伟', '李娜']],
    ['张伟 、 李娜 ,王强；赵敏', ['张伟', '李娜', '王强', '赵敏']],
    ['张伟、、李娜', ['张伟', '李娜']],
    ['', []],
    [null, []],
    [[' 张伟 ', '', '李娜'], ['张伟', '李娜']],
  ])('authors(%p) is %p', (v, expected) => {
    expect(authors(v)).toEqual(expected);
  });
});

describe('PeopleTally', () => {
  test('在岗 false or 否 is left out; a row without a name counts but names no one', () => {
    const t = new PeopleTally('2025-02-01');
    t.add({ 姓名: '甲', 出生年月: '1990-05', 在岗: true }); // 34 at 2025-02-01
    t.add({ 姓名: '乙', 出生年月: '1980-01' }); // 45, 在岗 defaults to 是
    t.add({ 姓名: '丙', 出生年月: '1991-01', 在岗: false });
    t.add({ 姓名: '丁', 出生年月: '1992-01', 在岗: '否' });
    t.add({ 姓名: '', 出生年月: '1995-01', 在岗: '是' }); // 30, no name
    const p = t.finish();
    expect(p.hasRoster).toBe(true);
    expect(p.teachers).toBe(3);
    expect(p.under40).toBe(2);
    expect([...p.active]).toEqual(['甲', '乙']);
    expect([...p.under40Names]).toEqual(['甲']);
    expect(p.records.map((r) => r['姓名'])).toEqual(['甲', '乙', '']);
  });

  test('a roster whose every teacher is not 在岗 is still a roster (of 0 teachers); no rows is no roster', () => {
    const t = new PeopleTally('2025-02-01');
    t.add({ 姓名: '丙', 在岗: false });
    expect(t.finish()).toMatchObject({ hasRoster: true, teachers: 0, under40: 0 });
    expect(new PeopleTally('2025-02-01').finish().hasRoster).toBe(false);
  });
});

describe('PaperTally: qualified papers are told apart by first author and 题目', () => {
  test('author and title that run into each other are still two papers; a paper without author is its own', () => {
    const t = new PaperTally();
    t.add({ 教师: '王小', 题目: '明的论文', 状态: '已发表' });
    t.add({ 教师: '王小明', 题目: '的论文', 状态: '已发表' });
    t.add({ 教师: '王小明', 题目: '的论文', 状态: '已发表' }); // the same paper again: once
    t.add({ 题目: '无名', 状态: '已发表' });
    t.add({ 教师: 'Stryker was here!', 题目: '无名', 状态: '已发表' });
    expect(t.finish(NO_ROSTER)).toMatchObject({ count: 5, published: 5, qualified: 4 });
  });
});

describe('ProjectTally: 本学期新立项 includes both ends of the term', () => {
  test('立项日期 on the first and the last day count, the days outside do not', () => {
    const t = new ProjectTally('2025-04-15', '2025-02-01', '2025-07-31');
    for (const d of ['2025-01-31', '2025-02-01', '2025-07-31', '2025-08-01']) t.add({ 级别: '区县级', 阶段: '立项', 立项日期: d });
    expect(t.finish()).toMatchObject({ count: 4, newThisTerm: 2 });
  });
});

describe('ReflectionTally', () => {
  test('月份 given as a full date counts for its month', () => {
    const t = new ReflectionTally(['2025-03'], () => '2025-03-28');
    t.add({ 月份: '2025-03-15', 教师: '张伟', 提交日期: '2025-03-20' });
    expect(t.finish({ ...NO_ROSTER, teachers: 1 })).toMatchObject({ expected: 1, submitted: 1, onTime: 1 });
  });

  test('teacher and month are kept apart in the key (李 in 2025-03 is not 李2 in 025-03)', () => {
    const t = new ReflectionTally(['2025-03', '025-03'], () => '2025-03-28');
    t.add({ 月份: '2025-03', 教师: '李', 提交日期: '2025-03-20' });
    t.add({ 月份: '025-03', 教师: '李2', 提交日期: '2025-03-20' });
    expect(t.finish(NO_ROSTER).submitted).toBe(2);
  });

  test('a row without a teacher is no teacher-month, even without a roster', () => {
    const t = new ReflectionTally(['2025-03'], () => '2025-03-28');
    t.add({ 月份: '2025-03', 教师: '', 提交日期: '2025-03-20' });
    t.add({ 月份: '2025-03', 教师: '张伟', 提交日期: '2025-03-20' });
    expect(t.finish(NO_ROSTER)).toMatchObject({ submitted: 1, onTime: 1 });
  });
});

describe('calendar', () => {
  test('a month is due on its deadline day itself, not the day before', () => {
    // 2025-02's last Friday is 02-28.
    expect(lastFriday('2025-02')).toBe('2025-02-28');
    expect(monthsDue('2025春', '2025-02-28', lastFriday)).toEqual(['2025-02']);
    expect(monthsDue('2025春', '2025-02-27', lastFriday)).toEqual([]);
  });

  test.each([
    ['1985-02', 40],
    ['1985-03', 39],
    ['1985-02-15', 40],
    ['x1985-02', null],
    ['生于1985-02', null],
  ])('ageAt(%p, 2025-02-01) is %p', (birth, expected) => {
    expect(ageAt(birth, '2025-02-01')).toBe(expected);
  });
});

describe('SchoolTally: each month\'s deadline is read once', () => {
  test('the district deadline of a month is looked up once however many rows ask for it', () => {
    const reads: string[] = [];
    const deadlines = new Proxy({ '2025-03': '2025-03-31' } as Record<string, string>, {
      get(target, key) {
        if (typeof key === 'string') reads.push(key);
        return target[key as string];
      },
    });
    const t = new SchoolTally({ code: 'A', name: '甲校', type: '小学' }, { term: '2025春', asOf: '2025-04-15', deadlines });
    for (const teacher of ['张伟', '李娜', '王强']) t.add('reflections', { 月份: '2025-03', 教师: teacher, 提交日期: '2025-03-30' });
    expect(reads.filter((k) => k === '2025-03')).toEqual(['2025-03']);
    // 03-30 is before the district's 03-31: all three on time.
    expect(t.finish().reflections).toMatchObject({ months: ['2025-02', '2025-03'], submitted: 3, onTime: 3 });
  });
});

describe('computeSummary and the district line', () => {
  const rec = (values: NormRecord['values'], row = 2): NormRecord => ({ row, values });
  // Made in each test, not when the file loads: Stryker counts only code run inside a test as covered by it.
  const make = () => computeSummary({
    term: '2025春',
    asOf: '2025-04-15',
    schools: [
      {
        code: 'A',
        name: '甲校',
        type: '小学',
        // A kind present without records (undefined) is not reported.
        records: { roster: undefined, papers: [rec({ 教师: '张伟', 题目: '论文', 状态: '已发表' })] },
      },
    ],
  });

  test('a kind given as undefined is skipped, not read', () => {
    const summary = make();
    expect(summary.schools[0].reported).toEqual(['papers']);
    expect(summary.schools[0].papers.count).toBe(1);
    expect(summary.schools[0].teachers).toBe(0);
  });

  test('the district carries the months due (February and March as of 04-15) and the two targets\' labels', () => {
    const summary = make();
    expect(summary.district.reflections.months).toEqual(['2025-02', '2025-03']);
    expect(summary.district.targets.map((t) => [t.key, t.label])).toEqual([
      ['qualifiedPerTeacher', '县二等奖及以上或公开发表的论文人均一篇'],
      ['under40Participation', '40岁以下教师论文全员参与'],
    ]);
  });

  test('a district of no schools has no months', () => {
    expect(districtTotals([]).reflections.months).toEqual([]);
  });
});

describe('compileColumn', () => {
  const TERM = parseTerm('2025春');
  const col = (d: Partial<ColumnDef> & Pick<ColumnDef, 'type'>): ColumnDef => ({ name: '列', width: 10, ...d });

  test.each([
    // number: fractions allowed, min/max inclusive, params name the bound
    [col({ type: 'number', min: 0, max: 10 }), 2.5, { ok: true, value: 2.5 }],
    [col({ type: 'number', min: 0, max: 10 }), 10, { ok: true, value: 10 }],
    [col({ type: 'number', min: 0, max: 10 }), 0, { ok: true, value: 0 }],
    [col({ type: 'number', min: 0, max: 10 }), 11, { ok: false, code: 'max', params: { max: 10 } }],
    [col({ type: 'number', min: 0, max: 10 }), -1, { ok: false, code: 'min', params: { min: 0 } }],
    [col({ type: 'integer', min: 800, minCode: 'word_count' }), 799, { ok: false, code: 'word_count', params: { min: 800 } }],
    // integer: fractions rejected
    [col({ type: 'integer' }), 2.5, { ok: false, code: 'integer' }],
    [col({ type: 'integer' }), 3, { ok: true, value: 3 }],
    // longtext: trimmed only, inner spacing kept, never read as a name
    [col({ type: 'longtext' }), '  张 伟  ', { ok: true, value: '张 伟' }],
    [col({ type: 'longtext' }), 12, { ok: true, value: '12' }],
    // names (authors: split on 、，,;； only)
    [col({ type: 'names', split: 'authors' }), '张 伟', { ok: true, value: ['张伟'], note: { code: 'spacing', fix: '张伟' } }],
    [col({ type: 'names', split: 'authors' }), '张伟', { ok: true, value: ['张伟'] }],
    [col({ type: 'names', split: 'authors' }), '张 伟、李娜', { ok: true, value: ['张伟', '李娜'], note: { code: 'spacing', fix: '张伟、李娜' } }],
    [col({ type: 'names', split: 'authors' }), '张伟，李娜', { ok: true, value: ['张伟', '李娜'] }],
    [col({ type: 'names', split: 'authors' }), '、、', { ok: false, code: 'required' }],
    [col({ type: 'names' }), '张伟 李娜', { ok: true, value: ['张伟', '李娜'] }],
  ])('%o parses %p as %o', (def, cell, expected) => {
    expect(compileColumn(def, TERM)(cell)).toEqual(expected);
  });

  test('an enum column without a value set, or naming one that does not exist, is a template error', () => {
    expect(() => compileColumn(col({ name: '级别', type: 'enum' }), TERM)).toThrow('模板错误：列“级别”缺少取值集合');
    expect(() => compileColumn(col({ name: '级别', type: 'enum', values: 'level' }), TERM, {})).toThrow('模板错误：列“级别”的取值集合“level”不存在');
  });

  test('a value set is compiled once, however many columns use it', () => {
    let reads = 0;
    const values = { 甲: ['A'], 乙: [] };
    const set: ValueSet = {
      id: 'x',
      get values() {
        reads++;
        return values;
      },
    };
    const first = compileColumn(col({ type: 'enum', values: 'level' }), TERM, { level: set });
    const before = reads;
    expect(before).toBeGreaterThan(0);
    const second = compileColumn(col({ type: 'enum', values: 'level' }), TERM, { level: set });
    expect(reads).toBe(before);
    expect(first('甲')).toEqual({ ok: true, value: '甲' });
    expect(second('A')).toEqual({ ok: true, value: '甲', note: { code: 'alias', fix: '甲' } });
  });
});
