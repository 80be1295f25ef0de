/** 上报情况: school × kind board for the district, coloured by state, with counts and deadlines per kind. */
import { api, seg } from '../api';
import type { Ctx } from '../context';
import { h, replace } from '../dom';
import { dateTime } from '../format';
import { kindLabel, rememberRegisters, STATE_LABEL } from '../labels';
import { defaultReminded, owedOf, reminderText } from '../../../../shared/reminders';
import type { BoardCell, Status } from '../types';
import { downloadButton } from '../ui/download-button';
import { loading } from '../ui/loading';
import { errorNotice, notice } from '../ui/notice';

/** Counts of one kind's column. */
export interface ColumnCounts {
  submitted: number;
  returned: number;
  missing: number;
  /** Handed in after the deadline (迟交). */
  lateSubmitted: number;
  /** Not handed in (or returned and not redone) with the deadline passed (已逾期). */
  overdue: number;
}

/** Counts the states in one kind's column. */
export function countColumn(status: Status, kind: string): ColumnCounts {
  const c: ColumnCounts = { submitted: 0, returned: 0, missing: 0, lateSubmitted: 0, overdue: 0 };
  for (const s of status.schools) {
    const cell = s.kinds[kind];
    const state = stateOf(cell);
    c[state] += 1;
    // The same two words as the cells' chips: a school that handed in late is not one that never handed in.
    if (cell?.late) c[state === 'submitted' ? 'lateSubmitted' : 'overdue'] += 1;
  }
  return c;
}

/** The board's Chinese status as a CSS-friendly state. */
export function stateOf(cell: BoardCell | undefined): 'missing' | 'submitted' | 'returned' {
  if (cell?.status === '已上报') return 'submitted';
  if (cell?.status === '已退回') return 'returned';
  return 'missing';
}

/** One board cell: the coloured state and its particulars. */
export function cellView(kind: string, cell: BoardCell | undefined): HTMLElement {
  const state = stateOf(cell);
  const late = !!cell?.late;
  const bits: (string | HTMLElement)[] = [];
  if (state !== 'missing' && cell) {
    bits.push(h('span', { class: 'when' }, dateTime(cell.submittedAt)));
    const facts = [cell.version ? `第${cell.version}版` : '', cell.rows !== undefined && cell.rows !== null ? `${cell.rows}行` : '']
      .filter(Boolean)
      .join(' · ');
    if (facts) bits.push(h('span', { class: 'facts' }, facts));
    if (cell.warnings) bits.push(h('span', { class: 'warn-count' }, `${cell.warnings}个警告`));
    if (cell.crossWarnings) bits.push(h('span', { class: 'warn-count' }, `${cell.crossWarnings}个跨校警告`));
    if (state === 'returned' && cell.comment) bits.push(h('span', { class: 'comment', title: cell.comment }, `意见：${cell.comment}`));
  }
  return h(
    'td',
    { class: `cell state-${state}${late ? ' is-late' : ''}`, 'data-state': state, 'data-kind': kind, 'data-label': kindLabel(kind) },
    h(
      'div',
      { class: 'cell-body' },
      h('span', { class: `chip chip-${state}` }, STATE_LABEL[state] ?? state),
      // Submitted after the deadline is 迟交; missing (or returned and not redone) past it is 已逾期.
      late ? h('span', { class: 'chip chip-late' }, state === 'submitted' ? '迟交' : '已逾期') : null,
      bits.length ? h('div', { class: 'cell-detail' }, bits) : null,
    ),
  );
}

