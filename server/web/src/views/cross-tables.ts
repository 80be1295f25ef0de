/** The two-way counts of the summary (交叉表 indicators such as 论文 级别×获奖等级) for the district or one school. */
import { h, replace } from '../dom';
import type { Line } from '../metrics';
import type { Summary } from '../types';

/** A count table as the summary sends it: row → column → count. */
export type CountTable = Record<string, Record<string, number>>;

/** Column names in first-seen order across rows (the server sends every canonical row and column). */
export function tableColumns(t: CountTable): string[] {
  const cols: string[] = [];
  for (const row of Object.values(t)) for (const c of Object.keys(row)) if (!cols.includes(c)) cols.push(c);
  return cols;
}

/** Row totals, column totals and the grand total of a count table. */
export function tableTotals(t: CountTable): { rows: Record<string, number>; cols: Record<string, number>; all: number } {
  const rows: Record<string, number> = {};
  const cols: Record<string, number> = {};
  let all = 0;
  for (const [r, row] of Object.entries(t)) {
    for (const [c, n] of Object.entries(row)) {
      rows[r] = (rows[r] ?? 0) + n;
      cols[c] = (cols[c] ?? 0) + n;
      all += n;
    }
  }
  return { rows, cols, all };
}

/** One count table with totals; zero cells are dimmed so the counts stand out. */
function countTable(title: string, corner: string, t: CountTable, testid: string): HTMLElement {
  const cols = tableColumns(t);
  const totals = tableTotals(t);
  const cell = (n: number) => h('td', { class: n ? 'num' : 'num zero' }, String(n));
  return h(
    'figure',
    { class: 'card cross-card' },
    h('figcaption', null, title, h('span', { class: 'muted small' }, ` 合计 ${totals.all}`)),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'data cross', 'data-testid': testid },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, corner), cols.map((c) => h('th', { scope: 'col', class: 'num' }, c)), h('th', { scope: 'col', class: 'num' }, '合计'))),
        h(
          'tbody',
          null,
          Object.entries(t).map(([r, row]) => h('tr', null, h('th', { scope: 'row' }, r), cols.map((c) => cell(row[c] ?? 0)), h('td', { class: 'num total' }, String(totals.rows[r] ?? 0)))),
        ),
        h('tfoot', null, h('tr', null, h('th', { scope: 'row' }, '合计'), cols.map((c) => h('td', { class: 'num' }, String(totals.cols[c] ?? 0))), h('td', { class: 'num' }, String(totals.all)))),
      ),
    ),
  );
}

/** The cross tables (交叉表 indicators) of one line (district or school), in the definition's order. */
function tablesOf(line: Line): HTMLElement[] {
  const seen = new Map<string, number>();
  return (line.metrics ?? []).flatMap((m) => {
    if (m.format !== 'table' || !m.table) return [];
    // Test ids by register: cross-papers, and cross-papers-2 for a register's second table.
    const n = (seen.get(m.register) ?? 0) + 1;
    seen.set(m.register, n);
    return [countTable(m.name, m.axes?.[0] ?? '', m.table, n === 1 ? `cross-${m.register}` : `cross-${m.register}-${n}`)];
  });
}

/** The section: a picker (全区 or a school) and its tables; nothing when the definition has no 交叉表. */
export function crossTablesSection(summary: Summary): HTMLElement | null {
  if (!(summary.district.metrics ?? []).some((m) => m.format === 'table')) return null;
  const pick = h(
    'select',
    { 'aria-label': '分类统计范围', 'data-testid': 'cross-scope' },
    h('option', { value: '' }, '全区'),
    summary.schools.map((s) => h('option', { value: s.code }, s.name)),
  );
  const body = h('div', { class: 'cross-grid' });
  const draw = () => {
    const line = pick.value ? summary.schools.find((s) => s.code === pick.value) : summary.district;
    replace(body, line ? tablesOf(line) : null);
  };
  pick.addEventListener('change', draw);
  draw();
  return h('section', { class: 'cross-section', 'aria-labelledby': 'cross-title' }, h('div', { class: 'view-head' }, h('h3', { id: 'cross-title' }, '分类统计'), pick), body);
}
