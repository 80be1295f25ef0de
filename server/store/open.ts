/** Opens the store: PostgreSQL when a URL is given, else an embedded SQLite file; migrations run before use. */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Pool } from 'pg';
import { migrate } from './migrations';
import type { DB, Store } from './schema';

/** Where to store: `databaseUrl` wins; otherwise `sqliteFile`. */
export interface StoreConfig {
  databaseUrl?: string;
  sqliteFile?: string;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
}

/** Opens (and migrates) the store. */
export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.databaseUrl) {
    const pool = new Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 });
    // An idle client's error (server restart) must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(config.databaseUrl);
    const store: Store = {
      db,
      dialect: 'postgres',
      where: `postgres://${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => db.destroy(),
    };
    await migrate(db, 'postgres');
    return store;
  }
  const file = resolve(config.sqliteFile ?? 'data/yanbiao.sqlite');
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // WAL: readers never block the writer and a crash mid-write leaves the last committed state.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // The admin CLI may write while the server runs: wait for the lock instead of failing.
  sqlite.pragma('busy_timeout = 10000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db, 'sqlite');
  return { db, dialect: 'sqlite', where: file, close: () => db.destroy() };
}
