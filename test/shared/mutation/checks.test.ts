/**
 * Each rule check of shared/checks/ through the engine, asserting whole findings — code, severity, row, column,
 * field, value and the params a message is made from (the other row, the rule in words, the count) — for the case a
 * school would send (issue 15's surviving mutants: params were not asserted anywhere).
 */
import { validateWorkbook, type Finding, type SheetInput, type ValidateOptions } from '../../../shared';

const OPTS: ValidateOptions = { term: '2025春', asOf: '2025-06-30' };

/** The findings of one code, without the message (its wording is messages-zh's business). */
function found(sheet: SheetInput, code: Finding['code'], opts: ValidateOptions = OPTS): Omit<Finding, 'message' | 'sheet'>[] {
  return validateWorkbook([sheet], opts).sheets[0].findings.filter((f) => f.code === code).map(({ message: _m, sheet: _s, ...rest }) => rest);
}

const roster = (rows: (string | null)[][]): SheetInput => ({ sheet: '教师名册', grid: [['姓名', '工号', '学科'], ...rows] });

describe('homonym (重名需填写工号)', () => {
  test('namesakes without 工号 each name the others; a repeated 工号 names the first', () => {
    const sheet = roster([
      ['张伟', null, '语文'],
      ['张伟', 'T2', '数学'],
      ['李娜', 'T3', '语文'],
      ['李娜', 'T3', '数学'],
      ['王芳', null, '语文'],
      ['王芳', null, '英语'],
      ['王芳', 'T7', '数学'],
      ['赵敏', 'T8', '语文'],
      ['赵敏', 'T9', '数学'],
    ]);
    expect(found(sheet, 'duplicate')).toEqual([
      { code: 'duplicate', severity: 'error', row: 2, col: 'B', field: '工号', value: null, params: { other: '第 3 行', rule: '与同名教师“张伟”重名，需填写工号' } },
      { code: 'duplicate', severity: 'error', row: 5, col: 'B', field: '工号', value: 'T3', params: { other: '第 4 行', rule: '同名教师“李娜”的工号相同' } },
      { code: 'duplicate', severity: 'error', row: 6, col: 'B', field: '工号', value: null, params: { other: '第 7、8 行', rule: '与同名教师“王芳”重名，需填写工号' } },
      { code: 'duplicate', severity: 'error', row: 7, col: 'B', field: '工号', value: null, params: { other: '第 6、8 行', rule: '与同名教师“王芳”重名，需填写工号' } },
    ]);
  });

  test('one teacher, or rows without a name, are no namesakes', () => {
    expect(found(roster([['张伟', null, '语文'], [null, null, '数学'], [null, null, '英语']]), 'duplicate')).toEqual([]);
  });
});

describe('requires (条件必填)', () => {
  const projects = (rows: (string | null)[][], header = ['课题名称', '级别', '主持人', '阶段', '立项日期', '结题日期']): SheetInput => ({ sheet: '课题登记', grid: [header, ...rows] });

  test('a stage that needs a date names the stage and the column', () => {
    expect(found(projects([['整本书阅读研究', '区县级', '张伟', '立项', null, null], ['识字游戏化研究', '区县级', '张伟', '申报', null, null]]), 'requires', { ...OPTS, roster: [{ name: '张伟' }] })).toEqual([
      { code: 'requires', severity: 'error', row: 2, col: 'E', field: '立项日期', value: null, params: { rule: '阶段为“立项”时，“立项日期”必须填写' } },
    ]);
  });

  test('a column the sheet lacks is named as missing, with no column letter', () => {
    const header = ['课题名称', '级别', '主持人', '阶段', '立项日期'];
    expect(found(projects([['整本书阅读研究', '区县级', '张伟', '结题', '2025-03-01']], header), 'requires', { ...OPTS, roster: [{ name: '张伟' }] })).toEqual([
      { code: 'requires', severity: 'error', row: 2, col: '', field: '结题日期', value: null, params: { rule: '阶段为“结题”时，需要填写“结题日期”（表中缺少此列）' } },
    ]);
  });

  test('获奖 needs 去向 评比: the other field must take one of the given values', () => {
    const papers: SheetInput = {
      sheet: '论文投稿',
      grid: [
        ['教师', '题目', '去向', '评比或刊物', '级别', '提交日期', '状态', '获奖等级'],
        ['张伟', '整本书阅读的三个抓手', '投稿', '四川教育', '省级', '2025-03-10', '获奖', '一等奖'],
        ['张伟', '识字教学的游戏化', '评比', '区论文评比', '区县级', '2025-03-10', '获奖', '一等奖'],
      ],
    };
    expect(found(papers, 'requires', { ...OPTS, roster: [{ name: '张伟' }] })).toEqual([
      { code: 'requires', severity: 'error', row: 2, col: 'C', field: '去向', value: '投稿', params: { rule: '状态为“获奖”时，“去向”应为“评比”' } },
    ]);
  });
});

