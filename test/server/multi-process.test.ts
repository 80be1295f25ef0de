/** Two server processes started at once on one store (both migrate) share it: concurrent uploads to both get unique versions. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../server/store/open';
import { addSchool, listSchools } from '../../server/store/schools';
import { issueSchoolToken } from '../../server/store/tokens';
import { childEnv, startChild } from '../support/child-server';
import * as F from '../support/fixture-district';
import { createDatabase, storeKinds } from '../support/pg';

/** Where a store would be, with nothing created yet. */
async function emptyStore(kind: 'sqlite' | 'postgres'): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (kind === 'postgres') {
    const db = await createDatabase();
    return { env: { DATABASE_URL: db.url }, drop: db.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'yanbiao-mp-'));
  return { env: { YANBIAO_DATA: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

describe.each(storeKinds())('two processes on one %s store', (kind) => {
  test('start together, then 12 uploads of one school spread over both → versions 1…12, all rows', async () => {
    // A store nobody has opened yet: the two children create the schema themselves, at the same moment.
    const fresh = await emptyStore(kind);
    try {
      const [a, b] = await Promise.all([startChild(childEnv(fresh.env)), startChild(childEnv(fresh.env))]);
      const store = await openStore(fresh.env.DATABASE_URL ? { databaseUrl: fresh.env.DATABASE_URL } : { sqliteFile: join(fresh.env.YANBIAO_DATA, 'yanbiao.sqlite') });
      try {
        // YANBIAO_DEMO=0 (childEnv): an empty store stays empty, no demo district.
        expect(await listSchools(store.db)).toEqual([]);
        expect(`${a.output()}${b.output()}`).not.toMatch(/演示区县/);
        await addSchool(store.db, { code: 'WTQ-A', name: '甲小学', type: '小学' });
        const token = await issueSchoolToken(store.db, 'WTQ-A');
        const body = JSON.stringify({ term: F.TERM, sheets: [F.rosterA(), F.papersA()] });
        const answers = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            fetch(`${(i % 2 ? a : b).url}/api/v1/submissions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body }).then(async (r) => ({ status: r.status, body: await r.json() })),
          ),
        );
        expect(answers.map((r) => r.status)).toEqual(new Array(12).fill(201));
        const versions = answers.map((r) => r.body.submissions.map((s: { version: number }) => s.version));
        expect(versions.map((v) => v[0]).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        const rows = await store.db.selectFrom('rows').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
        expect(Number(rows.n)).toBe(12 * 7);
      } finally {
        await Promise.all([a.stop(), b.stop()]);
        await store.close();
      }
    } finally {
      await fresh.drop();
    }
  });
});
