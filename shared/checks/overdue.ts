/** overdue: a project past its planned end date and not closed (结题/撤销) is 逾期未结题 (warning). */
import type { Rule } from '../templates';
import type { Check } from './check';

type R = Extract<Rule, { rule: 'overdue' }>;

export const overdueCheck: Check<R> = {
  rule: 'overdue',
  codes: ['overdue'],
  row(rule, row, ctx) {
    const planned = row.values[rule.field];
    const stage = row.values[rule.stageField];
    if (typeof planned !== 'string' || typeof stage !== 'string' || rule.doneStages.includes(stage)) return;
    if (planned < ctx.asOf) ctx.report({ code: 'overdue', row: row.row, field: rule.field, value: planned });
  },
};
