/**
 * Every hostile workbook of test/support/hostile.ts uploaded to a real `yanbiao serve` process with one school
 * token, while a probe asks /healthz every 100 ms: each upload gets a Chinese 4xx (never a 500), every probe is
 * answered within 1 s, the process lives, and an honest upload afterwards is stored.
 */
import { addSchool } from '../../server/store/schools';
import { issueSchoolToken } from '../../server/store/tokens';
import { childEnv, startChild, type ChildServer } from '../support/child-server';
import { hostileFiles } from '../support/hostile';
import { openTestStore, type TestStore } from '../support/store';
import { xlsxOf } from '../support/xlsx';

const CJK = /[\u4e00-\u9fff]/;

describe('hostile workbooks against a running server', () => {
  let t: TestStore;
  let server: ChildServer;
  let token: string;

  beforeAll(async () => {
    t = await openTestStore('sqlite');
    await addSchool(t.store.db, { code: 'H1', name: '试验小学', type: '小学' });
    token = await issueSchoolToken(t.store.db, 'H1');
    await t.store.close();
    server = await startChild(childEnv(t.env));
    // Warm up: the first upload starts the server's worker threads, which no single test should pay for (each test
    // runs alone as well as after the others). A roster without its 学科 is refused (422): nothing is stored.
    const warm = await upload(await xlsxOf([{ sheet: '教师名册', grid: [['姓名', '学科'], ['张伟', null]] }]));
    expect(warm.status).toBe(422);
  });
  afterAll(async () => {
    await server?.stop();
    await t?.dispose().catch(() => undefined);
  });

  const upload = (buf: Buffer) => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(buf)]), "a.xlsx");
    return fetch(`${server.url}/api/v1/uploads?term=2025春`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  };

  /** Runs `work` while asking /healthz every 100 ms (at most 600 probes); returns the slowest answer in ms. */
  async function probed<T>(work: () => Promise<T>): Promise<{ value: T; slowest: number; probes: number }> {
    let done = false;
    let slowest = 0;
    let probes = 0;
    const probe = (async () => {
      while (!done && probes < 600) {
        const start = Date.now();
        const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5000) });
        expect(res.status).toBe(200);
        slowest = Math.max(slowest, Date.now() - start);
        probes++;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    try {
      return { value: await work(), slowest, probes };
    } finally {
      done = true;
      await probe;
    }
  }

  test.each(hostileFiles().map((h) => [h.name, h] as const))('%s', async (_name, h) => {
    const { value: res, slowest, probes } = await probed(() => upload(h.buf));
    const text = await res.text();
    expect(h.status).toContain(res.status);
    // The answer is small and in Chinese, whatever the file held.
    expect(text.length).toBeLessThan(3 * 1024 * 1024);
    const body = JSON.parse(text) as { error: { message: string } };
    expect(body.error.message).toMatch(CJK);
    expect(probes).toBeGreaterThanOrEqual(1);
    expect(slowest).toBeLessThan(1000);
    expect(server.child.exitCode).toBeNull();
  });

  test('after every hostile workbook, an honest upload is stored', async () => {
    // Sent here again, so that this holds alone (-t) and in any order, not only after the tests above.
    for (const h of hostileFiles()) {
      const res = await upload(h.buf);
      await res.text();
      expect([h.name, h.status.includes(res.status)]).toEqual([h.name, true]);
    }
    expect(server.child.exitCode).toBeNull();
    const buf = await xlsxOf([{ sheet: '教师名册', grid: [['姓名', '学科'], ['张伟', '语文']] }]);
    const res = await upload(buf);
    expect(res.status).toBe(201);
  });
});
