/** A progress bar with a Chinese caption; indeterminate when the total is unknown or the server is working. */
import { h } from '../dom';
import { bytes } from '../format';
import type { Progress } from '../transfer';

/** A progress bar element and the function that moves it. */
export interface ProgressBar {
  el: HTMLElement;
  update(p: Progress): void;
  done(): void;
}

/** Creates a hidden progress bar; `update` shows it, `done` hides it. */
export function progressBar(labels: { send?: string; wait?: string; receive?: string } = {}): ProgressBar {
  const fill = h('div', { class: 'progress-fill' });
  const track = h('div', { class: 'progress-track', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100 }, fill);
  const caption = h('div', { class: 'progress-caption' });
  const el = h('div', { class: 'progress', hidden: true, 'data-testid': 'progress' }, track, caption);
  return {
    el,
    update(p) {
      el.hidden = false;
      const known = p.total !== null && p.total > 0 && p.phase !== 'wait';
      const pct = known ? Math.min(100, Math.round((p.loaded / (p.total as number)) * 100)) : null;
      track.classList.toggle('indeterminate', pct === null);
      fill.style.width = pct === null ? '' : `${pct}%`;
      if (pct === null) track.removeAttribute('aria-valuenow');
      else track.setAttribute('aria-valuenow', String(pct));
      const label =
        p.phase === 'send' ? labels.send ?? '正在上传' : p.phase === 'wait' ? labels.wait ?? '服务器处理中，请稍候…' : labels.receive ?? '正在下载';
      caption.textContent =
        p.phase === 'wait' ? label : pct === null ? `${label}… 已接收 ${bytes(p.loaded)}` : `${label}… ${pct}%（${bytes(p.loaded)} / ${bytes(p.total as number)}）`;
    },
    done() {
      el.hidden = true;
    },
  };
}
