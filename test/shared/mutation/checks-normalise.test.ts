/**
 * Group E's surviving mutants in shared/checks/ and shared/normalise/{name,enum,number,serial-number}.ts: each rule
 * check run directly on a small hand-built Table (so rules the built-in registers do not contain — two allowed
 * values, a requires without fields, a unique over two text fields — are covered), and the normalisers' less common
 * inputs. Every expected value is worked out by hand.
 */
import type { CheckContext, Report, Value } from '../../../shared/checks/check';
import { filled } from '../../../shared/checks/check';
import { forbidsCheck } from '../../../shared/checks/forbids';
import { perTermLimitCheck } from '../../../shared/checks/per-term-limit';
import { requiresCheck } from '../../../shared/checks/requires';
import { sameTitleCheck } from '../../../shared/checks/same-title';
import { similarTextCheck } from '../../../shared/checks/similar-text';
import { keyOf, uniqueCheck } from '../../../shared/checks/unique';
import { compileEnum } from '../../../shared/normalise/enum';
import { parseName } from '../../../shared/normalise/name';
import { parseNumber } from '../../../shared/normalise/number';
import { isValidIssn, parseJournalNumber } from '../../../shared/normalise/serial-number';
import { Table } from '../../../shared/table';
import type { Cell } from '../../../shared/types';

/**
 * A table of data rows (Excel rows 2, 3, …) from per-field values; the raw cells are the values themselves unless
 * `raw` gives other cells for a field.
 */
function table(cols: Record<string, Value[]>, raw: Record<string, Cell[]> = {}): Table {
  const fields = Object.keys(cols);
  const n = cols[fields[0]].length;
  const rowNos = Array.from({ length: n }, (_, i) => i + 2);
  const cellRows = rowNos.map((_, i) => fields.map((f) => (raw[f] ? raw[f][i] : (cols[f][i] as Cell))));
  return new Table(fields, new Map(fields.map((f) => [f, cols[f]])), rowNos, cellRows, new Map(fields.map((f, j) => [f, j])));
}

/** Runs a check and returns what it reported; `groups` are the row groups ctx.groups hands out. */
function run<R>(check: { run(rule: R, t: Table, ctx: CheckContext): void }, rule: R, t: Table, groups: number[][] = []): Report[] {
  const out: Report[] = [];
  const ctx = {
    sheet: 'S',
    options: {},
    column: (f: string) => (t.fields.includes(f) ? ({} as never) : undefined),
    report: (r: Report) => out.push(r),
    groups: () => groups,
  } as unknown as CheckContext;
  check.run(rule, t, ctx);
  return out;
}

describe('filled', () => {
  test.each<[Value | undefined, boolean]>([
    [undefined, false],
    [null, false],
    ['', false],
    [[], false],
    [['张伟'], true],
    ['x', true],
    [0, true],
    [false, true],
  ])('filled(%p) is %p', (v, expected) => {
    expect(filled(v)).toBe(expected);
  });
});

describe('forbids with two allowed values', () => {
  test('the rule names both values, joined with 或', () => {
    const t = table({ 课型: ['研究课', '展示课', '研究课'], 获奖等级: ['一等奖', '二等奖', null] });
    const rule = { rule: 'forbids' as const, field: '获奖等级', unless: { field: '课型', in: ['竞赛课', '展示课'] } };
    expect(run(forbidsCheck, rule, t)).toEqual([
      { code: 'forbids', row: 2, field: '获奖等级', value: '一等奖', params: { rule: '只有课型为“竞赛课”或“展示课”时才能填写“获奖等级”' } },
    ]);
  });
});

describe('requires', () => {
  test('a rule with only `then` reports nothing but the wrong value, naming both allowed values', () => {
    const t = table({ 状态: ['获奖', '获奖', '录用'], 去向: ['投稿', '展评', '投稿'] });
    const rule = { rule: 'requires' as const, when: { field: '状态', in: ['获奖'] }, then: { field: '去向', in: ['评比', '展评'] } };
    expect(run(requiresCheck, rule, t)).toEqual([
      { code: 'requires', row: 2, field: '去向', value: '投稿', params: { rule: '状态为“获奖”时，“去向”应为“评比”或“展评”' } },
    ]);
  });

  test('a required cell that is filled but unreadable is not reported again; a blank one is', () => {
    const t = table({ 阶段: ['结题', '结题', '结题'], 结题日期: [null, null, '2025-06-01'] }, { 结题日期: ['2025-13-45', null, '2025-06-01'] });
    const rule = { rule: 'requires' as const, when: { field: '阶段', in: ['结题'] }, fields: ['结题日期'] };
    expect(run(requiresCheck, rule, t)).toEqual([
      { code: 'requires', row: 3, field: '结题日期', value: null, params: { rule: '阶段为“结题”时，“结题日期”必须填写' } },
    ]);
  });
});

