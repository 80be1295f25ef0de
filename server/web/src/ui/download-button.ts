/** A button that downloads a file with the token, showing a progress bar and any error beside it. */
import { h, replace } from '../dom';
import { downloadFile, saveFile } from '../transfer';
import { progressBar } from './progress';
import { errorNotice, notice } from './notice';

/** Options of one download button. */
export interface DownloadOptions {
  label: string;
  url: string;
  fallbackName: string;
  /** Caption while bytes arrive (e.g. 正在生成并下载报表). */
  receiving?: string;
  /** Save under fallbackName whatever the server suggests (templates get Chinese names). */
  forceName?: boolean;
  primary?: boolean;
  testid?: string;
  /** Where the progress bar and message go (a row of buttons shares one area below it); default: under the button. */
  statusArea?: HTMLElement;
}

/** A download button with its progress bar and message area (or just the button when they go to `statusArea`). */
export function downloadButton(opts: DownloadOptions): HTMLElement {
  const bar = progressBar({ receive: opts.receiving ?? '正在下载' });
  const msg = h('div', { class: 'download-msg' });
  const btn = h('button', { type: 'button', class: opts.primary ? 'btn btn-primary' : 'btn', 'data-testid': opts.testid }, opts.label);
  btn.addEventListener('click', async () => {
    btn.disabled = true;
    // Buttons sharing one status area: only the latest download's message stays.
    opts.statusArea?.querySelectorAll('.download-msg').forEach((m) => m.replaceChildren());
    replace(msg);
    // Show the bar at once: a report may take seconds before its first byte.
    bar.update({ loaded: 0, total: null, phase: 'wait' });
    try {
      const file = await downloadFile(opts.url, opts.fallbackName, (p) => bar.update(p));
      saveFile(opts.forceName ? { ...file, name: opts.fallbackName } : file);
      replace(msg, notice('ok', `已下载：${opts.forceName ? opts.fallbackName : file.name}`));
    } catch (err) {
      replace(msg, errorNotice(err));
    } finally {
      bar.done();
      btn.disabled = false;
    }
  });
  if (opts.statusArea) {
    opts.statusArea.append(bar.el, msg);
    return btn;
  }
  return h('div', { class: 'download' }, btn, bar.el, msg);
}
