/** order: one date may not fall before another in the same row (结题日期 ≥ 立项日期). */
import type { Rule } from '../templates';
import type { Check } from './check';

type R = Extract<Rule, { rule: 'order' }>;

export const orderCheck: Check<R> = {
  rule: 'order',
  codes: ['order'],
  row(rule, row, ctx) {
    const a = row.values[rule.before];
    const b = row.values[rule.after];
    if (typeof a !== 'string' || typeof b !== 'string' || b >= a) return;
    ctx.report({
      code: 'order',
      row: row.row,
      field: rule.after,
      value: ctx.cell(row, rule.after),
      params: { rule: `“${rule.after}”${b} 早于“${rule.before}”${a}` },
    });
  },
};
