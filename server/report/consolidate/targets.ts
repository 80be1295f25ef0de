/**
 * What consolidate checks across schools, from the registers' rules: each 同题 rule's column (one title under two
 * teachers), and each short-text column of a 相似文本 rule (near-copies). Long texts (正文) are left to the server,
 * whose stored band index makes them affordable; consolidate compares the short ones of every file in one pass.
 */
import { BUILTIN_COMPILED } from '../../../shared/registers/list';
import type { CompiledRegisters } from '../../../shared/types';
import type { TextTarget } from './near-dup';
import type { TitleTarget } from './titles';

/** The cross-school checks of a definition. */
export function crossTargets(c: CompiledRegisters = BUILTIN_COMPILED): { titles: TitleTarget[]; texts: TextTarget[] } {
  const titles: TitleTarget[] = [];
  const texts: TextTarget[] = [];
  for (const [kind, t] of Object.entries(c.templates))
    for (const rule of t.rules) {
      if (rule.rule === 'same_title') titles.push({ kind, field: rule.field, per: rule.per, title: t.title });
      if (rule.rule === 'similar_text')
        for (const [field, sim] of rule.fields) if (sim === 'title') texts.push({ kind, field, per: rule.per, title: t.title });
    }
  return { titles, texts };
}

/** The key a text target's band table is sent under from a worker. */
export const targetKey = (t: { kind: string; field: string }) => `${t.kind}｜${t.field}`;
