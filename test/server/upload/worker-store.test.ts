/**
 * Uploads are stored by the upload workers, each over its own connection to the store (`store.reopen`), not by the
 * server's thread; the server's clock reaches them; two schools storing the same 题目 at the same moment are still
 * found by the cross-school check (the later check sees the other upload).
 */
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import pino from 'pino';
import request from 'supertest';
import type { KyselyPlugin } from 'kysely';
import { createApp } from '../../../server/app';
import type { Store } from '../../../server/store/schema';
import { ingest } from '../../../server/upload/ingest';
import type { UploadPool } from '../../../server/upload/pool';
import { storeKinds } from '../../support/pg';
import { bearer, openDistrict, type TestDistrict } from '../../support/store';
import * as F from '../../support/fixture-district';

/** The server thread's connection, made unable to write: a stored upload proves another connection stored it. */
const refuseWrites: KyselyPlugin = {
  transformQuery(args) {
    if (args.node.kind !== 'SelectQueryNode' && args.node.kind !== 'RawNode') throw new Error(`主线程不应写入：${args.node.kind}`);
    return args.node;
  },
  transformResult: async (args) => args.result,
};

describe.each(storeKinds())('uploads stored by the upload workers on %s', (kind) => {
  let d: TestDistrict;
  beforeEach(async () => {
    d = await openDistrict(kind, F.SCHOOLS, { now: () => F.NOW });
  });
  afterEach(() => d.dispose());

  test('an upload is stored whole while the server thread’s own connection cannot write', async () => {
    const readOnly: Store = { ...d.store, db: d.store.db.withPlugin(refuseWrites) };
    // Without a worker the same upload fails on the refusing connection: the plugin is in force.
    await expect(ingest(readOnly, { school: 'WTQ-A', term: F.TERM, sheets: [F.rosterA(), F.papersA()], idemKey: null, source: 'json', actor: 't' }, { now: F.NOW })).rejects.toThrow('主线程不应写入');
    const app = createApp({ store: readOnly, logger: pino({ level: 'silent' }), now: () => F.NOW });
    try {
      const res = await request(app).post('/api/v1/submissions').set('Authorization', bearer(d.tokens['WTQ-A'])).send({ term: F.TERM, sheets: [F.rosterA(), F.papersA()] });
      expect(res.status).toBe(201);
      expect(res.headers['server-timing']).toMatch(/queue;dur=.*read;dur=.*validate;dur=.*store;dur=.*cross;dur=.*receipt;dur=/);
      const stored = await d.store.db.selectFrom('submissions').select(['id', 'kind', 'row_count', 'created_at']).orderBy('id').execute();
      expect(stored.map((s) => [s.kind, s.row_count])).toEqual(res.body.submissions.map((s: { kind: string; rows: number }) => [s.kind, s.rows]));
      // The worker stamps the server's clock (tests set it), not its own.
      expect(stored.map((s) => s.created_at)).toEqual(stored.map(() => F.NOW.toISOString()));
      for (const s of stored) {
        const n = await d.store.db.selectFrom('rows').select((eb) => eb.fn.countAll().as('n')).where('submission_id', '=', s.id).executeTakeFirstOrThrow();
        expect(Number(n.n)).toBe(s.row_count);
      }
      // A refusal made in the worker comes back as the same 422 with its findings.
      const bad = F.papersA();
      bad.grid[1][6] = '不是日期';
      const refused = await request(app).post('/api/v1/submissions').set('Authorization', bearer(d.tokens['WTQ-A'])).send({ term: F.TERM, sheets: [bad] });
      expect([refused.status, refused.body.error.code]).toEqual([422, 'invalid_workbook']);
      expect(refused.body.error.findings.length).toBeGreaterThan(0);
    } finally {
      await (app.locals.pool as UploadPool).close();
    }
  });

  test('two schools storing the same 题目 at the same moment: the cross-school check finds it every time', async () => {
    for (let round = 0; round < 4; round++) {
      const term = `${2030 + round}春`;
      const [a, b] = await Promise.all(
        (
          [
            ['WTQ-A', [F.rosterA(), F.papersA()]],
            ['WTQ-B', [F.rosterB(), F.papersB()]],
          ] as const
        ).map(([code, sheets]) => request(d.app).post('/api/v1/submissions').set('Authorization', bearer(d.tokens[code])).send({ term, sheets })),
      );
      expect([a.status, b.status]).toEqual([201, 201]);
      // At least the upload that committed second saw the first; the listing shows the pair on both sides.
      expect(a.body.crossSchool.length + b.body.crossSchool.length).toBeGreaterThanOrEqual(1);
      const listA = await request(d.app).get(`/api/v1/terms/${encodeURIComponent(term)}/submissions`).set('Authorization', bearer(d.tokens['WTQ-A']));
      const papersA = listA.body.submissions.find((s: { kind: string }) => s.kind === 'papers');
      expect(papersA.crossSchool.map((f: { other: { school: string } }) => f.other.school)).toEqual(['WTQ-B']);
    }
  });
});

describe('a worker ended in the middle of storing (the pool’s time limit) on sqlite', () => {
  test('its open transaction is rolled back and the write lock let go: nothing half-stored, the next upload stores', async () => {
    const d = await openDistrict('sqlite', F.SCHOOLS, { now: () => F.NOW });
    try {
      const file = d.store.reopen!.sqliteFile!;
      // A thread holding the write lock in the middle of a transaction (as a worker storing rows does), then ended.
      const w = new Worker(
        `const { parentPort, workerData } = require('node:worker_threads');
         const db = new (require(workerData.driver))(workerData.file);
         db.exec('begin immediate');
         db.prepare("insert into schools (code, name, type, created_at) values ('HALF', '半途', '小学', 'x')").run();
         parentPort.postMessage('holding');
         setInterval(() => {}, 1000);`,
        { eval: true, workerData: { driver: require.resolve('better-sqlite3'), file } },
      );
      await new Promise((resolve) => w.once('message', resolve));
      await w.terminate();
      // The lock is free at once: a connection that does not wait at all takes it.
      const probe = new Database(file);
      probe.pragma('busy_timeout = 0');
      expect(() => probe.exec('begin immediate; rollback')).not.toThrow();
      probe.close();
      const res = await request(d.app).post('/api/v1/submissions').set('Authorization', bearer(d.tokens['WTQ-A'])).send({ term: F.TERM, sheets: [F.rosterA()] });
      expect(res.status).toBe(201);
      expect(await d.store.db.selectFrom('schools').select('code').where('code', '=', 'HALF').execute()).toEqual([]);
    } finally {
      await d.dispose();
    }
  });
});
