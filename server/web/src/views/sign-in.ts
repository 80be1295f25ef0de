/** The sign-in form: a school or district token, checked against /me before it is kept for the tab. */
import { api, ApiError } from '../api';
import { h, replace } from '../dom';
import { clearSession, setToken } from '../session';
import type { Me } from '../types';
import { errorNotice, notice } from '../ui/notice';

/** Draws the sign-in form; calls `onSignedIn` with the checked identity. */
export function renderSignIn(root: HTMLElement, onSignedIn: (me: Me) => void, message?: string): void {
  const input = h('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    placeholder: '粘贴区教科室发放的令牌',
    'data-testid': 'token-input',
  });
  const msg = h('div', { class: 'signin-msg' }, message ? notice('info', message) : null);
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block', 'data-testid': 'sign-in' }, '登录');
  const form = h(
    'form',
    { class: 'signin card', novalidate: true },
    h('h1', null, '研表 · 教科研登记上报'),
    h('p', { class: 'muted' }, '学校用本校令牌登录，上传登记表并查看本校记录；区教科室用区级令牌登录，查看全区上报情况与汇总。'),
    h('label', { for: 'token' }, '登录令牌'),
    input,
    submit,
    msg,
    h('p', { class: 'muted small' }, '令牌只保存在本浏览器标签页中，关闭标签页即退出。'),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const token = input.value.trim();
    if (!token) {
      replace(msg, notice('error', '请输入登录令牌。'));
      input.focus();
      return;
    }
    submit.disabled = true;
    replace(msg, notice('info', '正在验证…'));
    setToken(token);
    try {
      const me = await api<Me>('/api/v1/me');
      onSignedIn(me);
    } catch (err) {
      clearSession();
      const bad = err instanceof ApiError && err.status === 401;
      replace(msg, bad ? notice('error', '令牌无效或已被撤销，请核对后重试。') : errorNotice(err));
      submit.disabled = false;
    }
  });
  replace(root, h('main', { class: 'signin-page' }, form));
  input.focus();
}
