/** Opens the store: PostgreSQL when a URL is given, else an embedded SQLite file; migrations run before use. */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Pool } from 'pg';
import { Checkpointer, SAFETY_PAGES } from './checkpoint';
import { migrate } from './migrations';
import { preparedOnce } from './statements';
import type { DB, Store } from './schema';

/** Where to store: `databaseUrl` wins; otherwise `sqliteFile`. */
export interface StoreConfig {
  databaseUrl?: string;
  sqliteFile?: string;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /**
   * SQLite: checkpoint the WAL from a background thread instead of inside commits (store/checkpoint.ts). For the
   * long-running server; one-shot commands leave it off.
   */
  backgroundCheckpoints?: boolean;
  /** Told when a background checkpoint fails (logged by the server). */
  onCheckpointError?: (message: string) => void;
}

/** Runs `work`, retrying for up to `ms` while another process holds the SQLite file locked. */
export async function untilFree<T>(work: () => T, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (let wait = 10; ; wait = Math.min(wait * 2, 250)) {
    try {
      return work();
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() + wait > deadline) throw err;
      await new Promise((r) => setTimeout(r, wait + Math.random() * wait));
    }
  }
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
    try {
      await migrate(db, 'postgres');
    } catch (err) {
      await db.destroy();
      throw err;
    }
    return store;
  }
  const file = resolve(config.sqliteFile ?? 'data/yanbiao.sqlite');
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  let db: Kysely<DB> | undefined;
  try {
    // The admin CLI may write while the server runs: wait for the lock instead of failing.
    sqlite.pragma('busy_timeout = 10000');
    // WAL: readers never block the writer and a crash mid-write leaves the last committed state.
    // Switching to WAL reads the file, then writes it; SQLite never calls the busy handler to turn a read into a
    // write (that could deadlock), so while another process writes — two servers creating one new store at the
    // same moment — this answers SQLITE_BUSY at once: wait and try again.
    await untilFree(() => sqlite.pragma('journal_mode = WAL'));
    sqlite.pragma('synchronous = FULL');
    // 64 MiB of pages (the default is 2 MiB): the cross-school keys' indexes of a district's term stay in memory,
    // so storing an upload's keys does not read index pages back from the file as the district grows.
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('foreign_keys = ON');
    db = new Kysely<DB>({ dialect: new SqliteDialect({ database: preparedOnce(sqlite) }) });
    await migrate(db, 'sqlite');
  } catch (err) {
    // A store that cannot be opened leaves no handle behind.
    if (db) await db.destroy();
    else sqlite.close();
    throw err;
  }
  const opened = db;
  if (!config.backgroundCheckpoints) return { db: opened, dialect: 'sqlite', where: file, close: () => opened.destroy() };
  sqlite.pragma(`wal_autocheckpoint = ${SAFETY_PAGES}`);
  const checkpoints = new Checkpointer(file, config.onCheckpointError);
  return {
    db: opened,
    dialect: 'sqlite',
    where: file,
    checkpoints,
    close: async () => {
      await checkpoints.stop();
      await opened.destroy();
    },
  };
}
