/** text_length: when 正文 is given, the stated 字数 must be within a tolerance of its counted characters. */
import type { Rule } from '../templates';
import { countChars } from '../text';
import type { Check } from './check';

type R = Extract<Rule, { rule: 'text_length' }>;

export const textLengthCheck: Check<R> = {
  rule: 'text_length',
  codes: ['word_count'],
  run(rule, t, ctx) {
    const texts = t.values(rule.textField);
    const counts = t.values(rule.field);
    for (let i = 0; i < t.length; i++) {
      const text = texts[i];
      const stated = counts[i];
      if (typeof text !== 'string' || !text || typeof stated !== 'number') continue;
      const counted = countChars(text);
      if (Math.abs(stated - counted) <= rule.tolerance * Math.max(counted, 1)) continue;
      ctx.report({ code: 'word_count', row: t.rowNos[i], field: rule.field, value: t.cell(i, rule.field), severity: 'warning', params: { count: counted } });
    }
  },
};
