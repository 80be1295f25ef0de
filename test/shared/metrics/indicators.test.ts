/**
 * Indicators (指标) of a definition evaluated into the summary: a second district's 听课达标率 with its target, its
 * 听课节数 total, a school that has not reported the register (未上报: no value, out of the target), and the district
 * pooled from its parts. Expected values are worked out by hand below.
 */
import { computeSummary, type Metric, type SummarySchool } from '../../../shared/metrics';
import { parseDefinitionWorkbook } from '../../../shared/registers/workbook';
import { districtBDefinition } from '../../fixtures/registers/district-b';
import type { NormRecord } from '../../../shared';
import { BUILTIN_DEFINITION } from '../../../shared/registers/builtin';
import { RegisterDefinitionSchema } from '../../../shared/registers/schema';

const definition = parseDefinitionWorkbook(districtBDefinition()).definition!;
const rec = (values: NormRecord['values'], row = 2): NormRecord => ({ row, values });
const roster = (names: string[], off: string[] = []) => [...names.map((n) => rec({ 姓名: n, 学科: '语文', 在岗: '是' })), ...off.map((n) => rec({ 姓名: n, 学科: '语文', 在岗: '否' }))];
const visit = (who: string, n: number, date = '2025-03-11') => rec({ 日期: date, 听课教师: who, 授课教师: '王芳', 学科: '语文', 课题: '《春》', 节数: n });

