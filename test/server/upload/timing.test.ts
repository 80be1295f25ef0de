/** Phase timing of an upload: kept per phase, answered as Server-Timing, read back by the bench. */
import request from 'supertest';
import { parseServerTiming, PhaseTimes } from '../../../server/upload/timing';
import { storeKinds } from '../../support/pg';
import { bearer, openDistrict, type TestDistrict } from '../../support/store';
import { xlsxOf } from '../../support/xlsx';
import * as F from '../../support/fixture-district';

describe('PhaseTimes', () => {
  test('the header lists the phases that ran, in upload order, their times added up', () => {
    const p = new PhaseTimes();
    p.add('store', 2.25);
    p.add('read', 10);
    p.add('store', 1);
    expect(p.header()).toBe('read;dur=10.0, store;dur=3.3');
    expect(new PhaseTimes().header()).toBe('');
  });

  test('time() counts a phase that throws, and passes the error on', async () => {
    const p = new PhaseTimes();
    await expect(p.time('cross', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(Object.keys(parseServerTiming(p.header()))).toEqual(['cross']);
    expect(await p.time('receipt', async () => 42)).toBe(42);
  });

  test('parseServerTiming reads durations, skipping entries without one', () => {
    expect(parseServerTiming('read;dur=12.5, cache;desc="hit", validate;desc="x";dur=3')).toEqual({ read: 12.5, validate: 3 });
    expect(parseServerTiming(null)).toEqual({});
  });
});

describe.each(storeKinds())('Server-Timing of an upload on %s', (kind) => {
  let d: TestDistrict;
  beforeEach(async () => (d = await openDistrict(kind, F.SCHOOLS, { now: () => F.NOW })));
  afterEach(() => d.dispose());

  test('a stored upload answers every phase it went through; its replay, only the lookup, read, check and receipt', async () => {
    const file = await xlsxOf([F.rosterA(), F.papersA()]);
    const post = () =>
      request(d.app).post(`/api/v1/uploads?term=${encodeURIComponent(F.TERM)}`).set('Authorization', bearer(d.tokens['WTQ-A'])).set('Idempotency-Key', 'k1').attach('file', file, 'a.xlsx');
    const first = await post();
    expect(first.status).toBe(201);
    const phases = parseServerTiming(first.headers['server-timing']);
    expect(Object.keys(phases)).toEqual(['lookup', 'queue', 'read', 'validate', 'store', 'cross', 'receipt']);
    expect(phases.read).toBeGreaterThan(0);
    expect(phases.store).toBeGreaterThan(0);
    const replay = await post();
    expect(replay.status).toBe(200);
    expect(Object.keys(parseServerTiming(replay.headers['server-timing']))).toEqual(['lookup', 'queue', 'read', 'validate', 'receipt']);
  });

  test('the add-in JSON route answers it too (nothing read from a file)', async () => {
    const res = await request(d.app)
      .post('/api/v1/submissions')
      .set('Authorization', bearer(d.tokens['WTQ-A']))
      .send({ term: F.TERM, sheets: [F.rosterA()] });
    expect(res.status).toBe(201);
    expect(parseServerTiming(res.headers['server-timing']).store).toBeGreaterThan(0);
  });
});
