/**
 * Multi-row INSERTs of plain value arrays, their SQL text written once per table, columns and row count and run as
 * a compiled query: building an upload's thousands of rows as Kysely nodes cost more than storing them. Rows go in
 * chunks of powers of two (at most 512, and under both engines' bound-parameter limits), so a table has a handful
 * of statement texts, each prepared once (store/statements.ts), and n rows take at most log2(n) + 1 statements.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { DB, Dialect } from './schema';

/** Most rows in one statement. */
export const MAX_CHUNK = 512;
/** Most bound parameters in one statement (SQLite allows 32,766, PostgreSQL 65,535). */
const MAX_PARAMS = 30_000;

/** One multi-row insert: the table, its columns, and on which unique columns a row already there is skipped. */
export interface InsertSpec<T extends keyof DB & string = keyof DB & string> {
  table: T;
  columns: readonly (keyof DB[T] & string)[];
  /** `on conflict (…) do nothing` on these columns. */
  skipConflicts?: readonly (keyof DB[T] & string)[];
}

const texts = new Map<string, string>();

/** The statement text inserting `n` rows (kept: there are a few per table). */
export function insertText<T extends keyof DB & string>(dialect: Dialect, spec: InsertSpec<T>, n: number): string {
  const key = `${dialect}\u0000${spec.table}\u0000${spec.columns.join(',')}\u0000${spec.skipConflicts?.join(',') ?? ''}\u0000${n}`;
  let text = texts.get(key);
  if (text) return text;
  const quote = (name: string) => `"${name}"`;
  const width = spec.columns.length;
  const tuples: string[] = [];
  for (let r = 0; r < n; r++) {
    const marks: string[] = [];
    for (let c = 0; c < width; c++) marks.push(dialect === 'postgres' ? `$${r * width + c + 1}` : '?');
    tuples.push(`(${marks.join(', ')})`);
  }
  text = `insert into ${quote(spec.table)} (${spec.columns.map(quote).join(', ')}) values ${tuples.join(', ')}`;
  if (spec.skipConflicts) text += ` on conflict (${spec.skipConflicts.map(quote).join(', ')}) do nothing`;
  texts.set(key, text);
  return text;
}

/** The chunk sizes `n` rows go in: the largest power of two that fits, then the rest the same way. */
export function chunkSizes(n: number, width: number): number[] {
  let most = MAX_CHUNK;
  while (most > 1 && most * width > MAX_PARAMS) most /= 2;
  const out: number[] = [];
  for (let left = n, size = most; left > 0; ) {
    while (size > left) size /= 2;
    out.push(size);
    left -= size;
  }
  return out;
}

/** Inserts `rows` (each a value per column, in the spec's order) in as few statements as the chunking allows. */
export async function insertRows<T extends keyof DB & string>(db: Kysely<DB>, dialect: Dialect, spec: InsertSpec<T>, rows: readonly (readonly unknown[])[]): Promise<void> {
  let at = 0;
  for (const size of chunkSizes(rows.length, spec.columns.length)) {
    const params: unknown[] = [];
    for (let r = at; r < at + size; r++) for (const v of rows[r]) params.push(v);
    at += size;
    await db.executeQuery(CompiledQuery.raw(insertText(dialect, spec, size), params));
  }
}