describe('indicators', () => {
  const summary = computeSummary({
    term: '2025春',
    asOf: '2025-04-30',
    definition,
    schools: [
      {
        code: 'A',
        name: '甲校',
        type: '小学',
        // A district register's records sit beside the built-in kinds (the summary reads whatever kinds it is given).
        records: {
          roster: roster(['张伟', '李娜', '王芳'], ['赵强']),
          // 张伟 6 + 6 = 12 节, 李娜 8, 王芳 10, 赵强 (not 在岗) 20: 达标 张伟 and 王芳 → 2 of 3.
          lesson_visits: [visit('张伟', 6), visit('张伟', 6, '2025-04-01'), visit('李娜', 8), visit('王芳', 10), visit('赵强', 20)],
          // 2025-02, 2025-03 and 2025-04 are due by 30 April: 3 teachers × 3 months = 9; 张伟 handed in 2, 李娜 1.
          reflections: [
            rec({ 月份: '2025-02', 教师: '张伟', 题目: 'a', 字数: 900, 提交日期: '2025-02-20' }),
            rec({ 月份: '2025-03', 教师: '张伟', 题目: 'b', 字数: 900, 提交日期: '2025-03-20' }),
            rec({ 月份: '2025-03', 教师: '李娜', 题目: 'c', 字数: 900, 提交日期: '2025-03-21' }),
          ],
        } as SummarySchool['records'],
      },
      { code: 'B', name: '乙校', type: '小学', records: { roster: roster(['钱一', '孙二']) } },
    ],
  });
  const byName = (ms: Metric[] | undefined): Record<string, Metric> => Object.fromEntries((ms ?? []).map((m) => [m.name, m]));

  test("a school's values, targets and whether met", () => {
    const a = byName(summary.schools[0].metrics);
    expect(a['在岗教师数']).toMatchObject({ value: 3, reported: true });
    expect(a['听课节数']).toMatchObject({ value: 50, reported: true });
    expect(a['听课达标率']).toEqual({ register: 'lesson_visits', name: '听课达标率', format: 'percent', value: 0.6667, reported: true, target: '= 100%', met: false, num: 2, den: 3 });
    expect(a['学月反思完成率']).toEqual({ register: 'reflections', name: '学月反思完成率', format: 'percent', value: 0.3333, reported: true, target: '≥ 90%', met: false, num: 3, den: 9 });
  });

  test('a school that has not reported the register: no value, not judged against the target', () => {
    const b = byName(summary.schools[1].metrics);
    expect(b['听课达标率']).toEqual({ register: 'lesson_visits', name: '听课达标率', format: 'percent', value: null, reported: false, target: '= 100%', num: 0, den: 2 });
    expect(b['在岗教师数']).toMatchObject({ value: 2, reported: true });
  });

  test('the district pools every school: counts summed, ratios from summed parts, schools meeting the target', () => {
    const d = byName(summary.district.metrics);
    expect(d['在岗教师数']).toMatchObject({ value: 5 });
    expect(d['听课节数']).toMatchObject({ value: 50 });
    // 甲校's 2 of 3 teachers, and 乙校's 2 teachers who have no 听课记录 yet: 2 of 5. No school meets 100%.
    expect(d['听课达标率']).toMatchObject({ value: 0.4, met: false, num: 2, den: 5, schoolsMet: 0 });
  });

  test('the built-in definition adds its indicators to every summary', () => {
    const s = computeSummary({ term: '2025春', asOf: '2025-06-30', schools: [{ code: 'A', name: '甲校', type: '小学', records: { roster: roster(['张伟']), papers: [rec({ 教师: ['张伟'], 题目: 't', 状态: '已发表' })] } }] });
    const a = byName(s.schools[0].metrics);
    expect([a['论文篇数'].value, a['论文人均篇数'].value, a['发表篇数'].value, a['课题数'].value, a['课题数'].reported]).toEqual([1, 1, 1, null, false]);
    // 张伟 (no 出生年月) is not under 40: 40岁以下论文参与率 has no denominator.
    expect([a['县二等奖及以上或发表人均'].value, a['县二等奖及以上或发表人均'].met, a['40岁以下论文参与率'].value]).toEqual([1, true, null]);
  });

  test('indicators of one register that differ only in their condition are counted apart (their tallies are shared only when alike)', () => {
    const r = (name: string, calc: string, extra: Record<string, unknown> = {}) => ({ register: 'reflections', name, calc, ...extra });
    const p = (name: string, calc: string, extra: Record<string, unknown> = {}) => ({ register: 'papers', name, calc, field: '题目', ...extra });
    const def = RegisterDefinitionSchema.parse({
      ...BUILTIN_DEFINITION,
      indicators: [
        r('实交', '实交月数'),
        r('优秀实交', '实交月数', { condField: '评价', condValues: ['优秀'] }),
        r('按时', '按时率'),
        r('优秀按时', '按时率', { condField: '评价', condValues: ['优秀'] }),
        r('优秀占比', '按月占比', { condField: '评价', condValues: ['优秀'] }),
        r('合格占比', '按月占比', { condField: '评价', condValues: ['合格'] }),
        p('题目数', '去重行数'),
        p('发表题目数', '去重行数', { condField: '状态', condValues: ['已发表'] }),
      ],
    });
    const s = computeSummary({
      term: '2025春',
      asOf: '2025-04-30',
      definition: def,
      schools: [
        {
          code: 'A',
          name: '甲校',
          type: '小学',
          records: {
            roster: roster(['张伟', '李娜']),
            // Deadlines: the last Friday, 2025-02-28 and 2025-03-28.
            reflections: [
              rec({ 月份: '2025-02', 教师: '张伟', 题目: 'a', 提交日期: '2025-02-20', 评价: '优秀' }),
              rec({ 月份: '2025-02', 教师: '张伟', 题目: 'a2', 提交日期: '2025-03-05', 评价: '合格' }),
              rec({ 月份: '2025-03', 教师: '张伟', 题目: 'b', 提交日期: '2025-04-10', 评价: '合格' }),
              rec({ 月份: '2025-03', 教师: '李娜', 题目: 'c', 提交日期: '2025-03-21', 评价: '合格' }),
            ],
            papers: [
              rec({ 教师: ['张伟'], 题目: 't1', 状态: '已发表' }),
              rec({ 教师: ['张伟'], 题目: 't1', 状态: '已发表' }),
              rec({ 教师: ['李娜'], 题目: 't2', 状态: '已投稿' }),
            ],
          } as SummarySchool['records'],
        },
      ],
    });
    const a = byName(s.schools[0].metrics);
    // Teacher-months 张伟 02 (one copy 优秀 and on time), 张伟 03 (late, 合格), 李娜 03 (on time, 合格).
    expect([a['实交'].num, a['优秀实交'].num]).toEqual([3, 1]);
    expect([a['按时'].num, a['按时'].den, a['优秀按时'].num, a['优秀按时'].den]).toEqual([2, 3, 1, 1]);
    expect([a['优秀占比'].num, a['优秀占比'].den, a['合格占比'].num, a['合格占比'].den]).toEqual([1, 3, 3, 3]);
    expect([a['题目数'].num, a['发表题目数'].num]).toEqual([2, 1]);
  });
});
