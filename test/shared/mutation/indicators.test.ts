/**
 * shared/metrics/indicators.ts function by function: target comparison at its edges, field lists, ranking, the
 * district pooling, and the per-school tally on a small hand-made definition (which column names the teacher, the
 * month and the hand-in date, the 交叉表 axes, 去重行数 keys, 达标/参与 counting). Every expected value is worked
 * out by hand in the comments.
 */
import { meets, fieldList, rankEntries, rankMetrics, districtMetrics, IndicatorTally, type Metric } from '../../../shared/metrics/indicators';
import { PeopleTally, type People } from '../../../shared/metrics/people';
import type { Indicator, RegisterDefinition } from '../../../shared/registers/schema';
import type { Values } from '../../../shared/metrics/fields';

const days = { asOf: '2025-06-30', termStart: '2025-02-01', termEnd: '2025-07-31' };

type Col = { name: string; type: string; ref?: string; valueSet?: string };
const col = (name: string, type: string, extra: Partial<Col> = {}): Col => ({ name, type, ...extra });
const ind = (register: string, name: string, calc: string, extra: Partial<Indicator> = {}): Indicator => ({ register, name, calc, condValues: [], ...extra }) as Indicator;
const def = (registers: Record<string, Col[]>, indicators: Indicator[], rules: unknown[] = [], valueSets: unknown[] = []): RegisterDefinition =>
  ({
    name: '测试',
    registers: Object.entries(registers).map(([code, columns]) => ({ code, name: code, hints: [], columns: columns.map((c) => ({ aliases: [], required: false, ...c })) })),
    valueSets,
    rules,
    indicators,
  }) as RegisterDefinition;

const people = (records: Values[]): People => {
  const t = new PeopleTally('2025-02-01');
  for (const r of records) t.add(r);
  return t.finish();
};
const byName = (ms: Metric[]): Record<string, Metric> => Object.fromEntries(ms.map((m) => [m.name, m]));

describe('meets: each comparison at its edge (eps = 1e-9)', () => {
  test.each([
    ['≥ 1', 1, true],
    ['≥ 1', 1 - 1e-9, true],
    ['≥ 1', 0.5, false],
    ['>= 2', 2, true],
    ['> 1', 2, true],
    ['> 1', 1, false],
    ['> 1', 1 + 1e-9, false],
    ['> 1', 0.5, false],
    ['≤ 1', 1, true],
    ['≤ 1', 1 + 1e-9, true],
    ['≤ 1', 2, false],
    ['<= 2', 2, true],
    ['< 1', 0.5, true],
    ['< 1', 1, false],
    ['< 1', 1 - 1e-9, false],
    ['< 1', 2, false],
    ['= 0', 1e-9, true],
    ['= 0', 3e-9, false],
    ['= 100%', 1, true],
    ['= 100%', 0.99, false],
    ['不是目标', 5, false],
    ['', 0, false],
  ])('%s with %p → %p', (target, value, expected) => {
    expect(meets(value as number, target as string)).toBe(expected);
  });
});

test('fieldList: none given is no field; a list splits on 、 and commas, trimmed', () => {
  expect(fieldList(undefined)).toEqual([]);
  expect(fieldList(' 级别、 等级 ,说明')).toEqual(['级别', '等级', '说明']);
});

describe('ranking', () => {
  test('rankEntries: highest first, ties share a place, entries without a value last with rank null', () => {
    expect(rankEntries([{ code: 'A', value: null }, { code: 'B', value: 0.5 }])).toEqual([
      { code: 'B', value: 0.5, rank: 1 },
      { code: 'A', value: null, rank: null },
    ]);
    expect(rankEntries([{ code: 'A', value: null }, { code: 'D', value: 0 }, { code: 'B', value: 0.5 }, { code: 'C', value: 0.5 }])).toEqual([
      { code: 'B', value: 0.5, rank: 1 },
      { code: 'C', value: 0.5, rank: 1 },
      { code: 'D', value: 0, rank: 3 },
      { code: 'A', value: null, rank: null },
    ]);
  });

  test('rankMetrics ranks only ranked indicators, and a school with fewer (or no) metrics is unranked', () => {
    const d = def({ r: [col('a', '文本')] }, [ind('r', '排名的', '行数', { rank: true }), ind('r', '不排名', '行数')]);
    const m = (name: string, value: number | null): Metric => ({ register: 'r', name, format: 'number', value, reported: value !== null, num: value ?? 0, den: null });
    const s1 = { code: 'S1', metrics: [m('排名的', 2), m('不排名', 7)] };
    const s2 = { code: 'S2', metrics: [m('排名的', 5)] as Metric[] };
    const s3 = { code: 'S3', metrics: [] as Metric[] };
    const s4 = { code: 'S4' };
    rankMetrics(d, [s1, s2, s3, s4]);
    expect([s1.metrics[0].rank, s2.metrics[0].rank]).toEqual([2, 1]);
    expect(s1.metrics[1]).not.toHaveProperty('rank');
  });
});

