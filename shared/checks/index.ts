/** The registry of rule checks: one file per rule type; the engine looks a rule's check up here. */
import type { Rule } from '../templates';
import type { Check } from './check';
import { deadlineCheck } from './deadline';
import { forbidsCheck } from './forbids';
import { homonymCheck } from './homonym';
import { monthInTermCheck } from './month-in-term';
import { orderCheck } from './order';
import { overdueCheck } from './overdue';
import { perTermLimitCheck } from './per-term-limit';
import { requiresCheck } from './requires';
import { sameTitleCheck } from './same-title';
import { similarTextCheck } from './similar-text';
import { textLengthCheck } from './text-length';
import { uniqueCheck } from './unique';

export const CHECKS: { [K in Rule['rule']]: Check<Extract<Rule, { rule: K }>> } = {
  requires: requiresCheck,
  forbids: forbidsCheck,
  order: orderCheck,
  unique: uniqueCheck,
  homonym: homonymCheck,
  text_length: textLengthCheck,
  deadline: deadlineCheck,
  month_in_term: monthInTermCheck,
  per_term_limit: perTermLimitCheck,
  overdue: overdueCheck,
  similar_text: similarTextCheck,
  same_title: sameTitleCheck,
};

export type { Check, CheckContext, Report, Value } from './check';