describe('forbids (条件禁填)', () => {
  test('获奖等级 on a course that is not a 竞赛课 names the rule', () => {
    const courses: SheetInput = {
      sheet: '课程登记',
      grid: [
        ['日期', '授课教师', '学科', '课名', '课型', '级别', '获奖等级'],
        ['2025-03-12', '张伟', '语文', '《春》', '研究课', '校级', '一等奖'],
        ['2025-03-13', '张伟', '语文', '《背影》', '竞赛课', '区县级', '一等奖'],
      ],
    };
    expect(found(courses, 'forbids', { ...OPTS, roster: [{ name: '张伟' }] })).toEqual([
      { code: 'forbids', severity: 'error', row: 2, col: 'G', field: '获奖等级', value: '一等奖', params: { rule: '只有课型为“竞赛课”时才能填写“获奖等级”' } },
    ]);
  });
});

describe('order, overdue (课题登记)', () => {
  const sheet: SheetInput = {
    sheet: '课题登记',
    grid: [
      ['课题名称', '级别', '主持人', '阶段', '立项日期', '计划结题日期', '结题日期'],
      ['整本书阅读研究', '区县级', '张伟', '结题', '2025-03-02', '2025-06-30', '2025-03-01'],
      ['识字游戏化研究', '区县级', '张伟', '中期', '2024-09-01', '2025-06-29', null],
      ['口语交际研究', '区县级', '张伟', '中期', '2024-09-01', '2025-06-30', null],
      ['作业设计研究', '区县级', '张伟', '撤销', '2024-09-01', '2025-01-31', null],
    ],
  };
  const opts = { ...OPTS, roster: [{ name: '张伟' }] };

  test('结题日期 before 立项日期: both dates in the rule', () => {
    expect(found(sheet, 'order', opts)).toEqual([
      { code: 'order', severity: 'error', row: 2, col: 'G', field: '结题日期', value: '2025-03-01', params: { rule: '“结题日期”2025-03-01 早于“立项日期”2025-03-02' } },
    ]);
  });

  test('planned end before the as-of date and not closed is overdue; on the as-of date it is not yet', () => {
    expect(found(sheet, 'overdue', opts)).toEqual([{ code: 'overdue', severity: 'warning', row: 3, col: 'F', field: '计划结题日期', value: '2025-06-29' }]);
  });
});

describe('学月反思: per_term_limit, month_in_term, deadline, text_length', () => {
  const header = ['月份', '教师', '题目', '形式', '字数', '提交日期', '正文'];
  const refl = (rows: (string | number | null)[][]): SheetInput => ({ sheet: '学月反思', grid: [header, ...rows] });
  const opts = { ...OPTS, roster: [{ name: '张伟' }, { name: '李娜' }] };

  test('a second 读书心得/阅读推荐 in the term: count, limit and the rule with the teacher', () => {
    const sheet = refl([
      ['2025-03', '张伟', '读《给教师的建议》', '读书心得', 900, '2025-03-20', null],
      ['2025-04', '张伟', '推荐《窗边的小豆豆》', '阅读推荐', 900, '2025-04-20', null],
      ['2025-04', '李娜', '读《教育漫话》', '读书心得', 900, '2025-04-20', null],
    ]);
    expect(found(sheet, 'per_term_limit', opts)).toEqual([
      { code: 'per_term_limit', severity: 'error', row: 3, col: 'D', field: '形式', value: '阅读推荐', params: { count: 2, max: 1, rule: '张伟的“读书心得”与“阅读推荐”一学期不超过 1 次' } },
    ]);
  });

  test('a month outside the term names the term and its first and last month', () => {
    const sheet = refl([['2025-08', '张伟', '开学准备', '教育教学随笔', 900, '2025-08-20', null]]);
    expect(found(sheet, 'out_of_term', opts)).toEqual([
      { code: 'out_of_term', severity: 'warning', row: 2, col: 'A', field: '月份', value: '2025-08', params: { expected: '2025春：2025-02 至 2025-07' } },
    ]);
  });

  test("handed in after the month's last Friday (2025-03-28) is late; on that day it is not; a district date wins", () => {
    const sheet = refl([
      ['2025-03', '张伟', '三月随笔', '教育教学随笔', 900, '2025-03-28', null],
      ['2025-03', '李娜', '三月随笔', '教育教学随笔', 900, '2025-03-29', null],
    ]);
    expect(found(sheet, 'late', opts)).toEqual([{ code: 'late', severity: 'warning', row: 3, col: 'F', field: '提交日期', value: '2025-03-29', params: { deadline: '2025-03-28' } }]);
    expect(found(sheet, 'late', { ...opts, reflectionDeadlines: { '2025-03': '2025-03-31' } })).toEqual([]);
    expect(found(sheet, 'late', { ...opts, reflectionDeadlines: { '2025-03': '2025-03-27' } }).map((f) => [f.row, f.params])).toEqual([
      [2, { deadline: '2025-03-27' }],
      [3, { deadline: '2025-03-27' }],
    ]);
  });

  test('字数 more than 10% away from the counted 正文 is a warning carrying the count; 10% exactly is not', () => {
    const body = '教'.repeat(1000);
    const sheet = refl([
      ['2025-03', '张伟', '三月随笔', '教育教学随笔', 1100, '2025-03-20', body],
      ['2025-04', '张伟', '四月随笔', '教育教学随笔', 1101, '2025-04-20', body],
      ['2025-05', '张伟', '五月随笔', '教育教学随笔', 899, '2025-05-20', body],
      ['2025-06', '张伟', '六月随笔', '教育教学随笔', 900, '2025-06-20', body],
    ]);
    expect(found(sheet, 'word_count', opts)).toEqual([
      { code: 'word_count', severity: 'warning', row: 3, col: 'E', field: '字数', value: 1101, params: { count: 1000 } },
      { code: 'word_count', severity: 'warning', row: 4, col: 'E', field: '字数', value: 899, params: { count: 1000 } },
    ]);
  });
});

