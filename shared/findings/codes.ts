/** The closed list of finding codes (DOMAIN.md). Codes are never renamed once shipped. */

export const FINDING_CODES = [
  'header_missing',
  'header_unknown',
  'required',
  'enum',
  'alias',
  'date',
  'month',
  'number',
  'integer',
  'min',
  'max',
  'pattern',
  'checksum',
  'spacing',
  'unknown_teacher',
  'unknown_reference',
  'duplicate',
  'order',
  'requires',
  'forbids',
  'per_term_limit',
  'late',
  'overdue',
  'out_of_term',
  'word_count',
  'near_duplicate',
] as const;

/** One finding code. */
export type FindingCode = (typeof FINDING_CODES)[number];

/** error blocks an upload; warning does not. */
export type Severity = 'error' | 'warning';