describe('per_term_limit', () => {
  test('only the limited forms count', () => {
    const t = table({ 教师: ['张伟', '张伟', '张伟', null, null], 形式: ['教学反思', '教学反思', '读书心得', '读书心得', '读书心得'] });
    const rule = { rule: 'per_term_limit' as const, field: '形式', values: ['读书心得'], per: '教师', max: 1 };
    expect(run(perTermLimitCheck, rule, t)).toEqual([]);
  });
});

describe('similar_text (题目, 2-character shingles, threshold 0.7)', () => {
  const rule = { rule: 'similar_text' as const, fields: [['题目', 'title']] as [string, 'title' | 'body'][], per: '教师' };

  test('exactly 0.7 is a near-duplicate; both rows name the other row and its teacher', () => {
    // 整本书阅读教学的实践: 9 shingles; 整本书阅读教学的课: 8, of which 7 shared → 7 / (9 + 8 − 7) = 0.7.
    const t = table({ 教师: ['张伟', '李娜'], 题目: ['整本书阅读教学的实践', '整本书阅读教学的课'] });
    expect(run(similarTextCheck, rule, t)).toEqual([
      { code: 'near_duplicate', row: 2, field: '题目', value: '整本书阅读教学的实践', params: { other: '本表第 3 行（李娜）', similarity: 0.7 } },
      { code: 'near_duplicate', row: 3, field: '题目', value: '整本书阅读教学的课', params: { other: '本表第 2 行（张伟）', similarity: 0.7 } },
    ]);
  });

  test('a pair below the threshold is not reported, even when the two titles share an LSH band', () => {
    // 12 and 11 shingles, 9 shared → 9 / 14 ≈ 0.64.
    const t = table({ 教师: ['张伟', '李娜'], 题目: ['整本书阅读教学的实践与思考', '整本书阅读教学的实践研究'] });
    expect(run(similarTextCheck, rule, t)).toEqual([]);
  });

  test('a lone title is compared with nothing, whatever it reads', () => {
    const t = table({ 教师: ['张伟'], 题目: ['Undefined'] });
    expect(run(similarTextCheck, rule, t)).toEqual([]);
  });
});

describe('unique', () => {
  test.each<[Value, string]>([
    [null, ''],
    [['张伟'], '张伟'],
    [['张伟', '李娜'], '张伟、李娜'],
    [['Ab C', 'D'], 'abc、d'],
    [12, '12'],
    ['整本 书 ', '整本书'],
    ['整本书', '整本书'],
  ])('keyOf(%p) is %p', (v, expected) => {
    expect(keyOf(v)).toBe(expected);
  });

  test('fields are kept apart in the key: ab + c is not a + bc', () => {
    const t = table({ 题目: ['ab', 'a', 'x y', 'XY'], 刊物: ['c', 'bc', 'Z', 'z'] });
    const rule = { rule: 'unique' as const, fields: ['题目', '刊物'], on: '题目', severity: 'error' as const };
    expect(run(uniqueCheck, rule, t, [[0, 1], [2, 3]])).toEqual([
      { code: 'duplicate', row: 5, field: '题目', value: 'XY', severity: 'error', params: { other: '第 4 行', rule: '题目、刊物均相同' } },
    ]);
  });
});

