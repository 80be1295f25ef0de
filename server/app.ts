/** Builds the district server's Express app from its dependencies; only server/main.ts listens. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { authenticate } from './http/auth';
import { errorHandler, HttpError, notFound } from './http/errors';
import { makeLogger, requestLog } from './http/logging';
import { DEFAULT_RATE_LIMITS, failedAuthPerAddress, perToken, type RateLimits } from './http/rate-limit';
import type { RouteContext } from './routes/context';
import { readingRoutes } from './routes/reading';
import { registersRoutes } from './routes/registers';
import { reminderRoutes } from './routes/reminders';
import { webhooksFromEnv, type Webhooks } from './reminders/webhooks';
import { reportRoutes } from './routes/report';
import { sheetsRoutes } from './routes/sheets';
import { uploadRoutes } from './routes/uploads';
import type { Store } from './store/schema';
import { DEFAULT_LIMITS, type UploadLimits } from './upload/limits';
import { UploadPool, type PoolOptions } from './upload/pool';

/** What the app is built from; everything but the store has a default. */
export interface AppDeps {
  store: Store;
  logger?: Logger;
  /** The clock (tests pin it). */
  now?: () => Date;
  limits?: Partial<UploadLimits>;
  /** The upload worker pool, or options for the one the app makes (kept in `app.locals.pool`; close it on shutdown). */
  pool?: UploadPool | Partial<PoolOptions>;
  rateLimits?: Partial<RateLimits>;
  /** Built bundles served statically when they exist. */
  addinDist?: string;
  webDist?: string;
  /** Group robots for 催交 (default: from YANBIAO_WECOM_WEBHOOK, YANBIAO_DINGTALK_WEBHOOK, YANBIAO_FEISHU_WEBHOOK). */
  webhooks?: Webhooks;
}

const ROOT = join(__dirname, '..');

// Excel on the web shows the task pane in a frame of an Office domain, and the pane loads Office.js from Microsoft's CDN.
const OFFICE_FRAMES = ["'self'", 'https://*.officeapps.live.com', 'https://*.office.com', 'https://*.office365.com', 'https://*.sharepoint.com', 'https://*.microsoft.com'];

/** The app: helmet, request logs, /healthz, static bundles, the authenticated /api/v1 and one error handler. */
export function createApp(deps: AppDeps): Express {
  const logger = deps.logger ?? makeLogger();
  const ctx: RouteContext = {
    store: deps.store,
    logger,
    now: deps.now ?? (() => new Date()),
    limits: { ...DEFAULT_LIMITS, ...deps.limits },
    pool: deps.pool instanceof UploadPool ? deps.pool : new UploadPool(deps.pool),
  };
  const rates = { ...DEFAULT_RATE_LIMITS, ...deps.rateLimits };
  const app = express();
  app.locals.pool = ctx.pool;
  app.disable('x-powered-by');
  app.use(requestLog(logger));

  const addinDist = deps.addinDist ?? join(ROOT, 'addin', 'dist');
  if (existsSync(addinDist)) {
    app.use(
      '/addin',
      helmet({
        frameguard: false,
        contentSecurityPolicy: {
          directives: {
            'frame-ancestors': OFFICE_FRAMES,
            'script-src': ["'self'", 'https://appsforoffice.microsoft.com'],
            // The pane may be pointed at another district server (its settings), always over HTTPS.
            'connect-src': ["'self'", 'https:'],
            'img-src': ["'self'", 'data:'],
          },
        },
      }),
      express.static(addinDist, { index: ['taskpane.html', 'index.html'] }),
    );
  }
  // No upgrade-insecure-requests: a district that serves plain HTTP on its LAN would otherwise get a blank page
  // (the browser rewrites the page's own scripts to https). With TLS on, everything is https anyway.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, store: deps.store.dialect });
  });

  const api = express.Router();
  // %00 in a path or query value reaches PostgreSQL as text it cannot hold (a 500); no real code or name has it.
  api.use((req, _res, next) => next(/%00/.test(req.originalUrl) ? new HttpError(400, 'bad_request', '请求地址中含有空字符（%00）') : undefined));
  api.use(perToken(rates.perMinute));
  api.use(authenticate(deps.store, failedAuthPerAddress(rates.failedAuthPerMinute)));
  api.use(uploadRoutes(ctx, rates.uploadsPerMinute));
  api.use(readingRoutes(ctx));
  api.use(reportRoutes(ctx));
  api.use(sheetsRoutes(ctx));
  api.use(registersRoutes(ctx));
  api.use(reminderRoutes(ctx, deps.webhooks ?? webhooksFromEnv()));
  app.use('/api/v1', api);

  const webDist = deps.webDist ?? join(ROOT, 'server', 'web', 'dist');
  if (existsSync(webDist)) app.use(express.static(webDist, { index: 'index.html' }));

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
