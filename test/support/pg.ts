/** PostgreSQL for tests: a fresh database per test file on the cluster jest's globalSetup started. */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The cluster's URL, or null when none runs (outside CI only; in CI globalSetup fails instead). */
export function pgUrl(): string | null {
  return process.env.YANBIAO_TEST_PG_URL || null;
}

/** The store kinds to run a suite against: SQLite always, PostgreSQL when a cluster runs (always in CI). */
export function storeKinds(): ('sqlite' | 'postgres')[] {
  if (!pgUrl() && process.env.CI === 'true') throw new Error('CI 中必须有 PostgreSQL');
  return pgUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** Creates an empty database; resolves to its URL and a drop function. */
export async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = pgUrl();
  if (!base) throw new Error('没有可用的测试 PostgreSQL');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
