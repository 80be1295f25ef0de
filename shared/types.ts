/** Plain data the engine works on: a sheet is a 2-D grid of cell values as Excel and the Office JavaScript API give them. */

/** One cell: text, a number (dates arrive as Excel serials), a boolean, or empty. */
export type Cell = string | number | boolean | null | undefined;

/** A sheet's used range, row-major, starting at A1. */
export type Grid = Cell[][];

/** The five register kinds of DOMAIN.md. */
export const KINDS = ['roster', 'projects', 'courses', 'reflections', 'papers'] as const;
/** One register kind. */
export type KindId = (typeof KINDS)[number];

/** One sheet handed to the engine. */
export interface SheetInput {
  /** Tab name (a hint only). */
  sheet: string;
  grid: Grid;
}

/** A teacher on a roster, as other sheets reference it. */
export interface RosterEntry {
  name: string;
  id?: string;
  birth?: string; // YYYY-MM
  active?: boolean;
}

/** Options of one validation run. */
export interface ValidateOptions {
  /** Term like `2025春`; defaults to the term containing `asOf`. */
  term?: string;
  /** ISO date `YYYY-MM-DD` the check is made on; defaults to today. */
  asOf?: string;
  /** District deadlines for reflections by month (`YYYY-MM` → `YYYY-MM-DD`); default last Friday of the month. */
  reflectionDeadlines?: Record<string, string>;
  /** A roster from elsewhere (the school's last accepted one on the server), used when the workbook has none. */
  roster?: RosterEntry[];
  /** Project codes from elsewhere, used when the workbook has no 课题登记. */
  projectCodes?: string[];
  /**
   * The district's registers (a compiled register definition, shared/registers/compile.ts): which registers a
   * sheet may be, their columns, rules and value sets. Default: the built-in definition.
   */
  registers?: CompiledRegisters;
}

/** A register definition as the engine uses it: templates by register code, value sets by code. */
export interface CompiledRegisters {
  templates: Record<string, import('./templates/template').Template>;
  valueSets: Record<string, import('./templates/value-sets').ValueSet>;
}

/** A normalised data row: canonical field name → normalised value (ISO date strings, numbers, canonical enum values). */
export interface NormRecord {
  /** Excel row number. */
  row: number;
  values: Record<string, string | number | boolean | string[] | null>;
}