/** Draws the board for ctx.term. */
export async function renderBoard(ctx: Ctx, root: HTMLElement): Promise<void> {
  replace(root, loading());
  let status: Status;
  try {
    status = await api<Status>(`/api/v1/terms/${seg(ctx.term)}/status`);
    rememberRegisters(status.registers);
  } catch (err) {
    if (ctx.alive()) replace(root, errorNotice(err, () => void renderBoard(ctx, root)));
    return;
  }
  if (!ctx.alive()) return;
  const kinds = status.kinds;
  const complete = status.schools.filter((s) => kinds.every((k) => stateOf(s.kinds[k]) === 'submitted')).length;
  const filter = h('input', { type: 'search', class: 'filter', placeholder: '按学校名称或代码筛选', 'aria-label': '筛选学校', 'data-testid': 'board-filter' });
  const onlyOpen = h('input', { type: 'checkbox', id: 'only-open' });
  const tbody = h('tbody');
  const drawRows = () => {
    const q = filter.value.trim().toLowerCase();
    const rows = status.schools.filter((s) => {
      if (q && !s.name.toLowerCase().includes(q) && !s.code.toLowerCase().includes(q)) return false;
      if (onlyOpen.checked && kinds.every((k) => stateOf(s.kinds[k]) === 'submitted')) return false;
      return true;
    });
    replace(
      tbody,
      rows.length
        ? rows.map((s) =>
            h(
              'tr',
              { 'data-school': s.code },
              h('th', { scope: 'row' }, h('a', { href: `#/school/${encodeURIComponent(s.code)}`, class: 'school-link' }, s.name), h('span', { class: 'code' }, s.code)),
              kinds.map((k) => cellView(k, s.kinds[k])),
            ),
          )
        : h('tr', null, h('td', { colspan: kinds.length + 1, class: 'empty' }, status.schools.length ? '没有符合条件的学校。' : '还没有登记任何学校。')),
    );
  };
  filter.addEventListener('input', drawRows);
  onlyOpen.addEventListener('change', drawRows);
  drawRows();
  const head = h(
    'tr',
    null,
    h('th', { scope: 'col' }, '学校'),
    kinds.map((k) => {
      const c = countColumn(status, k);
      const deadline = status.deadlines?.[k];
      return h(
        'th',
        { scope: 'col', 'data-kind': k },
        h('div', { class: 'kind-name' }, kindLabel(k)),
        h('div', { class: 'deadline' }, deadline ? `截止 ${deadline}` : '未设截止日期'),
        h(
          'div',
          { class: 'counts', 'data-testid': `counts-${k}` },
          h('span', { class: 'count-submitted' }, `已上报 ${c.submitted}`),
          h('span', { class: 'count-returned' }, `已退回 ${c.returned}`),
          h('span', { class: 'count-missing' }, `未上报 ${c.missing}`),
          c.lateSubmitted ? h('span', { class: 'count-late' }, `迟交 ${c.lateSubmitted}`) : null,
          c.overdue ? h('span', { class: 'count-late count-overdue' }, `已逾期 ${c.overdue}`) : null,
        ),
      );
    }),
  );
  replace(
    root,
    h(
      'section',
      { class: 'view view-board', 'aria-labelledby': 'board-title' },
      h(
        'div',
        { class: 'view-head' },
        h('div', null, h('h2', { id: 'board-title' }, `上报情况 · ${status.term}`), h('p', { class: 'muted' }, `共 ${status.schools.length} 所学校，${complete} 所已全部上报。`)),
        downloadButton({
          label: '下载区级汇总报表',
          url: `/api/v1/terms/${seg(ctx.term)}/report.xlsx`,
          fallbackName: `区级汇总-${ctx.term}.xlsx`,
          receiving: '正在生成并下载报表',
          primary: true,
          testid: 'download-report',
        }),
      ),
      h(
        'div',
        { class: 'toolbar' },
        filter,
        h('label', { class: 'check' }, onlyOpen, '只看未全部上报的学校'),
        h(
          'div',
          { class: 'legend', 'aria-label': '图例' },
          h('span', { class: 'chip chip-submitted' }, '已上报'),
          h('span', { class: 'chip chip-returned' }, '已退回'),
          h('span', { class: 'chip chip-missing' }, '未上报'),
          h('span', { class: 'chip chip-late' }, '逾期/迟交'),
        ),
      ),
      h(
        'ul',
        { class: 'kind-summary phone-only' },
        kinds.map((k) => {
          const c = countColumn(status, k);
          return h('li', null, h('strong', null, kindLabel(k)), ` 已上报 ${c.submitted} · 退回 ${c.returned} · 未上报 ${c.missing}`, status.deadlines?.[k] ? h('span', { class: 'muted' }, ` · 截止 ${status.deadlines[k]}`) : null);
        }),
      ),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data board stack', 'data-testid': 'board' }, h('thead', null, head), tbody)),
      reminderCard(ctx, status),
    ),
  );
}

/**
 * 催交: the schools that owe registers (all chosen at first), the reminder text to copy into a WeChat/QQ group,
 * and — where the district has configured group robots — one click to send it there. The server makes the text
 * (the same function as the preview here) and records each reminder in the audit log.
 */
