/** A tiny DOM builder: the pane is plain TypeScript and DOM, no framework. */

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | ((e: Event) => void) | undefined>;

/** Creates an element: h('button', { class: 'primary', onclick }, '校验'). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'class') el.className = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, ...children);
  return el;
}

/** Appends children, skipping empty ones. */
export function append(el: Element, ...children: Child[]): void {
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
}

/** Replaces an element's children. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

/** Kind of a message bar (Fluent MessageBar intents). */
export type Intent = 'info' | 'success' | 'warning' | 'error';

/** A Fluent-style message bar. */
export function messageBar(intent: Intent, text: string, ...more: Child[]): HTMLElement {
  const icon = { info: 'ℹ', success: '✓', warning: '!', error: '✕' }[intent];
  return h('div', { class: `message ${intent}`, role: intent === 'error' ? 'alert' : 'status' }, h('span', { class: 'message-icon', 'aria-hidden': 'true' }, icon), h('div', { class: 'message-text' }, text, ...more));
}

/** Runs `work` with `button` disabled and a spinner, reporting any thrown error into `status`. */
export async function busy(button: HTMLButtonElement, status: Element, work: () => Promise<void>): Promise<void> {
  const label = button.textContent;
  button.disabled = true;
  button.classList.add('busy');
  try {
    await work();
  } catch (err) {
    replace(status, messageBar('error', describeError(err)));
  } finally {
    button.disabled = false;
    button.classList.remove('busy');
    button.textContent = label;
  }
}

/** A Chinese sentence for an unexpected error (Office errors carry a code). */
export function describeError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e?.code === 'ItemNotFound') return '找不到要操作的工作表或单元格，可能已被重命名或删除，请重新校验。';
  if (e?.code === 'ApiNotFound') return '此版本的 Excel 不支持该功能，请升级 Office 后再试。';
  if (e?.code === 'RequestPayloadSizeLimitExceeded') return '工作表太大，一次无法读取，请拆分后再试。';
  if (e?.code === 'InvalidOperation' && /table|表/.test(e.message ?? '')) return '该区域已有表格或合并单元格，无法创建表格。';
  return e?.message ? `操作失败：${e.message}` : '操作失败，请重试。';
}
