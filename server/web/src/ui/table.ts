/** A sortable table: click a header to sort by that column (again to reverse); numbers sort as numbers. */
import { h, replace, type Child } from '../dom';

/** One column of a sortable table. */
export interface Column<T> {
  key: string;
  label: string;
  /** Sort value; null sorts last either way. */
  value: (row: T) => number | string | null | undefined;
  /** Cell content (default: the value as text). */
  render?: (row: T) => Child;
  /** Extra class for the cell (e.g. target met / missed). */
  cellClass?: (row: T) => string | undefined;
  title?: string;
  numeric?: boolean;
  /** Heading over a run of columns (学月反思, 论文…); consecutive equal groups merge. */
  group?: string;
}

/** Runs of consecutive columns sharing a group heading. */
export function groupRuns<T>(columns: Column<T>[]): { label: string; span: number }[] {
  const runs: { label: string; span: number }[] = [];
  for (const c of columns) {
    const label = c.group ?? '';
    const last = runs[runs.length - 1];
    if (last && last.label === label) last.span += 1;
    else runs.push({ label, span: 1 });
  }
  return runs;
}

/** Options of a sortable table. */
export interface SortableOptions<T> {
  columns: Column<T>[];
  rows: T[];
  foot?: Child[][];
  initial?: { key: string; dir: 'asc' | 'desc' };
  caption?: string;
  testid?: string;
  className?: string;
  /** On a phone, each row becomes a card of labelled figures, sorted from a picker instead of the hidden header. */
  stack?: boolean;
}

/** Compares two sort values, nulls last. */
export function compareValues(a: unknown, b: unknown): number {
  const an = a === null || a === undefined || a === '' || (typeof a === 'number' && !Number.isFinite(a));
  const bn = b === null || b === undefined || b === '' || (typeof b === 'number' && !Number.isFinite(b));
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-Hans-CN');
}

/** Sorts rows by a column, keeping nulls at the end whatever the direction. */
export function sortRows<T>(rows: T[], value: (row: T) => unknown, dir: 'asc' | 'desc'): T[] {
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((x, y) => {
      const xn = x.v === null || x.v === undefined || x.v === '';
      const yn = y.v === null || y.v === undefined || y.v === '';
      if (xn || yn) return xn === yn ? x.i - y.i : xn ? 1 : -1;
      const c = compareValues(x.v, y.v);
      return (dir === 'asc' ? c : -c) || x.i - y.i;
    })
    .map((x) => x.row);
}

/** Builds the table (inside a horizontally scrolling wrapper for phones). */
export function sortableTable<T>(opts: SortableOptions<T>): HTMLElement {
  let sort = opts.initial ?? null;
  const thead = h('thead');
  const tbody = h('tbody');
  const table = h('table', { class: `data sortable ${opts.stack ? 'stack ' : ''}${opts.className ?? ''}`.trim(), 'data-testid': opts.testid }, opts.caption ? h('caption', null, opts.caption) : null, thead, tbody);
  // The phone's sort picker (the header row is hidden when rows are cards).
  const picker = opts.stack
    ? (h(
        'select',
        { class: 'phone-only sort-picker', 'aria-label': '排序', 'data-testid': opts.testid ? `${opts.testid}-sort` : undefined },
        h('option', { value: '' }, '排序：默认'),
        opts.columns.map((c) => h('option', { value: c.key }, `按${c.label}${c.numeric ? '（从高到低）' : ''}`)),
      ) as HTMLSelectElement)
    : null;
  if (opts.foot && opts.foot.length) {
    table.appendChild(
      h('tfoot', null, opts.foot.map((cells) => h('tr', null, cells.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', { class: 'num', 'data-label': opts.columns[i]?.label }, c)))))),
    );
  }
  const grouped = opts.columns.some((c) => c.group);
  const draw = () => {
    replace(
      thead,
      grouped ? h('tr', { class: 'group-row' }, groupRuns(opts.columns).map((g) => h('th', { scope: 'colgroup', colspan: g.span }, g.label))) : null,
      h(
        'tr',
        null,
        opts.columns.map((col) => {
          const active = sort?.key === col.key;
          const aria = active ? (sort!.dir === 'asc' ? 'ascending' : 'descending') : 'none';
          return h(
            'th',
            { scope: 'col', 'aria-sort': aria, class: [col.numeric ? 'num' : '', col.label.length > 5 ? 'wrap' : ''].join(' ').trim() || undefined, title: col.title },
            h(
              'button',
              {
                type: 'button',
                class: 'sort-btn',
                'data-key': col.key,
                onclick: () => {
                  sort = { key: col.key, dir: active && sort!.dir === 'desc' ? 'asc' : active ? 'desc' : col.numeric ? 'desc' : 'asc' };
                  draw();
                },
              },
              col.label,
              h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (sort!.dir === 'asc' ? '▲' : '▼') : '↕'),
            ),
          );
        }),
      ),
    );
    const col = sort ? opts.columns.find((c) => c.key === sort!.key) : undefined;
    const rows = col && sort ? sortRows(opts.rows, col.value, sort.dir) : opts.rows;
    replace(
      tbody,
      rows.map((row) =>
        h(
          'tr',
          null,
          opts.columns.map((c, i) => {
            const content = c.render ? c.render(row) : (c.value(row) ?? '—');
            const cls = [c.numeric ? 'num' : '', c.cellClass?.(row) ?? ''].filter(Boolean).join(' ') || undefined;
            // The label a phone card shows beside the figure.
            return i === 0 ? h('th', { scope: 'row', class: cls }, content) : h('td', { class: cls, 'data-label': c.label }, content);
          }),
        ),
      ),
    );
  };
  picker?.addEventListener('change', () => {
    const col = opts.columns.find((c) => c.key === picker.value);
    sort = col ? { key: col.key, dir: col.numeric ? 'desc' : 'asc' } : (opts.initial ?? null);
    draw();
  });
  draw();
  return h('div', { class: 'table-wrap' }, picker, table);
}
