/** homonym: teachers who share a name must each carry a distinct 工号 (重名需填写工号). */
import type { Rule } from '../templates';
import { filled, type Check } from './check';

type R = Extract<Rule, { rule: 'homonym' }>;

export const homonymCheck: Check<R> = {
  rule: 'homonym',
  codes: ['duplicate'],
  run(rule, t, ctx) {
    const names = t.values(rule.name);
    const idCol = t.values(rule.id);
    const byName = new Map<string, number[]>();
    for (let i = 0; i < t.length; i++) {
      const name = names[i];
      if (typeof name !== 'string' || !name) continue;
      const list = byName.get(name);
      if (list) list.push(i);
      else byName.set(name, [i]);
    }
    for (const [name, list] of byName) {
      if (list.length < 2) continue;
      const ids = new Map<string, number>();
      for (const i of list) {
        const id = idCol[i];
        const row = t.rowNos[i];
        if (!filled(id)) {
          const others = list.filter((o) => o !== i).map((o) => t.rowNos[o]);
          ctx.report({
            code: 'duplicate',
            row,
            field: rule.id,
            value: t.cell(i, rule.id),
            params: { other: `第 ${others.join('、')} 行`, rule: `与同名教师“${name}”重名，需填写工号` },
          });
        } else {
          const prior = ids.get(String(id));
          if (prior !== undefined)
            ctx.report({
              code: 'duplicate',
              row,
              field: rule.id,
              value: t.cell(i, rule.id),
              params: { other: `第 ${prior} 行`, rule: `同名教师“${name}”的工号相同` },
            });
          else ids.set(String(id), row);
        }
      }
    }
  },
};
