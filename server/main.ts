/** The entry point that listens: HTTP, or HTTPS when a certificate is configured. */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp } from './app';
import type { ListenConfig } from './config';
import type { Store } from './store/schema';
import type { UploadPool } from './upload/pool';

/** A running server. */
export interface Running {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

/** Starts listening; resolves once the port is bound. */
export async function startServer(store: Store, listen: ListenConfig, logger?: Logger, uploadWorkers?: number): Promise<Running> {
  const app = createApp({ store, logger, pool: uploadWorkers ? { size: uploadWorkers } : undefined });
  const server = listen.tls
    ? https.createServer({ cert: readFileSync(listen.tls.cert), key: readFileSync(listen.tls.key) }, app)
    : http.createServer(app);
  // Uploads of 20 MB over slow school links: allow time, but never hang forever.
  server.requestTimeout = 300_000;
  server.headersTimeout = 60_000;
  // Longer than clients' idle keep-alive, so a busy server never closes a connection a client is about to reuse.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  return {
    url: `${listen.tls ? 'https' : 'http'}://${host}:${port}/`,
    server,
    // Graceful: stop accepting, let uploads in flight finish (up to 10 s), then cut what is left.
    close: () =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), 10_000);
        server.close(() => {
          clearTimeout(force);
          void (app.locals.pool as UploadPool).close().then(resolve);
        });
        server.closeIdleConnections();
      }),
  };
}