function reminderCard(ctx: Ctx, status: Status): HTMLElement | null {
  const owed = owedOf(status);
  if (!owed.length) return h('div', { class: 'card reminder', 'data-testid': 'reminder' }, h('h3', null, '催交'), h('p', { class: 'muted' }, '所有学校的登记表都已上报，没有需要催交的。'));
  const chosen = new Set(defaultReminded(status));
  const text = h('textarea', { class: 'reminder-text', rows: 8, readonly: true, 'aria-label': '催交通知', 'data-testid': 'reminder-text' }) as HTMLTextAreaElement;
  const msg = h('div', { class: 'reminder-msg', 'data-testid': 'reminder-msg', 'aria-live': 'polite' });
  const preview = () => {
    text.value = reminderText(status, [...chosen]);
  };
  const boxes = owed.map((o) => {
    const box = h('input', { type: 'checkbox', checked: true, 'data-school': o.code }) as HTMLInputElement;
    box.addEventListener('change', () => {
      if (box.checked) chosen.add(o.code);
      else chosen.delete(o.code);
      preview();
    });
    return h('label', { class: 'check reminder-school' }, box, `${o.name}（${o.items.map((i) => i.title).join('、')}）`);
  });
  const copy = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'reminder-copy' }, '复制催交通知') as HTMLButtonElement;
  copy.addEventListener('click', async () => {
    if (!chosen.size) return replace(msg, notice('warn', '请先勾选要催交的学校。'));
    try {
      // The server makes the text as of now (and records the reminder); that is what is copied.
      const done = await api<{ text: string }>(`/api/v1/terms/${seg(ctx.term)}/reminders`, { method: 'POST', body: { schools: [...chosen] } });
      text.value = done.text;
      await copyText(text);
      replace(msg, notice('ok', `已复制，可粘贴到微信群或 QQ 群（${chosen.size} 所学校）。`));
    } catch (err) {
      replace(msg, errorNotice(err));
    }
  });
  const robots = h('span', { class: 'reminder-robots' });
  // The robots the district configured on the server (names only).
  void api<{ channels: { id: string; name: string }[] }>('/api/v1/reminders/channels')
    .then(({ channels }) =>
      replace(
        robots,
        channels.map((c) => {
          const b = h('button', { type: 'button', class: 'btn', 'data-testid': `reminder-send-${c.id}` }, `发送到${c.name}`) as HTMLButtonElement;
          b.addEventListener('click', async () => {
            if (!chosen.size) return replace(msg, notice('warn', '请先勾选要催交的学校。'));
            b.disabled = true;
            try {
              const done = await api<{ sent: { ok: boolean; message: string }[] }>(`/api/v1/terms/${seg(ctx.term)}/reminders`, {
                method: 'POST',
                body: { schools: [...chosen], send: [c.id] },
              });
              replace(msg, ...done.sent.map((x) => notice(x.ok ? 'ok' : 'error', x.message)));
            } catch (err) {
              replace(msg, errorNotice(err));
            } finally {
              b.disabled = false;
            }
          });
          return b;
        }),
      ),
    )
    .catch(() => replace(robots));
  preview();
  return h(
    'div',
    { class: 'card reminder', 'data-testid': 'reminder' },
    h('h3', null, `催交 · ${owed.length} 所学校还有登记表未上报`),
    h('div', { class: 'reminder-schools' }, boxes),
    text,
    h('div', { class: 'actions' }, copy, robots),
    msg,
  );
}

/** Copies a textarea's text (the Clipboard API where the page may use it, else the selection). */
async function copyText(area: HTMLTextAreaElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(area.value);
  } catch {
    area.select();
    document.execCommand('copy');
  }
}

/** One school's row of the board on its own: each kind's state and deadline. */
export function schoolBoard(status: Status, row: Status['schools'][number]): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap own-board' },
    h(
      'table',
      { class: 'data board stack', 'data-testid': 'own-board' },
      h('thead', null, h('tr', null, status.kinds.map((k) => h('th', { scope: 'col', 'data-kind': k }, h('div', { class: 'kind-name' }, kindLabel(k)), h('div', { class: 'deadline' }, status.deadlines?.[k] ? `截止 ${status.deadlines[k]}` : '未设截止日期'))))),
      h('tbody', null, h('tr', null, status.kinds.map((k) => cellView(k, row.kinds[k])))),
    ),
  );
}