describe('论文投稿: unique and same_title', () => {
  const header = ['教师', '题目', '去向', '评比或刊物', '级别', '提交日期', '状态'];
  const papers = (rows: string[][]): SheetInput => ({ sheet: '论文投稿', grid: [header, ...rows] });
  const opts = { ...OPTS, roster: [{ name: '张伟' }, { name: '李娜' }] };

  test('the same teacher, title and contest twice: an error naming the first row and the fields', () => {
    const sheet = papers([
      ['张伟', '整本书阅读的三个抓手', '评比', '区论文评比', '区县级', '2025-03-10', '已提交'],
      ['张伟', '整本书阅读的三个抓手', '评比', '市论文评比', '市级', '2025-03-10', '已提交'],
      ['张伟', '整本书阅读的 三个抓手', '评比', '区论文评比', '区县级', '2025-03-11', '已提交'],
    ]);
    expect(found(sheet, 'duplicate', opts)).toEqual([
      { code: 'duplicate', severity: 'error', row: 4, col: 'B', field: '题目', value: '整本书阅读的 三个抓手', params: { other: '第 2 行', rule: '教师、题目、评比或刊物均相同' } },
    ]);
  });

  test('one title under two teachers: a warning on each row naming the other row and teacher', () => {
    const sheet = papers([
      ['张伟', '整本书阅读的三个抓手', '评比', '区论文评比', '区县级', '2025-03-10', '已提交'],
      ['李娜', '整本书阅读的三个抓手', '投稿', '四川教育', '省级', '2025-03-10', '已提交'],
    ]);
    expect(found(sheet, 'duplicate', opts)).toEqual([
      { code: 'duplicate', severity: 'warning', row: 2, col: 'B', field: '题目', value: '整本书阅读的三个抓手', params: { other: '本表第 3 行（李娜）' } },
      { code: 'duplicate', severity: 'warning', row: 3, col: 'B', field: '题目', value: '整本书阅读的三个抓手', params: { other: '本表第 2 行（张伟）' } },
    ]);
  });

  test('a co-authored paper is the first author’s: 张伟、李娜 and 张伟 with one title are one teacher', () => {
    const sheet = papers([
      ['张伟、李娜', '整本书阅读的三个抓手', '评比', '区论文评比', '区县级', '2025-03-10', '已提交'],
      ['张伟', '整本书阅读的三个抓手', '投稿', '四川教育', '省级', '2025-03-10', '已提交'],
      ['李娜、张伟', '整本书阅读的三个抓手', '投稿', '福建教育', '省级', '2025-03-10', '已提交'],
    ]);
    expect(found(sheet, 'duplicate', opts).map((f) => [f.row, f.params?.other])).toEqual([
      [2, '本表第 4 行（李娜）'],
      [3, '本表第 4 行（李娜）'],
      [4, '本表第 2 行（张伟）、本表第 3 行（张伟）'],
    ]);
  });
});
