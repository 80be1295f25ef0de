/** 结构化 as flows: a new sheet from a template, or the active sheet converted in place (the kept definition's registers). */
import { detectHeader } from '../../shared';
import type { CompiledRegisters } from '../../shared/types';
import { convertPlan, freeName, templatePlan, templatesOf } from '../core/structure-plan';
import { applyStructure, readWorkbook, sheetNames, type StructureOutcome } from '../excel';

/** Adds a sheet holding the template of `kind`. */
export async function newTemplateSheet(kind: string, registers?: CompiledRegisters): Promise<StructureOutcome> {
  const { names } = await sheetNames();
  return applyStructure(templatePlan(kind, freeName(templatesOf(registers)[kind].title, names), registers));
}

/** The register the active sheet's header names, if any (to preselect it in the pane). */
export async function activeKind(registers?: CompiledRegisters): Promise<{ sheet: string; kind: string | null }> {
  const { active } = await sheetNames();
  const read = await readWorkbook([active]);
  const grid = read.sheets[0]?.grid ?? [];
  return { sheet: active, kind: detectHeader(grid, active, templatesOf(registers))?.kind ?? null };
}

/** Converts the active sheet to `kind` in place; `reorder` also reorders and renames columns to the template. */
export async function convertActive(kind: string, reorder: boolean, registers?: CompiledRegisters): Promise<StructureOutcome> {
  const { active } = await sheetNames();
  const read = await readWorkbook([active]);
  return applyStructure(convertPlan(active, read.sheets[0]?.grid ?? [], kind, reorder, registers));
}