describe('districtMetrics', () => {
  const d = def({ r: [col('a', '文本')] }, [ind('r', '合计', '合计'), ind('r', '人均', '人均合计'), ind('r', '行', '行数', { target: '≥ 1' })]);
  const m = (name: string, calc: 'number' | 'perTeacher', num: number, den: number | null, extra: Partial<Metric> = {}): Metric => ({ register: 'r', name, format: calc, value: num, reported: true, num, den, ...extra });

  test('合计 and 人均合计 are rounded to 2 places once summed, other counts are summed as given; a shorter school line is skipped', () => {
    const schools: Metric[][] = [
      [m('合计', 'number', 0.1, null), m('人均', 'perTeacher', 0.1, 1), m('行', 'number', 0.125, null, { target: '≥ 1', met: false })],
      [m('合计', 'number', 0.2, null), m('人均', 'perTeacher', 0.2, 1), m('行', 'number', 0.25, null, { target: '≥ 1', met: true })],
      [],
    ];
    const [sum, per, rows] = districtMetrics(d, schools);
    // 0.1 + 0.2 = 0.30000000000000004 → 0.3; 0.3 / 2 teachers = 0.15.
    expect(sum).toEqual({ register: 'r', name: '合计', format: 'number', value: 0.3, reported: true, num: 0.3, den: null });
    expect(sum).not.toHaveProperty('schoolsMet');
    expect(sum).not.toHaveProperty('table');
    expect(per).toEqual({ register: 'r', name: '人均', format: 'perTeacher', value: 0.15, reported: true, num: 0.3, den: 2 });
    // 0.125 + 0.25 = 0.375 (not 0.38); one school met its target.
    expect(rows).toEqual({ register: 'r', name: '行', format: 'number', value: 0.375, reported: true, num: 0.375, den: null, target: '≥ 1', met: false, schoolsMet: 1 });
  });
});

