/**
 * SQLite checkpoints on a background thread (store/checkpoint.ts): the committing connection no longer copies the
 * WAL into the database file below the safety limit; the background connection does, on its timer and on request;
 * closing the store ends the thread. The database file is read on its own (a copy without its WAL) to see what
 * really reached it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { SAFETY_PAGES } from '../../../server/store/checkpoint';
import { openStore } from '../../../server/store/open';
import type { Store } from '../../../server/store/schema';
import { addSchool } from '../../../server/store/schools';
import { writeUpload } from '../../../server/store/write-upload';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'yanbiao-ckpt-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Stores one upload of `n` roster rows of ~1 KB each for school A. */
async function upload(store: Store, n: number, tag: string): Promise<void> {
  const records = Array.from({ length: n }, (_, i) => ({ row: i + 2, values: { 姓名: `${tag}${i}`, 备注: '研'.repeat(300) } }));
  await writeUpload(store, { school: 'A', term: '2025春', idemKey: null, source: 'json', actor: 'test', submissions: [{ kind: 'roster', sheet: 'a', records, rules: [], warnings: [], columns: [] }] });
}

/** A store with background checkpoints in `name`, holding school A, for `body`; closed after it. */
async function withStore(name: string, body: (store: Store, file: string) => Promise<void>): Promise<Store> {
  const file = join(dir, name);
  const store = await openStore({ sqliteFile: file, backgroundCheckpoints: true });
  try {
    await addSchool(store.db, { code: 'A', name: '甲', type: '小学' });
    await body(store, file);
  } finally {
    await store.close();
  }
  return store;
}

/** Rows in the database file alone (its WAL left behind), read from a copy: 0 before the table itself got there. */
function rowsInFile(file: string): number {
  const copy = join(dir, 'copy.sqlite');
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    // Before any checkpoint even the tables are only in the WAL.
    if (!db.prepare("select 1 from sqlite_master where name = 'rows'").get()) return 0;
    return (db.prepare('select count(*) as n from rows').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

test('the writer leaves checkpoints to the background thread: past 1,000 WAL pages the database file is not touched', async () => {
  await withStore('a.sqlite', async (store, file) => {
    expect((await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(store.db)).rows[0].wal_autocheckpoint).toBe(SAFETY_PAGES);
    await store.checkpoints!.now();
    await store.checkpoints!.stop(); // nobody checkpoints now but the writer itself
    const size = statSync(file).size;
    for (let i = 0; i < 4; i++) await upload(store, 2000, `u${i}`); // ~8 MB: 2,000 pages of WAL and more
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(1000 * 4096);
    expect(statSync(file).size).toBe(size);
    expect(rowsInFile(file)).toBe(0);
  });
});

test('a checkpoint on request copies every committed page into the database file', async () => {
  const store = await withStore('b.sqlite', async (store, file) => {
    await upload(store, 1500, 'x');
    const r = await store.checkpoints!.now();
    expect(r.busy).toBe(0);
    expect(r.checkpointed).toBe(r.log);
    expect(rowsInFile(file)).toBe(1500);
  });
  await expect(store.checkpoints!.now()).rejects.toThrow(/停止/);
});

test('the background thread checkpoints on its own, every half second', async () => {
  await withStore('c.sqlite', async (store, file) => {
    await upload(store, 1200, 'y');
    let n = rowsInFile(file);
    for (let waited = 0; n < 1200 && waited < 5000; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
      n = rowsInFile(file);
    }
    expect(n).toBe(1200);
  });
});

test('without the option (one-shot commands) there is no thread and SQLite checkpoints as it always did', async () => {
  const store = await openStore({ sqliteFile: join(dir, 'd.sqlite') });
  try {
    expect(store.checkpoints).toBeUndefined();
    expect((await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(store.db)).rows[0].wal_autocheckpoint).toBe(1000);
  } finally {
    await store.close();
  }
});

test('the thread never keeps a process alive: a script that leaves its store open ends; one awaiting a checkpoint gets it first', () => {
  const open = (then: string) =>
    `require('tsx/cjs'); const { openStore } = require(${JSON.stringify(join(__dirname, '../../../server/store/open.ts'))});` +
    `openStore({ sqliteFile: ${JSON.stringify(join(dir, 'e.sqlite'))}, backgroundCheckpoints: true }).then(${then});`;
  const run = (code: string) => spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', timeout: 20_000 });
  const left = run(open("() => console.log('opened')"));
  expect([left.status, left.signal, left.stdout.trim()]).toEqual([0, null, 'opened']);
  const waited = run(open("(s) => s.checkpoints.now().then((r) => console.log('checkpointed', r.busy))"));
  expect([waited.status, waited.signal, waited.stdout.trim()]).toEqual([0, null, 'checkpointed 0']);
});
