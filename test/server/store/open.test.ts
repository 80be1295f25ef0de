/** Opening a new SQLite store while another process holds the file: wait for it, never fail at once. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { openStore, untilFree } from '../../../server/store/open';
import { listSchools } from '../../../server/store/schools';

const ROOT = join(__dirname, '..', '..', '..');
const HOLDER = `
  const db = new (require('better-sqlite3'))(process.argv[1]);
  db.exec('CREATE TABLE hold (x); BEGIN IMMEDIATE; INSERT INTO hold VALUES (1);');
  process.stdout.write('held\\n');
  setTimeout(() => { db.exec('COMMIT'); db.close(); }, 400);
`;

describe('openStore on SQLite', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'yanbiao-open-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a new file locked by another process: switching to WAL waits until the lock is let go', async () => {
    const file = join(dir, 'y.sqlite');
    // Another process takes the new file's exclusive lock, says so, and lets go 400 ms later.
    const holder = spawn(process.execPath, ['-e', HOLDER, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const done = new Promise<number | null>((r) => holder.once('exit', r));
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout!.once('data', () => resolve());
        holder.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
      });
      // This is what CI met with two servers starting at once: SQLite answers BUSY at once, whatever busy_timeout says.
      const probe = new Database(file);
      probe.pragma('busy_timeout = 2000');
      const before = Date.now();
      expect(() => probe.pragma('journal_mode = WAL')).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
      expect(Date.now() - before).toBeLessThan(1000);
      probe.close();
      const store = await openStore({ sqliteFile: file });
      try {
        expect(await listSchools(store.db)).toEqual([]);
        expect(await done).toBe(0);
      } finally {
        await store.close();
      }
      const check = new Database(file, { readonly: true });
      expect(check.pragma('journal_mode', { simple: true })).toBe('wal');
      check.close();
    } finally {
      holder.kill('SIGKILL');
    }
  });

  test('untilFree retries only SQLITE_BUSY, and gives up after its time', async () => {
    let calls = 0;
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    await expect(untilFree(() => (++calls < 3 ? (() => { throw busy; })() : 'done'))).resolves.toBe('done');
    expect(calls).toBe(3);
    calls = 0;
    const other = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
    await expect(untilFree(() => { calls++; throw other; })).rejects.toBe(other);
    expect(calls).toBe(1);
    const started = Date.now();
    await expect(untilFree(() => { throw busy; }, 200)).rejects.toBe(busy);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
