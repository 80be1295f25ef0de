/** All templates, keyed by kind. Adding a kind is adding its file and one line here. */
import type { KindId } from '../types';
import { courses } from './courses';
import { papers } from './papers';
import { projects } from './projects';
import { reflections } from './reflections';
import { roster } from './roster';
import type { Template } from './template';

export const TEMPLATES: Record<KindId, Template> = { roster, projects, courses, reflections, papers };

/** A kind as a person names it: the id (papers), the Chinese title (论文投稿), or all/全部. */
export function parseKind(s: string): KindId | 'all' | null {
  if (s === 'all' || s === '全部') return 'all';
  if (s in TEMPLATES) return s as KindId;
  return (Object.keys(TEMPLATES) as KindId[]).find((k) => TEMPLATES[k].title === s) ?? null;
}

export type { ColumnDef, ColumnType, Cond, Rule, Template } from './template';
export { PASSIVE_HEADERS } from './template';
export { VALUE_SETS, type ValueSet, type ValueSetId } from './value-sets';
