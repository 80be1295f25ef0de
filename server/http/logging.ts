/** Structured request logs with pino: method, route path, status, duration, role and school code — no tokens, no query values, no bodies. */
import type { RequestHandler } from 'express';
import pino, { type Logger } from 'pino';
import type { Principal } from '../store/tokens';

/** The server's logger: JSON lines on stdout, or silent (tests). */
export function makeLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: undefined, redact: ['req.headers.authorization', 'headers.authorization'] });
}

/** One log line per finished request. */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const p = (req as typeof req & { principal?: Principal }).principal;
      logger.info(
        {
          method: req.method,
          // The path only: query strings may carry names (?school=) and are not needed to trace a request.
          // originalUrl: by 'finish' a router may have left req.url relative to its mount point (/terms/… for /api/v1/terms/…).
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - start) / 1000n) / 1000,
          role: p?.role,
          school: p?.school ?? undefined,
          token: p?.tokenId,
          bytes: Number(res.getHeader('content-length') ?? 0) || undefined,
        },
        'request',
      );
    });
    next();
  };
}
