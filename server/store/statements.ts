/**
 * SQLite statements prepared once and kept: Kysely's SQLite driver prepares every query it runs, and an upload ran
 * ~70 of them (preparing costs more than running most). Since the query text of a hot path is the same each time,
 * the database Kysely is given keeps the last `size` prepared statements by their text and hands them out again.
 */
import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** How many distinct statements are kept (least recently used dropped first). */
export const KEPT_STATEMENTS = 500;

/** `db` for Kysely's SqliteDialect, its statements prepared once per query text. */
export function preparedOnce(db: Database.Database, size = KEPT_STATEMENTS): SqliteDatabase {
  const kept = new Map<string, Database.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const stmt = kept.get(sql);
      // A statement still being iterated (a streamed query) cannot run again until it ends: prepare another.
      if (stmt && !stmt.busy) {
        kept.delete(sql);
        kept.set(sql, stmt);
        return stmt;
      }
      const fresh = db.prepare(sql);
      if (stmt) return fresh;
      if (kept.size >= size) kept.delete(kept.keys().next().value!);
      kept.set(sql, fresh);
      return fresh;
    },
  };
}
