/**
 * The district's register definition as the add-in keeps it: fetched from the district on connecting, kept with
 * the workbook (document settings), so 结构化, 校验 and 修正 use the district's registers offline too. Without a
 * kept definition the engine's built-in one applies. Pure: storage is the caller's.
 */
import { compileDefinition } from '../../shared/registers/compile';
import { registersOf, BUILTIN_COMPILED, type RegisterInfo } from '../../shared/registers/list';
import { RegisterDefinitionSchema, type RegisterDefinition } from '../../shared/registers/schema';
import type { CompiledRegisters } from '../../shared/types';

/** A definition kept with the workbook: which version, from which server, when. */
export interface KeptDefinition {
  version: number;
  server: string;
  fetchedAt: string;
  definition: RegisterDefinition;
}

/** A kept definition read back from the document settings, or null when absent or unreadable. */
export function readKept(v: unknown): KeptDefinition | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const parsed = RegisterDefinitionSchema.safeParse(o.definition);
  if (!parsed.success || typeof o.version !== 'number') return null;
  return { version: o.version, server: String(o.server ?? ''), fetchedAt: String(o.fetchedAt ?? ''), definition: parsed.data };
}

let cache: { key: string; compiled: CompiledRegisters } | null = null;

/** The compiled registers of a kept definition (cached per server and version); undefined means the built-in ones. */
export function compiledOf(kept: KeptDefinition | null): CompiledRegisters | undefined {
  if (!kept || kept.version === 0) return undefined;
  const key = `${kept.server}\u0000${kept.version}`;
  if (cache?.key !== key) cache = { key, compiled: compileDefinition(kept.definition) };
  return cache.compiled;
}

/** The registers the pane offers (cards of 结构化, titles of results). */
export function paneRegisters(kept: KeptDefinition | null): RegisterInfo[] {
  return registersOf(compiledOf(kept) ?? BUILTIN_COMPILED);
}
