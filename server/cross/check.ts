/**
 * Cross-school checks, run after each upload commits, as the registers' rules ask (store/index-keys.ts): one title
 * under a different teacher anywhere in the district (同题: duplicate; built-in: papers' 题目) and near-duplicate
 * texts (相似文本: near_duplicate, MinHash LSH candidates verified by exact shingle Jaccard; built-in: reflections'
 * 题目/正文). Each pair is stored once per direction, so both sides see the warning.
 * Running after commit (not inside the upload's transaction) means two concurrent uploads cannot both miss each
 * other: whichever checks second sees the first's committed rows.
 */
import { RULES, setSimilarity, textShingleSet, type ShingleSet } from '../../shared/similarity';
import type { Kysely } from 'kysely';
import type { DB, Store } from '../store/schema';
import { insertRows, type InsertSpec } from '../store/bulk';
import { currentAmong } from '../store/current';
import { transact } from '../store/retry';
import { rowsByKey } from '../store/rows';
import { keyParts, text, type RowKey } from '../store/index-keys';

interface KeyRow {
  submission_id: number;
  row: number;
  school_code: string;
  teacher: string;
  key: string;
}

interface Pair {
  code: 'duplicate' | 'near_duplicate';
  a: { submission_id: number; row: number };
  b: { submission_id: number; row: number };
  field: string;
  similarity: number;
}

const BATCH = 400;

/** Each pair is stored once per direction; a pair found again (a re-check, a concurrent upload) is skipped. */
const FINDINGS: InsertSpec<'cross_findings'> = {
  table: 'cross_findings',
  columns: ['term', 'code', 'submission_id', 'row', 'other_submission_id', 'other_row', 'field', 'similarity', 'created_at'],
  skipConflicts: ['submission_id', 'row', 'other_submission_id', 'other_row', 'field'],
};

/** The index keys of submissions just stored, as the upload prepared them (not read back from the store). */
export interface FreshKeys {
  school: string;
  bySubmission: ReadonlyMap<number, { titles: readonly RowKey[]; bands: readonly RowKey[] }>;
}

async function keysOf(db: Kysely<DB>, table: 'paper_titles' | 'reflection_bands', ids: number[], fresh?: FreshKeys): Promise<KeyRow[]> {
  if (fresh && ids.every((id) => fresh.bySubmission.has(id))) {
    const out: KeyRow[] = [];
    for (const id of ids) {
      const keys = fresh.bySubmission.get(id)!;
      for (const k of table === 'paper_titles' ? keys.titles : keys.bands) out.push({ submission_id: id, row: k.row, school_code: fresh.school, teacher: k.teacher, key: k.key });
    }
    return out;
  }
  const col = table === 'paper_titles' ? 'title_key' : 'band';
  const out: KeyRow[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const got = await db
      .selectFrom(table)
      .select(['submission_id', 'row', 'school_code', 'teacher', `${col} as key` as never])
      .where('submission_id', 'in', ids.slice(i, i + BATCH))
      .execute();
    out.push(...(got as unknown as KeyRow[]));
  }
  return out;
}

async function matching(db: Kysely<DB>, table: 'paper_titles' | 'reflection_bands', term: string, keys: string[]): Promise<KeyRow[]> {
  const col = table === 'paper_titles' ? 'title_key' : 'band';
  const out: KeyRow[] = [];
  for (let i = 0; i < keys.length; i += BATCH) {
    const got = await db
      .selectFrom(table)
      .select(['submission_id', 'row', 'school_code', 'teacher', `${col} as key` as never])
      .where('term', '=', term)
      .where(col as never, 'in', keys.slice(i, i + BATCH) as never)
      .execute();
    out.push(...(got as unknown as KeyRow[]));
  }
  return out;
}

/** Candidate pairs sharing a key: other row, counting version, and not the same teacher of the same school. */
function candidates(mine: KeyRow[], others: KeyRow[], current: ReadonlySet<number>): Map<string, [KeyRow, KeyRow, string]> {
  const byKey = new Map<string, KeyRow[]>();
  for (const o of others) {
    if (!current.has(o.submission_id)) continue;
    const list = byKey.get(o.key) ?? [];
    list.push(o);
    byKey.set(o.key, list);
  }
  const out = new Map<string, [KeyRow, KeyRow, string]>();
  for (const m of mine) {
    for (const o of byKey.get(m.key) ?? []) {
      if (o.submission_id === m.submission_id && o.row === m.row) continue;
      if (o.school_code === m.school_code && o.teacher === m.teacher) continue;
      const { field } = keyParts(m.key);
      out.set(`${m.submission_id}:${m.row}:${o.submission_id}:${o.row}:${field}`, [m, o, field]);
    }
  }
  return out;
}

