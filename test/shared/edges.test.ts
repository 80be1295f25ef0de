/**
 * Edge cases that a small wrong change would get past unnoticed (issue 15's surviving mutants), each written as the
 * case a school would send, with its expected findings and figures written out here.
 */
import { validateWorkbook, type SheetInput } from '../../shared';
import { fillMerged } from '../../shared/grid';
import { computeSummary, type SummarySchool } from '../../shared/metrics';
import { isValidYmd } from '../../shared/normalise/date';
import type { NormRecord } from '../../shared/types';

const OPTS = { term: '2025春', asOf: '2025-06-30' };
const triples = (sheets: SheetInput[]) => validateWorkbook(sheets, OPTS).sheets.flatMap((s) => s.findings.map((f) => [f.code, f.row, f.field]));

test('a project approved and concluded on the same day is in order (结题日期 = 立项日期 is not before it)', () => {
  const projects = {
    sheet: '课题登记',
    grid: [
      ['课题名称', '课题编号', '级别', '主持人', '立项日期', '计划结题日期', '阶段', '结题日期'],
      ['小学整本书阅读的实践研究', 'KT-2025-01', '区县级', '张伟', '2025-03-01', '2025-06-30', '结题', '2025-03-01'],
      ['低年级识字游戏化研究', 'KT-2025-02', '区县级', '李娜', '2025-03-02', '2025-06-30', '结题', '2025-03-01'],
    ],
  };
  expect(triples([projects]).filter(([code]) => code === 'order')).toEqual([['order', 3, '结题日期']]);
});

test('day 0 of a month is no date (2025-03-00), nor day 32; the last day of February only in leap years', () => {
  expect([isValidYmd(2025, 3, 0), isValidYmd(2025, 3, 1), isValidYmd(2025, 1, 32), isValidYmd(2025, 2, 29), isValidYmd(2024, 2, 29)]).toEqual([false, true, false, false, true]);
  const papers = {
    sheet: '论文投稿',
    grid: [
      ['教师', '题目', '去向', '评比或刊物', '级别', '提交日期', '状态'],
      ['张伟', '整本书阅读的三个抓手', '评比', '区论文评比', '区县级', '2025-03-00', '已提交'],
    ],
  };
  expect(triples([papers]).filter(([code]) => code === 'date')).toEqual([['date', 2, '提交日期']]);
});

test("a teacher's own two similar reflections are not flagged; another teacher's near-copy is", () => {
  const refl = (rows: (string | number)[][]) => ({
    sheet: '学月反思',
    grid: [['月份', '教师', '题目', '形式', '字数', '提交日期', '正文'], ...rows],
  });
  const text = '在整本书阅读中培养学生的批判性思维能力';
  const own = triples([refl([['2025-03', '张伟', text, '教育教学随笔', 900, '2025-03-20', ''], ['2025-04', '张伟', `${text}（二）`, '教育教学随笔', 900, '2025-04-20', '']])]);
  expect(own.filter(([code]) => code === 'near_duplicate')).toEqual([]);
  const other = triples([refl([['2025-03', '张伟', text, '教育教学随笔', 900, '2025-03-20', ''], ['2025-04', '李娜', `${text}（二）`, '教育教学随笔', 900, '2025-04-20', '']])]);
  expect(other.filter(([code]) => code === 'near_duplicate')).toEqual([
    ['near_duplicate', 2, '题目'],
    ['near_duplicate', 3, '题目'],
  ]);
});

const rec = (values: NormRecord['values']): NormRecord => ({ row: 2, values });
const school = (records: SummarySchool['records']): SummarySchool => ({ code: 'A', name: '甲校', type: '小学', records });
const roster = [rec({ 姓名: '张伟', 在岗: '是' }), rec({ 姓名: '李娜', 在岗: '是' })];

test('a reflection handed in late and again on time counts as on time, whichever copy is listed first', () => {
  const late = rec({ 月份: '2025-03', 教师: '张伟', 题目: 'a', 提交日期: '2025-04-02' });
  const onTime = rec({ 月份: '2025-03', 教师: '张伟', 题目: 'a', 提交日期: '2025-03-20' });
  for (const order of [[late, onTime], [onTime, late]]) {
    const s = computeSummary({ term: '2025春', asOf: '2025-04-30', schools: [school({ roster, reflections: order })] });
    expect([s.schools[0].reflections.submitted, s.schools[0].reflections.onTime]).toEqual([1, 1]);
    expect(s.schools[0].metrics!.find((m) => m.name === '反思按时率')!.value).toBe(1);
  }
});

test("two teachers' papers with one title are two qualified papers; one teacher's paper in two contests is one", () => {
  const paper = (教师: string[], 评比或刊物: string) => rec({ 教师, 题目: '整本书阅读的三个抓手', 去向: '评比', 评比或刊物, 级别: '区县级', 状态: '获奖', 获奖等级: '一等奖' });
  const s = computeSummary({
    term: '2025春',
    asOf: '2025-06-30',
    schools: [school({ roster, papers: [paper(['张伟'], '区论文评比'), paper(['李娜'], '区论文评比'), paper(['张伟'], '市论文评比')] })],
  });
  expect(s.schools[0].papers.qualified).toBe(2);
  expect(s.schools[0].metrics!.find((m) => m.name === '县二等奖及以上或发表篇数')!.value).toBe(2);
});

test('a merge never fills past the grid, nor over a cell that has a value of its own', () => {
  const grid = [['张伟', '甲'], [null, '乙'], [null, '丙']];
  // A2-style merge down three rows and across two columns, the grid holding three rows: B2 and B3 keep their own.
  expect(fillMerged(grid, [{ r0: 0, c0: 0, r1: 9, c1: 1 }])).toBe(2);
  expect(grid).toEqual([['张伟', '甲'], ['张伟', '乙'], ['张伟', '丙']]);
  expect(grid).toHaveLength(3);
});
