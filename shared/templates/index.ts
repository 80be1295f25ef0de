/** All templates, keyed by kind. Adding a kind is adding its file and one line here. */
import type { KindId } from '../types';
import { courses } from './courses';
import { papers } from './papers';
import { projects } from './projects';
import { reflections } from './reflections';
import { roster } from './roster';
import type { Template } from './template';

export const TEMPLATES: Record<KindId, Template> = { roster, projects, courses, reflections, papers };

export type { ColumnDef, ColumnType, Cond, Rule, Template } from './template';
export { PASSIVE_HEADERS } from './template';
export { VALUE_SETS, type ValueSet, type ValueSetId } from './value-sets';
