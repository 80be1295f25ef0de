/** deadline: a reflection handed in after its month's deadline (last Friday unless the district set one) is late. */
import { lastFriday } from '../normalise/date';
import type { Rule } from '../templates';
import type { Check } from './check';

type R = Extract<Rule, { rule: 'deadline' }>;

export const deadlineCheck: Check<R> = {
  rule: 'deadline',
  codes: ['late'],
  run(rule, t, ctx) {
    const months = t.values(rule.monthField);
    const dates = t.values(rule.dateField);
    for (let i = 0; i < t.length; i++) {
      const month = months[i];
      const date = dates[i];
      if (typeof month !== 'string' || typeof date !== 'string') continue;
      const deadline = ctx.options.reflectionDeadlines?.[month] ?? lastFriday(month);
      if (date > deadline) ctx.report({ code: 'late', row: t.rowNos[i], field: rule.dateField, value: date, params: { deadline } });
    }
  },
};
