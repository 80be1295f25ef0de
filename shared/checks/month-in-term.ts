/** month_in_term: a month outside the term being reported is probably a typo (warning). */
import type { Rule } from '../templates';
import type { Check } from './check';

type R = Extract<Rule, { rule: 'month_in_term' }>;

export const monthInTermCheck: Check<R> = {
  rule: 'month_in_term',
  codes: ['out_of_term'],
  row(rule, row, ctx) {
    const month = row.values[rule.field];
    if (typeof month !== 'string' || ctx.term.months.includes(month)) return;
    ctx.report({
      code: 'out_of_term',
      row: row.row,
      field: rule.field,
      value: month,
      params: { expected: `${ctx.term.term}：${ctx.term.months[0]} 至 ${ctx.term.months[ctx.term.months.length - 1]}` },
    });
  },
};
