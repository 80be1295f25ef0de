/**
 * All templates, keyed by kind: the registers of the definition in force, compiled for the engine. Today that is
 * the built-in definition (shared/registers/builtin.ts); adding a register is a row of the definition workbook.
 */
import { BUILTIN_DEFINITION } from '../registers/builtin';
import { compileDefinition } from '../registers/compile';
import type { KindId } from '../types';
import type { Template } from './template';

export const TEMPLATES = compileDefinition(BUILTIN_DEFINITION).templates as Record<KindId, Template>;

/** A kind as a person names it: the id (papers), the Chinese title (论文投稿), or all/全部. */
export function parseKind(s: string): KindId | 'all' | null {
  if (s === 'all' || s === '全部') return 'all';
  if (s in TEMPLATES) return s as KindId;
  return (Object.keys(TEMPLATES) as KindId[]).find((k) => TEMPLATES[k].title === s) ?? null;
}

export type { ColumnDef, ColumnType, Cond, Rule, Template } from './template';
export { PASSIVE_HEADERS } from './template';
export { VALUE_SETS, type ValueSet, type ValueSetId } from './value-sets';
