/** Near-copied reflection titles across schools are flagged on both rows; within one school they are left to the engine. */
import fc from 'fast-check';
import { bandTable, ReflectionCheck, sortByHash } from '../../../server/report/consolidate/near-dup';
import { LSH_BANDS, RULES, setSimilarity, textShingles, textShingleSet, textSimilarity } from '../../../shared/similarity';

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

describe('each candidate pair is compared once, whatever the number of bands it shares', () => {
  // Titles from a few stems with small edits: many pairs share several bands, some share one, most none.
  const stems = ['在整本书阅读中培养学生的批判性思维能力', '低年级识字教学中的游戏化设计与反思', '科学课堂中的探究实验安全管理策略', '初中数学大单元教学的实践与思考'];
  const edits = (t: string, k: number) => [t, `${t}！`, t.replace('的', ''), `关于${t}`, t.slice(1), `${t}（第${k}稿）`, t.replace('中', '里')][k % 7];
  const rows: [string, number, string, string][] = [];
  for (let n = 0; n < 84; n++) rows.push([`S${n % 6}`, n + 2, edits(stems[n % 4], Math.floor(n / 4)), `教师${n % 9}`]);
  // A stock title in 45 rows: its band groups are larger than 40, stock phrasing and not evidence, never compared;
  // 15 rows of a variant share some of those groups and have small groups of their own, where they are compared.
  for (let n = 0; n < 60; n++) rows.push([`S${n % 7}`, 200 + n, n % 4 ? '学月教学反思与改进措施总结报告' : '学月教学反思与改进措施总结报表', `教师${n}`]);

  /** Brute force, independent of the band groups' order: every pair of rows in different schools sharing a band. */
  function reference(): { pairs: number; flagged: Map<string, number> } {
    const table = bandTable(rows.map((r) => r[2]));
    const sim = (a: string, b: string) => textSimilarity(a, b, RULES.title);
    const size = new Map<number, number>();
    for (const h of table) size.set(h, (size.get(h) ?? 0) + 1);
    let pairs = 0;
    const bestOf = new Map<number, { other: number; s: number }>();
    for (let a = 0; a < rows.length; a++)
      for (let b = a + 1; b < rows.length; b++) {
        if (rows[a][0] === rows[b][0]) continue;
        const shares = [...Array(LSH_BANDS).keys()].some((k) => table[a * LSH_BANDS + k] === table[b * LSH_BANDS + k] && size.get(table[a * LSH_BANDS + k])! <= 40);
        if (!shares) continue;
        pairs++;
        const s = sim(rows[a][2], rows[b][2]);
        if (s < RULES.title.threshold) continue;
        for (const [me, other] of [[a, b], [b, a]]) if ((bestOf.get(me)?.s ?? -1) < s) bestOf.set(me, { other, s });
      }
    return { pairs, flagged: new Map([...bestOf].map(([me, { s }]) => [`${rows[me][0]}:${rows[me][1]}`, Math.round(s * 100)])) };
  }

  test('the pairs compared and the rows flagged are those of a brute-force pass', () => {
    const check = new ReflectionCheck();
    for (const [school, row, title, teacher] of rows) check.add(school, 's', row, { 题目: title, 教师: teacher, 月份: '2025-03' });
    const issues = check.finish();
    const ref = reference();
    expect(ref.pairs).toBeGreaterThan(300); // the input does exercise pairs sharing several bands
    const stock = [...ref.flagged.keys()].filter((k) => /:2\d\d$/.test(k)).map((k) => Number(k.split(':')[1]) - 200);
    expect(stock.length).toBeGreaterThan(0);
    expect(stock.every((n) => n % 4 === 0)).toBe(true); // only the variant's rows
    expect(check.comparisons).toBe(ref.pairs);
    const got = new Map(issues.map((i) => [`${i.school}:${i.row}`, Number(/相似度约 (\d+)%/.exec(i.message)![1])]));
    expect(got).toEqual(ref.flagged);
  });
});

describe('the fast parts give what the plain ones give', () => {
  test('sortByHash orders the band positions as sorting hash · 2²¹ + row id did, rows rising within a hash', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(0, 1, 0x7ff, 0x800, 0x7fffffff, 0x80000000, 0xffffffff), fc.integer({ min: 0, max: 0xffffffff })), { maxLength: 400 }), (values) => {
        const used = values.length - (values.length % LSH_BANDS);
        const byRow = Uint32Array.from(values);
        const { order, hashes } = sortByHash(byRow, used);
        expect(Array.from(hashes)).toEqual(Array.from(order, (k) => byRow[k]));
        const keys = Array.from({ length: used }, (_, k) => byRow[k] * 2 ** 21 + Math.floor(k / LSH_BANDS)).sort((a, b) => a - b);
        expect(Array.from(order, (k) => byRow[k])).toEqual(keys.map((k) => Math.floor(k / 2 ** 21)));
        expect(Array.from(order, (k) => Math.floor(k / LSH_BANDS))).toEqual(keys.map((k) => k % 2 ** 21));
        // each position once
        expect(new Set(order).size).toBe(used);
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });

  test('shingle sets as sorted codes compare exactly as the string sets do (astral characters, lone surrogates, short texts)', () => {
    const alphabet = [...'在整本书阅读中培养学生的批判性思维能力短题目ABab12：，。 ', '😀', '𠀋', '\ud83d', '\ude00', 'ｶ', 'ﾞ'];
    // short runs repeated, so that texts repeat shingles (a set counts each once)
    const text = fc
      .tuple(fc.array(fc.constantFrom(...alphabet), { maxLength: 8 }), fc.integer({ min: 1, max: 4 }), fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }))
      .map(([run, times, rest]) => run.join('').repeat(times) + rest.join(''));
    for (const rule of [RULES.title, { ...RULES.title, minLength: 1 }, { ...RULES.body, minLength: 1 }])
      fc.assert(
        fc.property(text, text, (a, b) => {
          const sa = textShingleSet(a, rule);
          const sb = textShingleSet(b, rule);
          expect(sa === null).toBe(textShingles(a, rule) === null);
          expect(sa && sb ? setSimilarity(sa, sb) : 0).toBe(textSimilarity(a, b, rule));
        }),
        { numRuns: 1500, seed: 20261205 },
      );
  });
});