describe('same_title', () => {
  test('a row without a teacher is named with empty brackets', () => {
    const t = table({ 题目: ['整本书阅读', '整本书阅读', '整本书阅读'], 教师: [['张伟'], [], null] });
    const rule = { rule: 'same_title' as const, field: '题目', per: '教师' };
    expect(run(sameTitleCheck, rule, t, [[0, 1, 2]])).toEqual([
      { code: 'duplicate', row: 2, field: '题目', value: '整本书阅读', severity: 'warning', params: { other: '本表第 3 行（）、本表第 4 行（）' } },
      { code: 'duplicate', row: 3, field: '题目', value: '整本书阅读', severity: 'warning', params: { other: '本表第 2 行（张伟）' } },
      { code: 'duplicate', row: 4, field: '题目', value: '整本书阅读', severity: 'warning', params: { other: '本表第 2 行（张伟）' } },
    ]);
  });
});

describe('parseName', () => {
  test.each<[string, string]>([
    ['张 伟', '张伟'],
    ['迪丽热巴 · 迪力木拉提', '迪丽热巴·迪力木拉提'],
    ['Anna  Lee', 'Anna Lee'],
    ['John · Smith', 'John·Smith'],
    ['John· Smith', 'John·Smith'],
    ['John ·Smith', 'John·Smith'],
    // The dot stays and counts as part of a Chinese name, so the space elsewhere in it is removed too.
    ['迪丽热巴·迪力木 拉提', '迪丽热巴·迪力木拉提'],
  ])('%p → %p with a spacing fix', (raw, fixed) => {
    expect(parseName(raw)).toEqual({ ok: true, value: fixed, note: { code: 'spacing', fix: fixed } });
  });

  test.each(['张伟', 'John Smith', 'J. Smith'])('%p is left as it is', (raw) => {
    expect(parseName(raw)).toEqual({ ok: true, value: raw });
  });
});

describe('compileEnum', () => {
  const m = compileEnum({ id: 't', values: { 一等奖: [], 是: [], 否: [], STRASSE: [] } });

  test.each<[Cell, unknown]>([
    ['一等獎', { ok: true, value: '一等奖', note: { code: 'alias', fix: '一等奖' } }],
    [' 一等 奖 ', { ok: true, value: '一等奖', note: { code: 'spacing', fix: '一等奖' } }],
    [false, { ok: true, value: '否' }],
    [true, { ok: true, value: '是' }],
    ['straße', { ok: true, value: 'STRASSE', note: { code: 'alias', fix: 'STRASSE' } }],
  ])('%p → %p', (cell, expected) => {
    expect(m.match(cell)).toEqual(expected);
  });
});

describe('parseNumber', () => {
  test.each<[Cell, unknown]>([
    [1.5, { ok: true, value: 1.5 }],
    ['1,200字', { ok: true, value: 1200 }],
    ['', { ok: false, code: 'number' }],
    ['1e3', { ok: false, code: 'number' }],
    ['0x1A', { ok: false, code: 'number' }],
    [NaN, { ok: false, code: 'number' }],
    [Infinity, { ok: false, code: 'number' }],
  ])('%p → %p', (cell, expected) => {
    expect(parseNumber(cell)).toEqual(expected);
  });

  test('integer rejects a fraction', () => {
    expect(parseNumber(1.5, true)).toEqual({ ok: false, code: 'integer' });
  });
});

describe('journal numbers', () => {
  // 1234-567?: 1·8 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 = 112; 112 mod 11 = 2; 11 − 2 = 9.
  test.each<[string, boolean]>([
    ['1234-5679', true],
    ['12345679', true],
    ['1234-5678', false],
    ['01234-5679', false],
    // A valid ISSN followed by anything more is not an ISSN.
    ['1234-56790', false],
    ['1234-5679X', false],
  ])('isValidIssn(%p) is %p', (issn, valid) => {
    expect(isValidIssn(issn)).toBe(valid);
  });

  test.each<[string, unknown]>([
    ['第3期', { ok: false, code: 'pattern', params: { expected: 'ISSN 1234-5679 或 CN 11-1234/G4' } }],
    ['ISSN 1234-5670', { ok: false, code: 'checksum', params: { expected: '9' } }],
    ['ıssn 1234-5679', { ok: true, value: 'ISSN 1234-5679' }],
    ['issn 1234-5679 cn 51-1234/g4', { ok: true, value: 'ISSN 1234-5679 CN 51-1234/G4' }],
  ])('parseJournalNumber(%p) → %p', (cell, expected) => {
    expect(parseJournalNumber(cell)).toEqual(expected);
  });
});
