/** A real district app on 127.0.0.1 over a temp SQLite store with one school (WTQ-SY) and its token. */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createApp } from '../../server/app';
import { openStore } from '../../server/store/open';
import type { Store } from '../../server/store/schema';
import { addSchool } from '../../server/store/schools';
import { issueSchoolToken } from '../../server/store/tokens';
import { clockFrom } from './clock';

/** The app's today unless a test gives its own clock: a school day of 2025春 (literal, not the system's). */
export const APP_TODAY = '2025-04-16T10:00:00+08:00';
/** APP_TODAY's date and term, as literals. */
export const APP_DATE = '2025-04-16';
export const APP_TERM = '2025春';

export interface DistrictApp {
  base: string;
  token: string;
  store: Store;
  close(): Promise<void>;
}

/** Starts the app; `setup` runs on the store before it listens (e.g. storing a definition). */
export async function startDistrictApp(setup?: (store: Store) => Promise<unknown>, now: () => Date = clockFrom(APP_TODAY)): Promise<DistrictApp> {
  const dir = mkdtempSync(join(tmpdir(), 'yb-app-'));
  const store = await openStore({ sqliteFile: join(dir, 'yb.sqlite') });
  await addSchool(store.db, { code: 'WTQ-SY', name: '五通桥区实验小学', type: '小学' });
  const token = await issueSchoolToken(store.db, 'WTQ-SY');
  await setup?.(store);
  const app = createApp({ store, now, addinDist: join(dir, 'none'), logger: pino({ level: 'silent' }) });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token,
    store,
    async close() {
      await new Promise((r) => server.close(r));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
