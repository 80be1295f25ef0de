/** School upload: drag an .xlsx in, watch it go up, then see the findings (nothing stored) or the receipt. */
import { seg } from '../api';
import type { Ctx } from '../context';
import { h, replace } from '../dom';
import { bytes, dateTime } from '../format';
import { kindLabel } from '../labels';
import { IDEMPOTENCY_HEADER, newIdempotencyKey, postForFile, saveFile, uploadFile } from '../transfer';
import type { ErrorBody } from '../../../../shared/contract';
import type { FindingView, Receipt } from '../types';
import { errorNotice, notice } from '../ui/notice';
import { progressBar } from '../ui/progress';
import { findingCounts, findingsTable } from './findings';

/** The server's upload limit (issue 3: .xlsx 20 MB); checked here first so a large file fails at once. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** A Chinese reason the file cannot be sent, or null when it may be. */
export function checkFile(file: { name: string; size: number }): string | null {
  if (!/\.xlsx$/i.test(file.name)) {
    if (/\.xls$/i.test(file.name)) return `“${file.name}”是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再上传。`;
    return `“${file.name}”不是 .xlsx 文件，请选择 Excel 工作簿（.xlsx）。`;
  }
  if (file.size === 0) return `“${file.name}”是空文件。`;
  if (file.size > MAX_UPLOAD_BYTES) return `“${file.name}”有 ${bytes(file.size)}，超过 20 MB 的上限。`;
  return null;
}

/** The findings of a 422 answer, wherever the server put them. */
function findingsOf(body: unknown): FindingView[] {
  return (body as ErrorBody | undefined)?.error?.findings ?? [];
}

/** The receipt view of a 201 answer. */
function receiptView(r: Receipt): HTMLElement {
  const warnings = [...(r.warnings ?? []), ...(r.crossSchool ?? [])];
  return h(
    'div',
    { class: 'receipt', 'data-testid': 'receipt' },
    notice(
      'ok',
      h('strong', null, '上报成功。'),
      `${r.school.name} ${r.term}：已保存 ${r.submissions.length} 张登记表（${dateTime(r.createdAt)}），区教科室即可看到。`,
      // A retry after a lost answer: the server kept the first attempt and says so.
      r.replayed ? h('span', null, '（这次是重试，服务器已保存过同一次上传，没有重复保存。）') : null,
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'data stack' },
        h('thead', null, h('tr', null, ['登记表', '工作表', '版本', '行数', '警告', '回执编号'].map((t) => h('th', { scope: 'col', class: t === '行数' || t === '警告' ? 'num' : undefined }, t)))),
        h(
          'tbody',
          null,
          r.submissions.map((s) =>
            h('tr', { 'data-kind': s.kind }, h('th', { scope: 'row' }, kindLabel(s.kind)),
              h('td', { 'data-label': '工作表' }, s.sheet || '—'),
              h('td', { 'data-label': '版本' }, `第${s.version}版`),
              h('td', { class: 'num', 'data-label': '行数' }, s.rows),
              h('td', { class: 'num', 'data-label': '警告' }, s.warnings),
              h('td', { 'data-label': '回执编号' }, String(s.id)),),
          ),
        ),
      ),
    ),
    // Registers the workbook holds but left empty: not a submission, and said so (the board does not count them).
    r.skipped?.length
      ? notice('info', h('strong', null, '以下登记表没有数据行，未作为上报保存：'), h('ul', { class: 'plain', 'data-testid': 'receipt-skipped' }, r.skipped.map((s) => h('li', null, `${kindLabel(s.kind)}（工作表“${s.sheet}”）`))))
      : null,
    warnings.length ? [h('h3', null, `警告（不影响上报，建议核对）：${warnings.length} 个`), findingsTable(warnings)] : null,
  );
}

/** The 修正 offer: the server applies the safe fixes to this very workbook and sends it back to be saved. */
function fixOffer(ctx: Ctx, file: File, fixable: number): HTMLElement {
  const msg = h('div', { class: 'fix-msg', 'data-testid': 'fix-result' });
  const btn = h('button', { type: 'button', class: 'btn', 'data-testid': 'fix-download' }, `下载修正后的工作簿（可自动修正 ${fixable} 处）`) as HTMLButtonElement;
  btn.addEventListener('click', async () => {
    btn.disabled = true;
    replace(msg, '正在修正…');
    try {
      const got = await postForFile(`/api/v1/fix?term=${seg(ctx.term)}`, file, file.name.replace(/\.xlsx$/i, '-已修正.xlsx'));
      saveFile(got);
      replace(
        msg,
        notice(got.remainingErrors ? 'warn' : 'ok', `已下载“${got.name}”：修正了 ${got.fixed} 处。`, got.remainingErrors ? `还有 ${got.remainingErrors} 个错误需要在 Excel 中按下表修改，改好后上传这个文件。` : '没有剩余错误，可以直接上传这个文件。'),
      );
    } catch (err) {
      replace(msg, errorNotice(err));
    } finally {
      btn.disabled = false;
    }
  });
  return h('div', { class: 'fix-offer' }, btn, msg);
}

