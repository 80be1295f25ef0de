/** Generated paper rows for benchmarks: realistic, varied (date spellings, a few aliases), deterministic. */
import type { Grid } from '../shared';
import { teacherNames, title } from '../test/fixtures';
import { rng } from '../test/fixtures/text';

export const PAPER_HEADER = ['教师', '题目', '类型', '去向', '评比或刊物', '级别', '提交日期', '状态', '获奖等级', '刊号', '发表期次', '发表日期'];

/** `n` paper rows (header first) written by `teachers` teachers, plus the roster grid they reference. */
export function paperGrid(n: number, teachers = 60): { papers: Grid; roster: Grid } {
  const names = teacherNames(teachers, 3);
  const r = rng(42);
  const papers: Grid = [PAPER_HEADER];
  const dates = (i: number) => [45730 + (i % 90), `2025-04-${String((i % 28) + 1).padStart(2, '0')}`, `2025/5/${(i % 28) + 1}`, `2025年3月${(i % 28) + 1}日`][i % 4];
  for (let i = 0; i < n; i++) {
    const who = names[Math.floor(r() * teachers)];
    if (i % 3)
      papers.push([who, title(i, '篇论文'), '论文', '评比', '区论文评比', i % 10 === 1 ? '区级' : '区县级', dates(i), '获奖', ['一等奖', '二等奖', '三等奖'][i % 3], null, null, null]);
    else papers.push([who, title(i, '篇论文'), '教学案例', '投稿', '四川教育', null, dates(i), '已发表', null, 'ISSN 1234-5679', '2025(3)', '2025-05-01']);
  }
  const roster: Grid = [['姓名', '学科'], ...names.map((n) => [n, '语文'])];
  return { papers, roster };
}
