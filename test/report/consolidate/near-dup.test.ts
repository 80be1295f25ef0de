/** Near-copied reflection titles across schools are flagged on both rows; within one school they are left to the engine. */
import { bandTable, ReflectionCheck } from '../../../server/report/consolidate/near-dup';
import { LSH_BANDS } from '../../../shared/similarity';

const v = (题目: string, 教师: string) => ({ 题目, 教师, 月份: '2025-03' });

test('a title copied with a small edit in another school is flagged on both sides, once per row', () => {
  const check = new ReflectionCheck((code) => ({ A: '甲小学', B: '乙小学' })[code] ?? code);
  check.add('A', 'a.xlsx［反思］', 3, v('在整本书阅读中培养学生的批判性思维能力', '张伟'));
  check.add('A', 'a.xlsx［反思］', 4, v('低年级识字教学中的游戏化设计与反思', '李娜'));
  check.add('B', 'b.xlsx［反思］', 7, v('在整本书阅读中培养学生批判性思维的能力', '王强')); // near copy of A row 3
  check.add('B', 'b.xlsx［反思］', 8, v('科学课堂中的探究实验安全管理', '赵敏'));
  check.add('A', 'a.xlsx［反思］', 9, v('在整本书阅读中培养学生的批判性思维能力！', '孙丽')); // same school: not ours
  check.add('B', 'b.xlsx［反思］', 9, v('短题目', '钱七')); // under 8 characters: never compared
  const issues = check.finish();
  expect(issues.map((i) => [i.school, i.row, i.code, i.severity, i.field])).toEqual([
    ['A', 3, 'near_duplicate', 'warning', '题目'],
    ['B', 7, 'near_duplicate', 'warning', '题目'],
    ['A', 9, 'near_duplicate', 'warning', '题目'],
  ]);
  expect(issues[1].message).toContain('甲小学');
});

test('unrelated titles give nothing', () => {
  const check = new ReflectionCheck();
  const topics = ['整本书阅读', '大单元教学', '作业设计', '课堂提问', '小组合作', '跨学科学习', '劳动教育', '家校共育'];
  topics.forEach((t, i) => check.add(i % 2 ? 'A' : 'B', 's', i + 2, v(`${t}的实践与思考第${i}篇随笔`, `教师${i}`)));
  expect(check.finish()).toEqual([]);
});

test('band hashes computed elsewhere (a worker) give the same result as computing them here', () => {
  const rows: [string, string, number, string][] = [
    ['A', 'a', 3, '在整本书阅读中培养学生的批判性思维能力'],
    ['B', 'b', 7, '在整本书阅读中培养学生批判性思维的能力'],
    ['B', 'b', 8, '短题目'],
    ['C', 'c', 2, '科学课堂中的探究实验安全管理'],
  ];
  const here = new ReflectionCheck();
  for (const [school, sheet, row, t] of rows) here.add(school, sheet, row, v(t, '某'));
  const table = bandTable(rows.map((r) => r[3]));
  const there = new ReflectionCheck();
  rows.forEach(([school, sheet, row, t], n) => there.add(school, sheet, row, v(t, '某'), table.subarray(n * LSH_BANDS, (n + 1) * LSH_BANDS)));
  expect(there.finish()).toEqual(here.finish());
  expect(here.finish().map((i) => i.school)).toEqual(['A', 'B']);
});
