/** The findings table: severity, sheet, row, column, field, value and the Chinese message, errors first. */
import { h } from '../dom';
import { SEVERITY_LABEL } from '../labels';
import type { FindingView } from '../types';

/** Shows a cell value as the coordinator typed it (dates arrive as serials; shown as given). */
function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (Array.isArray(v)) return v.join('、');
  return String(v);
}

/** Column titles of the findings table. */
const HEAD = ['类别', '工作表', '行', '列', '字段', '单元格内容', '问题说明', '建议改为'];

/** Orders findings: errors before warnings, then by sheet and row as a person reads them. */
export function orderFindings(findings: FindingView[]): FindingView[] {
  return [...findings].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      a.sheet.localeCompare(b.sheet, 'zh-Hans-CN') ||
      a.row - b.row ||
      (a.col.length - b.col.length || a.col.localeCompare(b.col)),
  );
}

/** The table (in a scrolling wrapper); `limit` caps the rows drawn for very long lists. */
export function findingsTable(findings: FindingView[], limit = 1000): HTMLElement {
  const rows = orderFindings(findings);
  const shown = rows.slice(0, limit);
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data findings stack', 'data-testid': 'findings' },
      h('thead', null, h('tr', null, HEAD.map((t) => h('th', { scope: 'col', class: t === '行' || t === '列' ? 'center' : undefined }, t)))),
      h(
        'tbody',
        null,
        shown.map((f) =>
          h(
            'tr',
            { class: `sev-${f.severity}`, 'data-code': f.code },
            h('td', { 'data-label': '类别' }, h('span', { class: `chip chip-${f.severity}` }, SEVERITY_LABEL[f.severity] ?? f.severity)),
            h('td', { 'data-label': '位置', class: 'where' }, f.sheet, h('span', { class: 'phone-only' }, ` 第${f.row}行${f.col ? ` ${f.col}列` : ''}`)),
            h('td', { class: 'center desk-only' }, f.row ? String(f.row) : '—'),
            h('td', { class: 'center desk-only' }, f.col || '—'),
            h('td', { 'data-label': '字段' }, f.field || '—'),
            h('td', { 'data-label': '内容', class: 'value' }, valueText(f.value)),
            h('td', { 'data-label': '问题', class: 'message' }, f.message),
            f.fix === undefined || f.fix === null ? h('td', { class: 'empty-cell' }) : h('td', { 'data-label': '建议改为' }, valueText(f.fix)),
          ),
        ),
      ),
    ),
    rows.length > shown.length ? h('p', { class: 'muted small' }, `仅显示前 ${shown.length} 条，共 ${rows.length} 条。`) : null,
  );
}

/** "3 个错误、2 条提醒" */
export function findingCounts(findings: FindingView[]): { errors: number; warnings: number; text: string } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const parts = [errors ? `${errors} 个错误` : '', warnings ? `${warnings} 个警告` : ''].filter(Boolean);
  return { errors, warnings, text: parts.join('、') || '没有发现问题' };
}
