/** The 退回 dialog: the district writes a comment the school will see, then confirms. */
import { api } from '../api';
import { h, replace } from '../dom';
import { errorNotice, notice } from './notice';

/** Opens the dialog for one submission; resolves true when it was returned. */
export function openReturnDialog(submissionId: string | number, what: string): Promise<boolean> {
  return new Promise((resolve) => {
    const text = h('textarea', { id: 'return-comment', rows: 4, maxlength: 2000, placeholder: '例如：第 12 行论文题目与他校重复，请核实后重新上报。', 'data-testid': 'return-comment' });
    const msg = h('div');
    const confirm = h('button', { type: 'submit', class: 'btn btn-danger', 'data-testid': 'return-confirm' }, '确认退回');
    const cancel = h('button', { type: 'button', class: 'btn' }, '取消');
    const form = h(
      'form',
      { method: 'dialog', class: 'return-form', novalidate: true },
      h('h3', null, '退回上报'),
      h('p', { class: 'muted' }, `退回：${what}。学校将看到下面的意见，并需重新上报。`),
      h('label', { for: 'return-comment' }, '退回意见（学校可见）'),
      text,
      msg,
      h('div', { class: 'actions' }, cancel, confirm),
    );
    const dialog = h('dialog', { class: 'dialog', 'data-testid': 'return-dialog' }, form);
    let returned = false;
    const close = () => {
      dialog.close();
      dialog.remove();
      resolve(returned);
    };
    cancel.addEventListener('click', close);
    dialog.addEventListener('cancel', (ev) => {
      ev.preventDefault();
      close();
    });
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const comment = text.value.trim();
      if (!comment) {
        replace(msg, notice('error', '请填写退回意见，学校需要知道要改什么。'));
        text.focus();
        return;
      }
      confirm.disabled = true;
      replace(msg, notice('info', '正在退回…'));
      try {
        await api(`/api/v1/submissions/${encodeURIComponent(String(submissionId))}/return`, { method: 'POST', body: { comment } });
        returned = true;
        close();
      } catch (err) {
        replace(msg, errorNotice(err));
        confirm.disabled = false;
      }
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    text.focus();
  });
}
