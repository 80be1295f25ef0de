/** similar_text: two teachers' rows whose 题目/正文 are near-duplicates (必须原创) — within one sheet; the server does the district. */
import { RULES, setSimilarity, textBandGroups, textShingleSet, type ShingleSet } from '../similarity';
import type { Rule } from '../templates';
import type { Check } from './check';

type R = Extract<Rule, { rule: 'similar_text' }>;

export const similarTextCheck: Check<R> = {
  rule: 'similar_text',
  codes: ['near_duplicate'],
  run(rule, t, ctx) {
    const per = t.values(rule.per);
    for (const [field, kind] of rule.fields) {
      const simRule = RULES[kind];
      const texts = t.values(field);
      // LSH buckets: only rows sharing a band are compared, so a sheet of thousands stays linear.
      // (keyed by the bands' grouping keys: small integers, never the stored keys' spelling)
      const buckets = new Map<number, number[]>();
      const compared = new Set<number>(); // pairs a·n + b already compared (a row pair can share several bands)
      // Each row's shingles made once, however many candidates it meets (a common band can hold hundreds of rows).
      const shingled: (ShingleSet | null | undefined)[] = new Array(t.length);
      const shinglesOf = (i: number) => {
        let sh = shingled[i];
        if (sh === undefined) sh = shingled[i] = textShingleSet(String(texts[i]), simRule);
        return sh;
      };
      for (let i = 0; i < t.length; i++) {
        const text = texts[i];
        if (typeof text !== 'string') continue;
        const groups = textBandGroups(text, simRule);
        if (!groups) continue;
        for (let b = 0; b < groups.length; b++) {
          const band = groups[b];
          const list = buckets.get(band);
          if (list) list.push(i);
          else buckets.set(band, [i]);
        }
      }
      for (const list of buckets.values()) {
        for (let x = 0; x < list.length; x++)
          for (let y = x + 1; y < list.length; y++) {
            const a = list[x];
            const b = list[y];
            if (per[a] === per[b]) continue;
            const key = a * t.length + b;
            if (compared.has(key)) continue;
            compared.add(key);
            const sa = shinglesOf(a);
            const sb = sa && shinglesOf(b);
            const sim = sa && sb ? setSimilarity(sa, sb) : 0;
            if (sim < simRule.threshold) continue;
            for (const [p, q] of [[a, b], [b, a]])
              ctx.report({
                code: 'near_duplicate',
                row: t.rowNos[p],
                field,
                value: t.cell(p, field),
                params: { other: `本表第 ${t.rowNos[q]} 行（${per[q]}）`, similarity: sim },
              });
          }
      }
    }
  },
};
