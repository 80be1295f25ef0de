/** The district's 发布到 Google 表格 button: writes 区级汇总 and 上报情况 of the term through the server. */
import { api, seg } from '../api';
import type { Ctx } from '../context';
import { h, replace } from '../dom';
import { errorNotice, notice } from '../ui/notice';
import { progressBar } from '../ui/progress';

/** What the server answers after a publish (server/sheets/publish-term.ts). */
interface Published {
  spreadsheetId: string;
  term: string;
  asOf: string;
  tabs: { title: string; rows: number; columns: number; created: boolean }[];
}

/** The card: an optional spreadsheet id or address (empty = the server's YANBIAO_SHEETS_SPREADSHEET) and the button. */
export function sheetsPublishCard(ctx: Ctx): HTMLElement {
  const input = h('input', {
    type: 'text',
    class: 'sheet-id',
    id: 'sheet-id',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: '表格 ID 或网址（可留空）',
    'data-testid': 'sheets-spreadsheet',
  });
  const button = h('button', { type: 'button', class: 'btn', 'data-testid': 'sheets-publish' }, '发布到 Google 表格');
  // Google answers in seconds, not bytes: the bar only says the server is at work.
  const bar = progressBar({ wait: '正在写入 Google 表格，请稍候…' });
  const msg = h('div', { class: 'download-msg', 'aria-live': 'polite' });
  button.addEventListener('click', async () => {
    const spreadsheetId = input.value.trim();
    button.disabled = true;
    replace(msg);
    bar.update({ loaded: 0, total: null, phase: 'wait' });
    try {
      const r = await api<Published>(`/api/v1/terms/${seg(ctx.term)}/sheets/publish`, { method: 'POST', body: spreadsheetId ? { spreadsheetId } : {} });
      const tabs = r.tabs.map((t) => `“${t.title}”${t.rows} 行`).join('、');
      replace(msg, notice('ok', `已发布 ${r.term} 到 Google 表格 ${r.spreadsheetId}：${tabs}（统计截至 ${r.asOf}）。`));
    } catch (err) {
      replace(msg, errorNotice(err));
    } finally {
      bar.done();
      button.disabled = false;
    }
  });
  return h(
    'div',
    { class: 'card', 'data-testid': 'sheets-card' },
    h('h3', null, '发布到 Google 表格'),
    h('p', { class: 'muted' }, '把本学期的区级汇总和上报情况写入 Google 表格（表格需共享给服务器的服务账号，权限为编辑者）。不填表格时，发布到服务器设置的表格。'),
    h('label', { for: 'sheet-id' }, '表格'),
    h('div', { class: 'sheet-row' }, input, button),
    bar.el,
    msg,
  );
}
