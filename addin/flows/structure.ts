/** 结构化 as flows: a new sheet from a template, or the active sheet converted in place. */
import { detectHeader, TEMPLATES, type KindId } from '../../shared';
import { convertPlan, freeName, templatePlan } from '../core/structure-plan';
import { applyStructure, readWorkbook, sheetNames, type StructureOutcome } from '../excel';

/** Adds a sheet holding the template of `kind`. */
export async function newTemplateSheet(kind: KindId): Promise<StructureOutcome> {
  const { names } = await sheetNames();
  return applyStructure(templatePlan(kind, freeName(TEMPLATES[kind].title, names)));
}

/** The kind the active sheet's header names, if any (to preselect it in the pane). */
export async function activeKind(): Promise<{ sheet: string; kind: KindId | null }> {
  const { active } = await sheetNames();
  const read = await readWorkbook([active]);
  const grid = read.sheets[0]?.grid ?? [];
  return { sheet: active, kind: detectHeader(grid, active)?.kind ?? null };
}

/** Converts the active sheet to `kind` in place; `reorder` also reorders and renames columns to the template. */
export async function convertActive(kind: KindId, reorder: boolean): Promise<StructureOutcome> {
  const { active } = await sheetNames();
  const read = await readWorkbook([active]);
  return applyStructure(convertPlan(active, read.sheets[0]?.grid ?? [], kind, reorder));
}