describe('IndicatorTally', () => {
  const valueSets = [
    { name: '级别', values: [{ value: '校级', aliases: [] }, { value: '县级', aliases: [] }] },
    { name: '等级', values: [{ value: '一等', aliases: [] }, { value: '二等', aliases: [] }] },
  ];
  const registers = {
    // The teacher is the first 姓名/多个姓名 column referring to the roster: not 授课教师 (no reference), not 备注人 (文本).
    visits: [col('授课教师', '姓名'), col('备注人', '文本', { ref: '名册' }), col('听课教师', '多个姓名', { ref: '名册' }), col('节数', '数字')],
    cross: [col('级别', '取值', { valueSet: '级别' }), col('等级', '取值', { valueSet: '等级' }), col('说明', '文本'), col('名', '文本')],
    keys: [col('甲', '文本'), col('乙', '文本')],
    // Month and date come from the 截止日期 rule (交月, 交日), not from the 月份 and 日期 columns.
    monthly: [col('教师', '姓名', { ref: '名册' }), col('月份', '月份'), col('日期', '日期'), col('交月', '文本'), col('交日', '文本'), col('评价', '文本')],
    // No rule: the 月份 and 日期 columns.
    plain: [col('教师', '多个姓名', { ref: '名册' }), col('提交日期', '日期'), col('月份', '月份')],
  };
  const rules = [
    { register: 'visits', rule: '截止日期', fields: ['节数'], other: '节数', condValues: [], otherValues: [] },
    { register: 'monthly', rule: '不得重复', fields: ['评价'], condValues: [], otherValues: [] },
    { register: 'monthly', rule: '截止日期', fields: ['交月'], other: '交日', condValues: [], otherValues: [] },
  ];
  const indicators = [
    ind('visits', '参与', '参与人数', { field: '节数', rank: true }),
    ind('visits', '达标', '达标人数', { field: '节数', value: 10 }),
    ind('visits', '达标率', '达标率', { field: '节数', value: 10, target: '≥ 50%' }),
    ind('visits', '行合计', '合计'),
    ind('visits', '语文全员', '达标人数', { value: 0, rosterCondition: '学科 = 语文' }),
    ind('cross', '级别×等级', '交叉表', { field: '级别、等级' }),
    ind('cross', '单字段', '交叉表', { field: '级别' }),
    ind('cross', '三字段', '交叉表', { field: '级别、等级、说明' }),
    ind('cross', '无取值集合', '交叉表', { field: '说明、名' }),
    ind('keys', '去重', '去重行数', { field: '甲、乙' }),
    ind('monthly', '实交', '实交月数'),
    ind('monthly', '按时', '按时率'),
    ind('monthly', '优秀实交', '实交月数', { condField: '评价', condValues: ['优秀'] }),
    ind('plain', '实交P', '实交月数'),
    ind('plain', '按时P', '按时率'),
  ];
  const definition = def(registers, indicators, rules, valueSets);
  const deadlineOf = (m: string) => (m === '2025-02' ? '2025-02-28' : '2025-03-28');
  const newTally = () => new IndicatorTally(definition, ['2025-02', '2025-03'], deadlineOf, days);
  const visit = (who: Values[string], n: number): Values => ({ 授课教师: '外甲', 备注人: '外乙', 听课教师: who, 节数: n });

  // Built afresh in each test (not when the file loads), so that Stryker's per-test coverage sees every test that
  // reaches the tally's code.
  const build = (): Record<string, Metric> => {
    const tally = newTally();
    // 节数: 张伟 6 + 6 = 12 (2 rows), 李娜 10, 王芳 11, 刘洋 0 (his one row writes his name padded, beside a blank).
    for (const v of [visit(['张伟'], 6), visit(['张伟'], 6), visit(['李娜'], 10), visit(['王芳'], 11), visit([' 刘洋 ', ''], 0)]) tally.add('visits', v);
    for (const v of [
      { 级别: '县级', 等级: '一等', 说明: 'p', 名: 'q' },
      { 级别: '校级', 等级: '二等', 说明: 'p', 名: 'r' },
    ])
      tally.add('cross', v);
    // Keys a␀bc, ab␀c, ␀z (an empty name list counts as blank), ␀z again: 3 distinct.
    for (const v of [{ 甲: 'a', 乙: 'bc' }, { 甲: 'ab', 乙: 'c' }, { 甲: [], 乙: 'z' }, { 甲: '', 乙: 'z' }] as Values[]) tally.add('keys', v);
    // Due 2025-02 (deadline 02-28) and 2025-03 (03-28). 张伟's 交月 is a full date (its month is taken); 李娜 handed in late.
    tally.add('monthly', { 教师: '张伟', 月份: '2025-09', 日期: '2025-09-30', 交月: '2025-02-15', 交日: '2025-02-20', 评价: '合格' });
    tally.add('monthly', { 教师: '李娜', 月份: '2025-09', 日期: '2025-09-30', 交月: '2025-03', 交日: '2025-04-10', 评价: '优秀' });
    tally.add('plain', { 教师: ['张伟'], 提交日期: '2025-03-20', 月份: '2025-03' });
    // 4 named 在岗 teachers of 语文, and a 语文 roster row without a name (a teacher, but no one to count by name).
    const roster = people([...['张伟', '李娜', '王芳', '刘洋'].map((n) => ({ 姓名: n, 学科: '语文', 在岗: '是' })), { 学科: '语文', 在岗: '是' }]);
    return byName(tally.finish(roster));
  };

  test('达标 and 参与 count per teacher of the roster-referring name column', () => {
    const out = build();
    // Every one of the 4 took part (刘洋 with 0 节, his name trimmed); a ranked indicator starts with rank null.
    expect(out['参与']).toEqual({ register: 'visits', name: '参与', format: 'number', value: 4, reported: true, rank: null, num: 4, den: null });
    // ≥ 10 节: 张伟 12, 李娜 10, 王芳 11 (刘洋 0).
    expect(out['达标']).toEqual({ register: 'visits', name: '达标', format: 'number', value: 3, reported: true, num: 3, den: null });
    // 3 of the 5 teachers (the nameless roster row is a teacher too).
    expect(out['达标率']).toEqual({ register: 'visits', name: '达标率', format: 'percent', value: 0.6, reported: true, target: '≥ 50%', met: true, num: 3, den: 5 });
    // Without a field, 合计 counts each row as 1.
    expect(out['行合计']).toMatchObject({ value: 5, num: 5 });
    // ≥ 0 holds for every named teacher of the 名册条件, not for the nameless row.
    expect(out['语文全员']).toMatchObject({ value: 4 });
  });

  test('交叉表: axes from value sets only with exactly two fields', () => {
    const out = build();
    expect(out['级别×等级']).toEqual({
      register: 'cross',
      name: '级别×等级',
      format: 'table',
      value: 2,
      reported: true,
      num: 2,
      den: null,
      table: { 校级: { 一等: 0, 二等: 1 }, 县级: { 一等: 1, 二等: 0 } },
      axes: ['级别', '等级'],
    });
    expect([out['单字段'].table, out['单字段'].axes]).toEqual([{}, ['级别']]);
    expect([out['三字段'].table, out['三字段'].axes]).toEqual([{}, ['级别', '等级', '说明']]);
    // Columns without a value set: only what the rows hold.
    expect(out['无取值集合'].table).toEqual({ p: { q: 1, r: 1 } });
  });

  test('去重行数 keys join the fields apart and read an empty name list as blank', () => {
    const out = build();
    expect(out['去重']).toEqual({ register: 'keys', name: '去重', format: 'number', value: 3, reported: true, num: 3, den: null });
  });

  test("teacher-months: the 截止日期 rule's month and date fields, else the 月份 and 日期 columns", () => {
    const out = build();
    // 张伟 2025-02 on time, 李娜 2025-03 late.
    expect([out['实交'].num, out['按时'].num, out['按时'].den]).toEqual([2, 1, 2]);
    // Only 李娜's row is 优秀.
    expect(out['优秀实交'].num).toBe(1);
    // 张伟 2025-03, handed in 03-20 ≤ 03-28.
    expect(out['实交P']).toEqual({ register: 'plain', name: '实交P', format: 'number', value: 1, reported: true, num: 1, den: null });
    expect(out['按时P']).toEqual({ register: 'plain', name: '按时P', format: 'percent', value: 1, reported: true, num: 1, den: 1 });
  });

  test('without a roster every named teacher-month counts, and a blank name is no one', () => {
    const t = newTally();
    t.add('plain', { 教师: ['张伟', ''], 提交日期: '2025-03-20', 月份: '2025-03' });
    t.add('plain', { 教师: '', 提交日期: '2025-03-20', 月份: '2025-02' });
    expect(byName(t.finish(people([])))['实交P']).toMatchObject({ num: 1, value: 1 });
  });

  test('去重行数 and 人均去重行数 share their distinct keys with each other, not with a count over the same fields', () => {
    const fields = { field: '甲、乙' };
    const d = def({ keys: registers.keys }, [
      ind('keys', '行', '行数', fields),
      ind('keys', '合', '合计', fields),
      // 人均去重行数 first: it fills the set that 去重行数 then reads.
      ind('keys', '人均去重', '人均去重行数', fields),
      ind('keys', '去重', '去重行数', fields),
    ]);
    const t = new IndicatorTally(d, [], deadlineOf, days);
    // Rows a␀b twice and c␀d: 3 rows, 2 distinct keys; 2 teachers on the roster.
    for (const v of [{ 甲: 'a', 乙: 'b' }, { 甲: 'a', 乙: 'b' }, { 甲: 'c', 乙: 'd' }]) t.add('keys', v);
    const out = byName(t.finish(people(['张伟', '李娜'].map((n) => ({ 姓名: n, 在岗: '是' })))));
    expect([out['行'].num, out['合'].num, out['去重'].num, out['人均去重'].num, out['人均去重'].den, out['人均去重'].value]).toEqual([3, 3, 2, 2, 2, 1]);
  });

  test('参与人数 and 达标人数 are counts: they do not depend on the teacher total', () => {
    const d = def({ visits: registers.visits }, [ind('visits', '参与', '参与人数'), ind('visits', '达标', '达标人数', { field: '节数', value: 1 })]);
    const t = new IndicatorTally(d, [], deadlineOf, days);
    t.add('visits', visit(['张伟'], 1));
    const p: People = { hasRoster: true, teachers: 0, under40: 0, active: new Set(['张伟']), under40Names: new Set(), records: [] };
    const [joined, reached] = t.finish(p);
    expect(joined).toMatchObject({ num: 1, value: 1 });
    expect(reached).toMatchObject({ num: 1, value: 1, den: null });
  });
});
