/** Messages shown inline (never alert()): errors in red, successes in green, each readable by screen readers. */
import { h, type Child } from '../dom';
import { ApiError } from '../api';

/** The Chinese text of any thrown value. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && /[\u4e00-\u9fff]/.test(err.message)) return err.message;
  return '页面出现意外错误，请刷新后重试。';
}

/** A message block of one kind. */
export function notice(kind: 'error' | 'ok' | 'info' | 'warn', ...children: Child[]): HTMLElement {
  return h('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...children);
}

/** An error block for a failed call, with an optional 重试 button. */
export function errorNotice(err: unknown, retry?: () => void): HTMLElement {
  return notice(
    'error',
    h('span', null, errorText(err)),
    retry ? h('button', { type: 'button', class: 'btn btn-small', onclick: retry }, '重试') : null,
  );
}
