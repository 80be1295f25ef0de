/** homonym: teachers who share a name must each carry a distinct 工号 (重名需填写工号). */
import type { Rule } from '../templates';
import { filled, type Check, type Row } from './check';

type R = Extract<Rule, { rule: 'homonym' }>;

export const homonymCheck: Check<R> = {
  rule: 'homonym',
  codes: ['duplicate'],
  end(rule, rows, ctx) {
    const byName = new Map<string, Row[]>();
    for (const row of rows) {
      const name = row.values[rule.name];
      if (typeof name !== 'string' || !name) continue;
      const list = byName.get(name);
      if (list) list.push(row);
      else byName.set(name, [row]);
    }
    for (const [name, list] of byName) {
      if (list.length < 2) continue;
      const ids = new Map<string, number>();
      for (const row of list) {
        const id = row.values[rule.id];
        const others = list.filter((r) => r !== row).map((r) => r.row);
        if (!filled(id)) {
          ctx.report({
            code: 'duplicate',
            row: row.row,
            field: rule.id,
            value: ctx.cell(row, rule.id),
            params: { other: `第 ${others.join('、')} 行`, rule: `与同名教师“${name}”重名，需填写工号` },
          });
        } else {
          const prior = ids.get(String(id));
          if (prior !== undefined)
            ctx.report({
              code: 'duplicate',
              row: row.row,
              field: rule.id,
              value: ctx.cell(row, rule.id),
              params: { other: `第 ${prior} 行`, rule: `同名教师“${name}”的工号相同` },
            });
          else ids.set(String(id), row.row);
        }
      }
    }
  },
};
