/** Structured request logs with pino: method, route path, status, duration, role and school code — no tokens, no query values, no bodies. */
import type { RequestHandler } from 'express';
import pino, { type Logger } from 'pino';
import type { Principal } from '../store/tokens';

/** Where log lines go and in which form: JSON for log collectors, readable Chinese lines on a terminal. */
export interface LogOutput {
  /** Default: process.stdout. */
  out?: { write(s: string): unknown; isTTY?: boolean };
  /** `json` or `readable`; default LOG_FORMAT, else readable on a terminal and JSON otherwise. */
  format?: 'json' | 'readable';
}

const LEVELS: Record<number, string> = { 10: '跟踪', 20: '调试', 30: '信息', 40: '警告', 50: '错误', 60: '严重' };
const ROLES: Record<string, string> = { district: '区级', school: '学校' };

/** One pino JSON line as a person reads it on a terminal: time, level, what happened. */
export function readableLine(json: string): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { level, time, msg, ...rest } = o;
  const at = new Date(typeof time === 'number' ? time : Date.now());
  const hms = [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  let what: string;
  if (msg === 'request') {
    const { method, path, status, ms, role, school, bytes } = rest as Record<string, string | number | undefined>;
    const who = role ? ` ${ROLES[role] ?? role}${school ? ` ${school}` : ''}` : '';
    what = `${method} ${path} → ${status}，${ms} ms${bytes ? `，${bytes} 字节` : ''}${who}`;
  } else {
    const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
    what = `${String(msg ?? '')}${extra}`;
  }
  return `${hms} ${LEVELS[level as number] ?? String(level)} ${what}\n`;
}

/** The server's logger: JSON lines (a collector's), readable lines on a terminal, or silent (tests). */
export function makeLogger(level: string = process.env.LOG_LEVEL ?? 'info', output: LogOutput = {}): Logger {
  const out = output.out ?? process.stdout;
  const env = process.env.LOG_FORMAT;
  const format = output.format ?? (env === 'json' || env === 'readable' ? env : out.isTTY ? 'readable' : 'json');
  const options = { level, base: undefined, redact: ['req.headers.authorization', 'headers.authorization'] };
  if (format === 'json') return output.out ? pino(options, { write: (s: string) => out.write(s) }) : pino(options);
  return pino(options, { write: (s: string) => out.write(readableLine(s)) });
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
