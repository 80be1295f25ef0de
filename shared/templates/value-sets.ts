/**
 * The value sets the engine checks against: those of the register definition in force, compiled. Today that is
 * the built-in definition (shared/registers/builtin.ts), whose value sets are DOMAIN.md's — canonical value ←
 * accepted aliases. Adding an alias is an edit there (or in a district's definition workbook), not here.
 */
import { BUILTIN_DEFINITION } from '../registers/builtin';
import { compileDefinition } from '../registers/compile';

/** A closed list of canonical values with the aliases that map onto each. */
export interface ValueSet {
  id: string;
  /** canonical value → aliases (the canonical value itself is always accepted). */
  values: Record<string, string[]>;
}

/** The codes of the built-in value sets, which the metrics name. */
export type ValueSetId =
  | 'level'
  | 'award'
  | 'subject'
  | 'grade'
  | 'title'
  | 'gender'
  | 'yesno'
  | 'backbone'
  | 'projectCategory'
  | 'projectStage'
  | 'courseType'
  | 'reflectionForm'
  | 'rating'
  | 'paperType'
  | 'paperRoute'
  | 'paperStatus';

export const VALUE_SETS = compileDefinition(BUILTIN_DEFINITION).valueSets as Record<ValueSetId, ValueSet>;
