/** Entry point: signs in (or resumes this tab's session) and hands over to the shell. */
import { api, ApiError, setUnauthorizedHandler } from './api';
import { h, replace } from './dom';
import { clearSession, getToken } from './session';
import type { Me } from './types';
import { errorNotice } from './ui/notice';
import { renderShell } from './views/shell';
import { renderSignIn } from './views/sign-in';

const root = document.getElementById('app') as HTMLElement;

/** Forgets everything and reloads: a new sign-in must start with nothing of the previous one in memory. */
function signOut(reason?: string): void {
  clearSession();
  if (reason) sessionStorage.setItem('yanbiao.notice', reason);
  location.replace(location.pathname);
}

/** Shows the app for a checked identity. */
function start(me: Me): void {
  setUnauthorizedHandler(() => signOut('登录已失效，请重新登录。'));
  renderShell(root, me, () => signOut());
}

/** Shows the sign-in form, with a message left by the last sign-out if any. */
function showSignIn(): void {
  setUnauthorizedHandler(() => {});
  const note = sessionStorage.getItem('yanbiao.notice') ?? undefined;
  sessionStorage.removeItem('yanbiao.notice');
  renderSignIn(root, start, note);
}

async function boot(): Promise<void> {
  if (!getToken()) return showSignIn();
  replace(root, h('div', { class: 'loading' }, '正在登录…'));
  try {
    start(await api<Me>('/api/v1/me'));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      clearSession();
      return renderSignIn(root, start, '登录已失效，请重新登录。');
    }
    replace(root, h('main', { class: 'signin-page' }, h('div', { class: 'card signin' }, errorNotice(err, () => void boot()), h('button', { type: 'button', class: 'btn', onclick: () => signOut() }, '退出登录'))));
  }
}

void boot();
