/**
 * A long sheet read column by column: free-text columns remembered on trial (given up for 题目, kept for 评比或刊物),
 * duplicate groups built while rows are read, and every finding still in its place after the first few hundred rows.
 */
import { validateWorkbook } from '../../shared';

const HEADER = ['教师', '题目', '类型', '去向', '评比或刊物', '级别', '提交日期', '状态', '获奖等级', '刊号', '发表期次', '发表日期'];
const TEACHERS = ['王芳', '李强', '张伟', '刘洋', '陈静'];

/** 2,000 clean paper rows (row i+2 in Excel), each title distinct, two 评比 names alternating. */
function sheet(): unknown[][] {
  const grid: unknown[][] = [HEADER];
  for (let i = 0; i < 2000; i++)
    grid.push([TEACHERS[i % 5], `第${i}号课题的研究`, '论文', '评比', i % 2 ? '区论文评比' : '市论文评比', '区县级', 45750, '获奖', '一等奖', null, null, null]);
  return grid;
}

const run = (grid: unknown[][]) =>
  validateWorkbook(
    [
      { sheet: '名册', grid: [['姓名'], ...TEACHERS.map((t) => [t])] },
      { sheet: '论文', grid: grid as never },
    ],
    { term: '2025春', asOf: '2025-06-30' },
  ).sheets[1];

const triples = (s: ReturnType<typeof run>) => s.findings.map((f) => [f.code, f.row, f.field]);

describe('a 2,000-row paper sheet', () => {
  it('is clean as generated, and every value reads back', () => {
    const s = run(sheet());
    expect(s.findings).toEqual([]);
    expect(s.dataRows).toBe(2000);
    expect(s.records[1500].values).toMatchObject({ 教师: ['王芳'], 题目: '第1500号课题的研究', 评比或刊物: '市论文评比', 提交日期: '2025-04-03' });
    expect(s.records[1501].values['评比或刊物']).toBe('区论文评比');
  });

  it('finds defects planted far below the rows where text columns decide whether to remember', () => {
    const g = sheet();
    g[1800][1] = g[1200][1]; // same teacher (data rows 1199 and 1799), title and 评比 → duplicate of the later one
    g[1900][4] = '\u3000 '; // 评比或刊物 of spaces only → required
    g[1950][1] = '第１９４９号课题的研究'; // full-width digits read as half-width: its own title again, no finding
    g[1960][1] = g[1961][1]; // same title, different teacher → same_title warning on both
    const s = run(g);
    expect(triples(s).map((t) => JSON.stringify(t)).sort()).toEqual(
      [
        ['duplicate', 1801, '题目'],
        ['required', 1901, '评比或刊物'],
        ['duplicate', 1961, '题目'],
        ['duplicate', 1962, '题目'],
      ]
        .map((t) => JSON.stringify(t))
        .sort(),
    );
    expect(s.records[1949].values['题目']).toBe('第1949号课题的研究');
    expect(s.records[1899].values['评比或刊物']).toBeNull();
  });

  it('treats a title differing only in spaces and letter case as the same paper', () => {
    const g = sheet();
    g[10][1] = 'PBL 教学研究';
    g[15][1] = 'pbl教学研究';
    g[15][0] = g[10][0];
    g[15][4] = g[10][4];
    const s = run(g);
    expect(triples(s)).toEqual([['duplicate', 16, '题目']]);
  });
});
