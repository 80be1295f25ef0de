/** Placeholder shown while a view waits for the server. */
import { h } from '../dom';

/** A "加载中…" line with a spinner. */
export function loading(text = '加载中…'): HTMLElement {
  return h('div', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}
