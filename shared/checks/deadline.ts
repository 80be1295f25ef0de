/** deadline: a reflection handed in after its month's deadline (last Friday unless the district set one) is late. */
import { lastFriday } from '../normalise/date';
import type { Rule } from '../templates';
import type { Check } from './check';

type R = Extract<Rule, { rule: 'deadline' }>;

export const deadlineCheck: Check<R> = {
  rule: 'deadline',
  codes: ['late'],
  row(rule, row, ctx) {
    const month = row.values[rule.monthField];
    const date = row.values[rule.dateField];
    if (typeof month !== 'string' || typeof date !== 'string') return;
    const deadline = ctx.options.reflectionDeadlines?.[month] ?? lastFriday(month);
    if (date > deadline) ctx.report({ code: 'late', row: row.row, field: rule.dateField, value: date, params: { deadline } });
  },
};
