/**
 * The server process killed with SIGKILL in the middle of concurrent uploads, then restarted on the same store:
 * every upload answered 201 is there whole, none is there in part, and retries with the same Idempotency-Key
 * neither lose nor double anything.
 */
import { schoolRegisters, type RegisterSizes } from '../../server/demo/registers';
import { addSchool } from '../../server/store/schools';
import { issueDistrictToken, issueSchoolToken } from '../../server/store/tokens';
import { childEnv, startChild } from '../support/child-server';
import { storeKinds } from '../support/pg';
import { openTestStore } from '../support/store';

const SIZES: RegisterSizes = { teachers: 20, papersPerTeacher: 1.5, courses: 20, projects: 4, reflectionRate: 1 };
const TERM = '2025春';
const UPLOADS = 16;

describe.each(storeKinds())('SIGKILL during uploads on %s', (kind) => {
  test('answered uploads survive whole, nothing is half-stored, retries settle exactly once', async () => {
    const t = await openTestStore(kind);
    try {
      const schools = Array.from({ length: UPLOADS }, (_, i) => ({ code: `K${i + 1}`, name: `第${i + 1}小学` }));
      const tokens: Record<string, string> = {};
      for (const s of schools) {
        await addSchool(t.store.db, { ...s, type: '小学' });
        tokens[s.code] = await issueSchoolToken(t.store.db, s.code);
      }
      const district = await issueDistrictToken(t.store.db);
      const bodies = schools.map((s, i) =>
        JSON.stringify({ term: TERM, sheets: schoolRegisters({ code: s.code, name: s.name, term: TERM, asOf: '2025-06-30', seed: i, sizes: SIZES }).filter((x) => ['教师名册', '学月反思', '论文投稿'].includes(x.sheet)) }),
      );
      const send = (url: string, i: number) =>
        fetch(`${url}/api/v1/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[schools[i].code]}`, 'idempotency-key': `crash-${i}` },
          body: bodies[i],
        });

      const first = await startChild(childEnv(t.env));
      const answered: { i: number; receipt: { uploadId: number; submissions: { id: number; rows: number }[] } }[] = [];
      let failed = 0;
      let next = 0;
      let killed: Promise<void> | null = null;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < UPLOADS && !killed) {
            const i = next++;
            try {
              const res = await send(first.url, i);
              if (res.status === 201) answered.push({ i, receipt: await res.json() });
              else failed++;
            } catch {
              failed++;
            }
            if (answered.length >= 4 && !killed) killed = first.kill();
          }
        }),
      );
      await killed;
      expect(answered.length).toBeGreaterThanOrEqual(4);
      // Requests were in flight when the process died.
      expect(failed).toBeGreaterThan(0);

      const second = await startChild(childEnv(t.env));
      try {
        const db = t.store.db;
        // Every answered upload is there, whole.
        for (const a of answered) {
          for (const s of a.receipt.submissions) {
            const n = await db.selectFrom('rows').select((eb) => eb.fn.countAll().as('n')).where('submission_id', '=', s.id).executeTakeFirstOrThrow();
            expect(Number(n.n)).toBe(s.rows);
          }
        }
        // No upload is there in part: each has its three kinds, each with all its rows.
        const checkWhole = async () => {
          const uploads = await db.selectFrom('uploads').select(['id', 'idem_key']).execute();
          for (const u of uploads) {
            const subs = await db.selectFrom('submissions').select(['id', 'row_count']).where('upload_id', '=', u.id).execute();
            expect([u.idem_key, subs.length]).toEqual([u.idem_key, 3]);
            for (const s of subs) {
              const n = await db.selectFrom('rows').select((eb) => eb.fn.countAll().as('n')).where('submission_id', '=', s.id).executeTakeFirstOrThrow();
              expect(Number(n.n)).toBe(s.row_count);
            }
          }
          return uploads;
        };
        await checkWhole();
        // Uploads committed but cut off before their cross-school check were checked when the server came back.
        const unchecked = await db.selectFrom('submissions').select('id').where('cross_checked', '=', 0).execute();
        expect(unchecked).toEqual([]);
        // Every school retries with its key: committed ones replay (200), the rest are stored now (201).
        const retries = await Promise.all(schools.map((_, i) => send(second.url, i)));
        const statuses = retries.map((r) => r.status);
        expect(statuses.every((s) => s === 200 || s === 201)).toBe(true);
        for (const a of answered) expect(statuses[a.i]).toBe(200);
        const uploads = await checkWhole();
        expect(uploads.length).toBe(UPLOADS);
        expect(new Set(uploads.map((u) => u.idem_key)).size).toBe(UPLOADS);
        const versions = await db.selectFrom('submissions').select('version').execute();
        expect(new Set(versions.map((v) => v.version))).toEqual(new Set([1]));
        const health = await fetch(`${second.url}/api/v1/terms/${encodeURIComponent(TERM)}/status`, { headers: { authorization: `Bearer ${district}` } });
        expect(health.status).toBe(200);
      } finally {
        await second.stop();
      }
    } finally {
      await t.dispose();
    }
  });
});
