/** A small district whose every metric is worked out by hand in summary.test.ts. Records are normalised values. */
import type { NormRecord } from '../../../shared/types';
import type { SummaryInput } from '../../../shared/metrics';

let row = 1;
const rec = (values: NormRecord['values']): NormRecord => ({ row: ++row, values });

const person = (姓名: string, 出生年月: string | null, 在岗 = '是') => rec({ 姓名, 出生年月, 学科: '语文', 在岗 });
const refl = (教师: string, 月份: string, 提交日期: string, 评价: string) =>
  rec({ 月份, 教师, 题目: `${教师}${月份}反思`, 形式: '教育教学随笔', 字数: 1200, 提交日期, 评价 });
// 教师 arrives as string[] (first author, then co-authors), as the engine normalises a `names` column.
const paper = (教师: string, 题目: string, 状态: string, 级别: string | null, 获奖等级: string | null) =>
  rec({ 教师: 教师.split('、'), 题目, 去向: 状态 === '已发表' ? '投稿' : '评比', 评比或刊物: '区论文评比', 级别, 提交日期: '2025-03-01', 状态, 获奖等级 });
const project = (级别: string, 阶段: string, 立项日期: string | null, 计划结题日期: string | null) =>
  rec({ 课题名称: `${级别}${阶段}课题`, 级别, 主持人: '张伟', 阶段, 立项日期, 计划结题日期 });
const course = (课型: string, 级别: string, 学时: number | null = null, 授课教师 = '张伟') =>
  rec({ 日期: '2025-03-10', 授课教师, 学科: '语文', 课名: '课', 课型, 级别, 学时 });

/** Term 2025春 as of 2025-04-15: months due 2025-02, 2025-03, 2025-04 (deadlines 02-28, 03-28, 04-25). */
export function fixtureDistrict(): SummaryInput {
  return {
    term: '2025春',
    asOf: '2025-04-15',
    schools: [
      {
        code: 'WTQ-SY',
        name: '五通桥区实验小学',
        type: '小学',
        records: {
          roster: [
            person('张伟', '1990-05'), // 34 at 2025-02-01 → ≤40
            person('李娜', '1985-02'), // 40 (birthday month = term start month) → ≤40
            person('王强', '1984-01'), // 41
            person('赵敏', '1970-09'), // 54
            person('陈刚', '1995-01', '否'), // not 在岗: not counted anywhere
          ],
          reflections: [
            refl('张伟', '2025-02', '2025-02-28', '优秀'), // on the deadline → on time
            refl('张伟', '2025-03', '2025-03-29', '合格'), // late copy …
            refl('张伟', '2025-03', '2025-03-20', '未评'), // … but an earlier copy was on time
            refl('李娜', '2025-02', '2025-02-20', '合格'),
            refl('李娜', '2025-04', '2025-04-25', '优秀'),
            refl('王强', '2025-05', '2025-05-10', '合格'), // May not yet due
            refl('陈刚', '2025-02', '2025-02-10', '优秀'), // not 在岗
            refl('赵敏', '2025-03', '2025-04-01', '不合格'), // late
          ],
          papers: [
            paper('张伟、赵敏', 'P1', '获奖', '区县级', '二等奖'), // qualified
            paper('张伟', 'P1', '获奖', '市级', '一等奖'), // same paper again: still one qualified paper
            paper('王强', 'P2', '已发表', null, null), // qualified, published
            paper('赵敏', 'P3', '获奖', '区县级', '三等奖'), // 三等奖: no
            paper('赵敏', 'P4', '获奖', '校级', '一等奖'), // 校级: no
            paper('王强、李娜', 'P5', '已提交', '省级', null), // 李娜 co-author → participates
          ],
          projects: [
            project('市级', '立项', '2025-03-01', '2026-06-30'), // active, new
            project('区县级', '中期', '2024-03-01', '2025-03-31'), // active, overdue
            project('区县级', '结题', '2023-09-01', '2024-12-31'), // closed: not overdue
            project('省级', '申报', null, null),
            project('校级', '延期', '2025-02-01', '2025-04-15'), // active, new (term start), due today: not overdue
          ],
          courses: [
            course('示范课', '区县级'),
            course('研究课', '校级'),
            course('常态课', '校级'),
            course('外出培训', '市级', 12),
            course('外出培训', '省级', 6.5),
            course('竞赛课', '区县级'),
          ],
        },
      },
      {
        code: 'WTQ-EM',
        name: '五通桥区二码头小学',
        type: '小学',
        records: {
          roster: [person('刘洋', '1992-08'), person('孙丽', '1980-06')],
          reflections: [
            refl('刘洋', '2025-02', '2025-02-27', '合格'),
            refl('刘洋', '2025-03', '2025-03-28', '优秀'),
            refl('孙丽', '2025-02', '2025-03-01', '合格'), // late unless the district moves the deadline
            refl('孙丽', '2025-04', '2025-04-10', '合格'),
          ],
          papers: [paper('孙丽', 'Q1', '已发表', null, null), paper('孙丽', 'Q2', '获奖', '国家级', '特等奖')],
          courses: [course('送教课', '市级', null, '刘洋'), course('外出培训', '区县级', 8, '孙丽')],
        },
      },
      {
        code: 'WTQ-NR',
        name: '牛华镇小学',
        type: '九年制',
        records: { papers: [paper('某某', 'R1', '已发表', null, null)] }, // no roster: per-teacher figures are null
      },
    ],
  };
}
