/** Test stores and districts: a temp SQLite file or a fresh PostgreSQL database, schools and their tokens. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Express } from 'express';
import { createApp, type AppDeps } from '../../server/app';
import type { UploadPool } from '../../server/upload/pool';
import { openStore } from '../../server/store/open';
import type { Store } from '../../server/store/schema';
import { addSchool } from '../../server/store/schools';
import { issueDistrictToken, issueSchoolToken } from '../../server/store/tokens';
import { createDatabase } from './pg';

/** A store plus how to reach it from another process and how to throw it away. */
export interface TestStore {
  store: Store;
  /** Environment that points `yanbiao` at this store. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/** Opens an empty store of the given kind. */
export async function openTestStore(kind: 'sqlite' | 'postgres'): Promise<TestStore> {
  if (kind === 'postgres') {
    const db = await createDatabase();
    const store = await openStore({ databaseUrl: db.url });
    return { store, env: { DATABASE_URL: db.url }, dispose: async () => { await store.close(); await db.drop(); } };
  }
  const dir = mkdtempSync(join(tmpdir(), 'yanbiao-test-'));
  const store = await openStore({ sqliteFile: join(dir, 'yanbiao.sqlite') });
  return { store, env: { YANBIAO_DATA: dir }, dispose: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** A district of schools with tokens. */
export interface TestDistrict extends TestStore {
  app: Express;
  district: string;
  tokens: Record<string, string>;
}

/** Creates the schools, a district token and one token per school, and the app on top. */
export async function openDistrict(
  kind: 'sqlite' | 'postgres',
  schools: { code: string; name: string; type?: string }[],
  deps: Partial<AppDeps> = {},
): Promise<TestDistrict> {
  const t = await openTestStore(kind);
  const tokens: Record<string, string> = {};
  for (const s of schools) {
    await addSchool(t.store.db, { code: s.code, name: s.name, type: s.type ?? '小学' });
    tokens[s.code] = await issueSchoolToken(t.store.db, s.code);
  }
  const district = await issueDistrictToken(t.store.db);
  const app = createApp({ store: t.store, logger: pino({ level: 'silent' }), rateLimits: { perMinute: 100_000, uploadsPerMinute: 100_000, failedAuthPerMinute: 100_000 }, ...deps });
  // The app's upload workers end with the district.
  return { ...t, app, district, tokens, dispose: async () => { await (app.locals.pool as UploadPool).close(); await t.dispose(); } };
}

/** `Authorization` header value. */
export const bearer = (token: string) => `Bearer ${token}`;