/**
 * Runs both checks for freshly stored submissions; returns the number of pairs found (new or known). `fresh`: their
 * keys as the upload stored them, so they need not be read back (the catch-up after a crash reads them).
 */
export async function crossCheck(store: Store, term: string, submissionIds: number[], now = new Date(), fresh?: FreshKeys): Promise<number> {
  const { db } = store;
  // Which versions count is asked only of the submissions concerned (these, and those sharing a key with them),
  // never of the whole term: an upload's check costs the same in a district of 10 schools or 300.
  const ids = [...(await currentAmong(db, submissionIds))];
  if (ids.length === 0) {
    await markChecked(db, submissionIds);
    return 0;
  }
  const pairs: Pair[] = [];
  const counting = async (others: KeyRow[]) => currentAmong(db, [...new Set(others.map((o) => o.submission_id))]);

  const myTitles = await keysOf(db, 'paper_titles', ids, fresh);
  if (myTitles.length > 0) {
    const others = await matching(db, 'paper_titles', term, [...new Set(myTitles.map((k) => k.key))]);
    for (const [m, o, field] of candidates(myTitles, others, await counting(others)).values()) pairs.push({ code: 'duplicate', a: m, b: o, field, similarity: 1 });
  }

  const myBands = await keysOf(db, 'reflection_bands', ids, fresh);
  if (myBands.length > 0) {
    const others = await matching(db, 'reflection_bands', term, [...new Set(myBands.map((k) => k.key))]);
    const cands = [...candidates(myBands, others, await counting(others)).values()];
    const data = await rowsByKey(db, cands.flatMap(([m, o]) => [m, o]));
    // A row meets several others (and one other through several bands): its shingles are made once. A row no
    // longer stored has none (null), and its pairs come to nothing.
    const sets = new Map<string, ShingleSet | null>();
    const setOf = (k: KeyRow, field: string, sim: 'title' | 'body') => {
      const id = `${k.submission_id}:${k.row}`;
      const key = `${id}:${field}:${sim}`;
      let set = sets.get(key);
      if (set === undefined) {
        const values = data.get(id);
        sets.set(key, (set = values ? textShingleSet(text(values[field]), RULES[sim]) : null));
      }
      return set;
    };
    for (const [m, o, field] of cands) {
      const kind = keyParts(m.key).sim;
      const rule = RULES[kind];
      const a = setOf(m, field, kind);
      const b = a && setOf(o, field, kind);
      const sim = a && b ? setSimilarity(a, b) : 0;
      if (sim >= rule.threshold) pairs.push({ code: 'near_duplicate', a: m, b: o, field, similarity: Math.round(sim * 1000) / 1000 });
    }
  }

  const at = now.toISOString();
  const rows = pairs.flatMap((p) => [
    [term, p.code, p.a.submission_id, p.a.row, p.b.submission_id, p.b.row, p.field, p.similarity, at] as const,
    [term, p.code, p.b.submission_id, p.b.row, p.a.submission_id, p.a.row, p.field, p.similarity, at] as const,
  ]);
  // In the order of the unique key: two uploads' checks that find the same pair (each sees the other's committed
  // rows) then take its locks in the same order and never deadlock on PostgreSQL. One transaction with the mark:
  // one commit (on SQLite one sync to disk) rather than two, and no findings stored without the mark.
  rows.sort((x, y) => x[2] - y[2] || x[3] - y[3] || x[4] - y[4] || x[5] - y[5] || (x[6] < y[6] ? -1 : x[6] > y[6] ? 1 : 0));
  await transact(db, async (trx) => {
    await insertRows(trx, store.dialect, FINDINGS, rows);
    await markChecked(trx, submissionIds);
  });
  return pairs.length;
}

async function markChecked(db: Kysely<DB>, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += BATCH) await db.updateTable('submissions').set({ cross_checked: 1 }).where('id', 'in', ids.slice(i, i + BATCH)).execute();
}

/** Runs the checks a crash interrupted (committed uploads whose check never ran); returns how many submissions. */
export async function catchUpCrossChecks(store: Store, now = new Date()): Promise<number> {
  const pending = await store.db.selectFrom('submissions').select(['id', 'term']).where('cross_checked', '=', 0).orderBy('id').execute();
  const byTerm = new Map<string, number[]>();
  for (const p of pending) byTerm.set(p.term, [...(byTerm.get(p.term) ?? []), p.id]);
  for (const [term, ids] of byTerm) await crossCheck(store, term, ids, now);
  return pending.length;
}