/** Draws the upload card. */
export function renderUpload(ctx: Ctx, root: HTMLElement): void {
  const input = h('input', { type: 'file', accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', class: 'visually-hidden', id: 'file', 'data-testid': 'file-input' });
  const chosen = h('div', { class: 'chosen muted' }, '尚未选择文件');
  const send = h('button', { type: 'button', class: 'btn btn-primary', disabled: true, 'data-testid': 'upload' }, '上传并校验');
  const bar = progressBar({ send: '正在上传', wait: '正在校验，请稍候…' });
  const result = h('div', { class: 'upload-result', 'aria-live': 'polite' });
  let file: File | null = null;
  // One key per attempt: a retry after a lost answer reuses it, so the server stores the upload at most once;
  // a definite answer (201 or 422) ends the attempt and the next click is a new upload.
  let key = newIdempotencyKey();

  const choose = (f: File | undefined) => {
    replace(result);
    if (!f) return;
    const problem = checkFile(f);
    if (problem) {
      file = null;
      send.disabled = true;
      replace(chosen, '尚未选择文件');
      replace(result, notice('error', problem));
      return;
    }
    file = f;
    key = newIdempotencyKey();
    send.disabled = false;
    replace(chosen, h('strong', null, f.name), `（${bytes(f.size)}）`);
  };
  input.addEventListener('change', () => choose(input.files?.[0]));

  const zone = h(
    'label',
    { for: 'file', class: 'dropzone', 'data-testid': 'dropzone' },
    h('span', { class: 'dropzone-icon', 'aria-hidden': 'true' }, '⇪'),
    h('span', { class: 'dropzone-text' }, '把 .xlsx 文件拖到这里，或点击选择文件'),
    h('span', { class: 'muted small' }, '一个工作簿可包含多张登记表（教师名册、课题、课程、学月反思、论文），每张表各自成为一次上报。'),
  );
  zone.addEventListener('dragover', (ev) => {
    ev.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (ev) => {
    ev.preventDefault();
    zone.classList.remove('dragging');
    const files = ev.dataTransfer?.files;
    if (files && files.length > 1) {
      replace(result, notice('error', '一次只能上传一个文件。'));
      return;
    }
    choose(files?.[0]);
  });

  send.addEventListener('click', async () => {
    if (!file) return;
    send.disabled = true;
    input.disabled = true;
    replace(result);
    bar.update({ loaded: 0, total: file.size, phase: 'send' });
    try {
      const answer = await uploadFile(`/api/v1/uploads?term=${seg(ctx.term)}`, file, (p) => bar.update(p), { [IDEMPOTENCY_HEADER]: key });
      key = newIdempotencyKey();
      if (answer.status === 422) {
        const findings = findingsOf(answer.body);
        const c = findingCounts(findings);
        // Findings with a safe fix (规范名称、多余空格): the page offers the workbook back with them applied.
        const fixable = findings.filter((f) => f.fix !== undefined && f.fix !== null).length;
        replace(
          result,
          notice('error', h('strong', null, `校验未通过：${c.text}。`), '本次上传没有保存任何内容。请在 Excel 中按下表修改后重新上传。'),
          fixable && file ? fixOffer(ctx, file, fixable) : null,
          findingsTable(findings),
        );
      } else {
        replace(result, receiptView(answer.body as Receipt));
        file = null;
        input.value = '';
        replace(chosen, '尚未选择文件');
      }
    } catch (err) {
      replace(result, errorNotice(err));
    } finally {
      bar.done();
      input.disabled = false;
      send.disabled = !file;
    }
  });

  replace(
    root,
    h(
      'section',
      { class: 'view view-upload', 'aria-labelledby': 'upload-title' },
      h('div', { class: 'view-head' }, h('div', null, h('h2', { id: 'upload-title' }, `上传登记表 · ${ctx.term}`), h('p', { class: 'muted' }, '服务器用与加载项相同的规则校验；有错误时不保存任何内容，只有警告时正常上报。'))),
      h('div', { class: 'card' }, input, zone, h('div', { class: 'upload-actions' }, chosen, send), bar.el),
      result,
    ),
  );
}
