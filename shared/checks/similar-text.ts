/** similar_text: two teachers' rows whose 题目/正文 are near-duplicates (必须原创) — within one sheet; the server does the district. */
import { RULES, textBands, textSimilarity } from '../similarity';
import type { Rule } from '../templates';
import type { Check, Row } from './check';

type R = Extract<Rule, { rule: 'similar_text' }>;

export const similarTextCheck: Check<R> = {
  rule: 'similar_text',
  codes: ['near_duplicate'],
  end(rule, rows, ctx) {
    for (const [field, kind] of rule.fields) {
      const simRule = RULES[kind];
      // LSH buckets: only rows sharing a band are compared, so a sheet of thousands stays linear.
      const buckets = new Map<string, Row[]>();
      const reported = new Set<string>();
      for (const row of rows) {
        const text = row.values[field];
        if (typeof text !== 'string') continue;
        for (const band of textBands(text, simRule)) {
          const list = buckets.get(band);
          if (list) list.push(row);
          else buckets.set(band, [row]);
        }
      }
      for (const list of buckets.values()) {
        for (let i = 0; i < list.length; i++)
          for (let j = i + 1; j < list.length; j++) {
            const a = list[i];
            const b = list[j];
            if (a.values[rule.per] === b.values[rule.per]) continue;
            const key = `${a.row}:${b.row}`;
            if (reported.has(key)) continue;
            reported.add(key);
            const sim = textSimilarity(String(a.values[field]), String(b.values[field]), simRule);
            if (sim < simRule.threshold) continue;
            for (const [x, y] of [[a, b], [b, a]])
              ctx.report({
                code: 'near_duplicate',
                row: x.row,
                field,
                value: ctx.cell(x, field),
                params: { other: `本表第 ${y.row} 行（${y.values[rule.per]}）`, similarity: sim },
              });
          }
      }
    }
  },
};
