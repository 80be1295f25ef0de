/**
 * The demo district and the server made on the first and the last day of each term, in China time, through the
 * injected clock (on SQLite and PostgreSQL): the demo is the term of that day, and the board, its deadlines, the
 * summary's months due and the reminder all take that day as today — also where the day in UTC is another one.
 */
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../../server/app';
import { createDemoDistrict, DEMO_SCHOOLS } from '../../../server/demo/district';
import { setDeadline } from '../../../server/store/deadlines';
import type { UploadPool } from '../../../server/upload/pool';
import { parseTerm } from '../../../shared/term';
import { storeKinds } from '../../support/pg';
import { bearer, openTestStore } from '../../support/store';

/** [instant, the term it falls in, the day in China, its first or last day]. */
const EDGES = [
  ['2026-08-01T00:00:00+08:00', '2026秋', '2026-08-01', 'first'], // still 31 July (春) in UTC
  ['2027-01-31T23:59:59+08:00', '2026秋', '2027-01-31', 'last'],
  ['2027-02-01T00:00:00+08:00', '2027春', '2027-02-01', 'first'], // still 31 January (秋) in UTC
  ['2027-07-31T23:59:59+08:00', '2027春', '2027-07-31', 'last'],
] as const;

const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const md = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
const ALL = DEMO_SCHOOLS.find((s) => s.kinds === 'all')!;
const NONE = DEMO_SCHOOLS.find((s) => s.kinds === 'none')!;

describe.each(storeKinds())('the demo district on a term’s first and last day, on %s', (kind) => {
  test.each(EDGES)('%s: %s, today %s (its %s day)', async (instant, term, day, edge) => {
    const now = () => new Date(instant);
    const t = await openTestStore(kind);
    const tokens = await createDemoDistrict(t.store, now());
    const app = createApp({ store: t.store, now, logger: pino({ level: 'silent' }) });
    const district = bearer(tokens.district);
    try {
      expect(tokens.term).toBe(term);
      // A deadline today has not passed yet; yesterday's has (the demo's uploads, made today, came after it).
      await setDeadline(t.store.db, term, 'papers', day);
      await setDeadline(t.store.db, term, 'roster', dayBefore(day));
      const board = await request(app).get(`/api/v1/terms/${encodeURIComponent(term)}/status`).set('Authorization', district);
      expect([board.status, board.body.term, board.body.asOf]).toEqual([200, term, day]);
      expect(board.body.schools.map((s: { code: string }) => s.code).sort()).toEqual(DEMO_SCHOOLS.map((s) => s.code).sort());
      const cell = (code: string, k: string) => {
        const c = board.body.schools.find((s: { code: string }) => s.code === code).kinds[k];
        return [c.status, c.deadline, c.late];
      };
      expect(cell(ALL.code, 'papers')).toEqual(['已上报', day, false]);
      expect(cell(ALL.code, 'roster')).toEqual(['已上报', dayBefore(day), true]);
      expect(cell(NONE.code, 'papers')).toEqual(['未上报', day, false]);
      expect(cell(NONE.code, 'roster')).toEqual(['未上报', dayBefore(day), true]);

      // 学月反思 is due for a month once its deadline (the month's last Friday) has passed: none on a term's first
      // day, every month on its last (the last Fridays of January and July 2027 are the 29th and the 30th).
      const summary = await request(app).get(`/api/v1/terms/${encodeURIComponent(term)}/summary`).set('Authorization', district);
      expect([summary.status, summary.body.asOf]).toEqual([200, day]);
      const school = summary.body.schools.find((s: { code: string }) => s.code === ALL.code);
      expect(school.reflections.months).toEqual(edge === 'first' ? [] : parseTerm(term).months);

      const reminder = await request(app).post(`/api/v1/terms/${encodeURIComponent(term)}/reminders`).set('Authorization', district).send({ schools: [NONE.code] });
      expect(reminder.status).toBe(200);
      expect(reminder.body.text.split('\n')[0]).toBe(`【催交】${term}学期登记表上报通知（截至${md(day)}）`);
    } finally {
      await (app.locals.pool as UploadPool).close();
      await t.dispose();
    }
  });
});
