/**
 * A definition's registers as every list of them shows them (board columns, summary groups, report sheets, the
 * add-in's cards): code, Chinese title and columns, in the definition's order.
 */
import { TEMPLATES } from '../templates';
import type { ColumnDef } from '../templates/template';
import type { CompiledRegisters } from '../types';
import { VALUE_SETS } from '../templates/value-sets';

/** One register as lists show it. */
export interface RegisterInfo {
  code: string;
  title: string;
  columns: ColumnDef[];
}

/** The built-in definition, compiled (the engine's default). */
export const BUILTIN_COMPILED: CompiledRegisters = { templates: TEMPLATES, valueSets: VALUE_SETS };

/** The registers of a compiled definition (the built-in one when none is given). */
export function registersOf(c: CompiledRegisters = BUILTIN_COMPILED): RegisterInfo[] {
  return Object.entries(c.templates).map(([code, t]) => ({ code, title: t.title, columns: t.columns }));
}

/** A register's Chinese title by its code (the code itself when the definition does not know it). */
export function titleOf(code: string, c: CompiledRegisters = BUILTIN_COMPILED): string {
  return c.templates[code]?.title ?? BUILTIN_COMPILED.templates[code]?.title ?? code;
}
