/** month_in_term: a month outside the term being reported is probably a typo (warning). */
import type { Rule } from '../templates';
import type { Check } from './check';

type R = Extract<Rule, { rule: 'month_in_term' }>;

export const monthInTermCheck: Check<R> = {
  rule: 'month_in_term',
  codes: ['out_of_term'],
  run(rule, t, ctx) {
    const months = t.values(rule.field);
    const term = ctx.term;
    for (let i = 0; i < t.length; i++) {
      const month = months[i];
      if (typeof month !== 'string' || term.months.includes(month)) continue;
      ctx.report({
        code: 'out_of_term',
        row: t.rowNos[i],
        field: rule.field,
        value: month,
        params: { expected: `${term.term}：${term.months[0]} 至 ${term.months[term.months.length - 1]}` },
      });
    }
  },
};
