/** text_length: when 正文 is given, the stated 字数 must be within a tolerance of its counted characters. */
import type { Rule } from '../templates';
import { countChars } from '../text';
import type { Check } from './check';

type R = Extract<Rule, { rule: 'text_length' }>;

export const textLengthCheck: Check<R> = {
  rule: 'text_length',
  codes: ['word_count'],
  row(rule, row, ctx) {
    const text = row.values[rule.textField];
    const stated = row.values[rule.field];
    if (typeof text !== 'string' || !text || typeof stated !== 'number') return;
    const counted = countChars(text);
    if (Math.abs(stated - counted) <= rule.tolerance * Math.max(counted, 1)) return;
    ctx.report({ code: 'word_count', row: row.row, field: rule.field, value: ctx.cell(row, rule.field), severity: 'warning', params: { count: counted } });
  },
};
