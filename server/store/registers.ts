/**
 * The district's register definition in the store: immutable versions, the newest in force from the next upload
 * on. Version 0 is the built-in definition (no row). A stored definition is parsed and compiled once per process:
 * parsed ones are kept by their stored text, compiled ones by the parsed object, so a version number (which means a
 * different definition in another store, as in tests that open many) is never trusted alone.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { BUILTIN_DEFINITION } from '../../shared/registers/builtin';
import { compileDefinition } from '../../shared/registers/compile';
import { RegisterDefinitionSchema, type RegisterDefinition } from '../../shared/registers/schema';
import type { CompiledRegisters } from '../../shared/types';
import { parseTerm } from '../../shared/term';
import { BUILTIN_COMPILED, registersOf, type RegisterInfo } from '../../shared/registers/list';
import { audit } from './audit';
import type { DB } from './schema';

/** A definition as stored. */
export interface StoredDefinition {
  version: number;
  definition: RegisterDefinition;
  createdAt: string | null;
  /** SHA-256 of the stored text (`builtin` for version 0): with the version, what a definition is, in any store. */
  hash: string;
}

const parsed = new Map<string, { definition: RegisterDefinition; hash: string }>();
const compiled = new WeakMap<RegisterDefinition, CompiledRegisters>();
const BUILTIN: StoredDefinition = { version: 0, definition: BUILTIN_DEFINITION, createdAt: null, hash: 'builtin' };
/** Distinct definitions kept parsed (each is tens of KB; a district has a handful). */
const KEPT = 50;

/** A stored row as a definition, its text parsed and checked once. */
function fromRow(row: { version: number; definition: string; created_at: string }): StoredDefinition {
  let known = parsed.get(row.definition);
  if (!known) {
    known = { definition: RegisterDefinitionSchema.parse(JSON.parse(row.definition)), hash: createHash('sha256').update(row.definition).digest('hex') };
    if (parsed.size >= KEPT) parsed.delete(parsed.keys().next().value!);
    parsed.set(row.definition, known);
  }
  return { version: row.version, definition: known.definition, createdAt: row.created_at, hash: known.hash };
}

async function byVersion(db: Kysely<DB>, version: number): Promise<StoredDefinition> {
  if (version === 0) return BUILTIN;
  const row = await db.selectFrom('register_definitions').selectAll().where('version', '=', version).executeTakeFirst();
  return row ? fromRow(row) : BUILTIN;
}

/**
 * The definition of a term: the one in force when the term ended (the newest stored before the end of its last
 * day, Beijing time; for the current term, the one in force now), or a newer one if a school's version of the term
 * was already checked with it. A definition stored after a term closed does not change that term's summary.
 */
export async function termDefinition(db: Kysely<DB>, term: string): Promise<StoredDefinition> {
  const end = new Date(Date.parse(`${parseTerm(term).end}T24:00:00+08:00`)).toISOString();
  const [before, used] = await Promise.all([
    db.selectFrom('register_definitions').select('version').where('created_at', '<', end).orderBy('version', 'desc').limit(1).executeTakeFirst(),
    db.selectFrom('submissions').select((eb) => eb.fn.max('definition_version').as('v')).where('term', '=', term).executeTakeFirst(),
  ]);
  return byVersion(db, Math.max(before?.version ?? 0, Number(used?.v ?? 0)));
}

/** A definition's registers as the board, summary and report list them: code, title and columns, in order. */
export function registerList(d: StoredDefinition): RegisterInfo[] {
  return registersOf(compiledFor(d));
}

/** The compiled form of any stored definition, the built-in one included. */
export function compiledFor(d: StoredDefinition): CompiledRegisters {
  return compiledOf(d) ?? BUILTIN_COMPILED;
}

/** The definition in force: the newest stored version, or the built-in one (version 0). */
export async function currentDefinition(db: Kysely<DB>): Promise<StoredDefinition> {
  const row = await db.selectFrom('register_definitions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? fromRow(row) : BUILTIN;
}

/** The compiled form of a stored definition (undefined for the built-in one, which the engine uses by default). */
export function compiledOf(d: StoredDefinition): CompiledRegisters | undefined {
  if (d.version === 0) return undefined;
  let c = compiled.get(d.definition);
  if (!c) compiled.set(d.definition, (c = compileDefinition(d.definition)));
  return c;
}

/** Stores a checked definition as the next version and audits it; returns the new version. */
export async function storeDefinition(db: Kysely<DB>, definition: RegisterDefinition, actor: string, now = new Date()): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('register_definitions')
      .values({ name: definition.name, definition: JSON.stringify(definition), created_at: now.toISOString(), actor })
      .returning('version')
      .executeTakeFirstOrThrow();
    await audit(tx, { actor, action: 'registers', target: String(row.version), detail: { name: definition.name, registers: definition.registers.map((r) => r.code) } }, now);
    return row.version;
  });
}
