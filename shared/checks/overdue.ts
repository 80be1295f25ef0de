/** overdue: a project past its planned end date and not closed (结题/撤销) is 逾期未结题 (warning). */
import type { Rule } from '../templates';
import type { Check } from './check';

type R = Extract<Rule, { rule: 'overdue' }>;

export const overdueCheck: Check<R> = {
  rule: 'overdue',
  codes: ['overdue'],
  run(rule, t, ctx) {
    const plannedCol = t.values(rule.field);
    const stages = t.values(rule.stageField);
    for (let i = 0; i < t.length; i++) {
      const planned = plannedCol[i];
      const stage = stages[i];
      if (typeof planned !== 'string' || typeof stage !== 'string' || rule.doneStages.includes(stage)) continue;
      if (planned < ctx.asOf) ctx.report({ code: 'overdue', row: t.rowNos[i], field: rule.field, value: planned });
    }
  },
};
