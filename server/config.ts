/** Server settings from the environment: HOST, PORT, YANBIAO_DATA, DATABASE_URL, TLS_CERT/TLS_KEY, YANBIAO_DEMO, YANBIAO_UPLOAD_WORKERS. */
import { join } from 'node:path';
import type { StoreConfig } from './store/open';

/** Where the store lives, from the environment: PostgreSQL when DATABASE_URL is set, else SQLite under YANBIAO_DATA. */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL, poolSize: env.PG_POOL ? Number(env.PG_POOL) : undefined };
  return { sqliteFile: join(env.YANBIAO_DATA || 'data', 'yanbiao.sqlite') };
}

/** Listening settings. */
export interface ListenConfig {
  host: string;
  port: number;
  tls?: { cert: string; key: string };
}

/**
 * HOST/PORT (default 127.0.0.1:8080) and TLS_CERT/TLS_KEY (file paths; both or neither). With TLS and no PORT the
 * default is 8443, the address the add-in's manifest points at.
 */
export function listenConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ListenConfig {
  const tls = Boolean(env.TLS_CERT && env.TLS_KEY);
  const port = env.PORT === undefined || env.PORT === '' ? (tls ? 8443 : 8080) : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 不正确：${env.PORT}`);
  if (Boolean(env.TLS_CERT) !== Boolean(env.TLS_KEY)) throw new Error('TLS_CERT 和 TLS_KEY 须同时设置');
  return { host: env.HOST || '127.0.0.1', port, tls: env.TLS_CERT && env.TLS_KEY ? { cert: env.TLS_CERT, key: env.TLS_KEY } : undefined };
}

/**
 * YANBIAO_UPLOAD_WORKERS: the upload worker threads of this process (default: one per core, at most 4). Several
 * server processes on one machine share its cores: give each cores ÷ processes.
 */
export function uploadWorkersFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.YANBIAO_UPLOAD_WORKERS;
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`YANBIAO_UPLOAD_WORKERS 不正确：${raw}（应为 1–64 的整数）`);
  return n;
}
