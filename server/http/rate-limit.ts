/** Per-token rate limits (express-rate-limit), keyed by the token's hash so the secret never sits in memory maps or logs. */
import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { hashToken } from '../store/tokens';
import { HttpError } from './errors';

/** Requests per minute allowed per token. */
export interface RateLimits {
  /** Any API request. */
  perMinute: number;
  /** Uploads (they validate and store whole workbooks). */
  uploadsPerMinute: number;
  /** Refused sign-ins (401) per minute per address: made-up tokens would otherwise each get a fresh bucket. */
  failedAuthPerMinute: number;
}

/** Defaults for a district of up to 300 schools. */
export const DEFAULT_RATE_LIMITS: RateLimits = { perMinute: 600, uploadsPerMinute: 60, failedAuthPerMinute: 30 };

function keyOf(req: Request): string {
  const m = /^Bearer\s+(\S+)/i.exec(req.get('authorization') ?? '');
  // Unauthenticated requests share one bucket per address; they are refused right after anyway.
  return m ? `t:${hashToken(m[1])}` : `ip:${req.ip ?? ''}`;
}

/** A limiter of `limit` requests per minute per token; over it → 429 in the house error shape. */
export function perToken(limit: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: keyOf,
    // Keys are token hashes, not addresses: the IP-specific validations do not apply.
    validate: { keyGeneratorIpFallback: false, ip: false },
    handler: (_req, _res, next) => next(new HttpError(429, 'rate_limited', '请求过于频繁，请稍后再试')),
  });
}

/**
 * Refused sign-ins per client address, for `authenticate` to pass its 401s through: after `limit` in a minute the
 * answer becomes 429. Only refused requests reach it, so schools with valid tokens behind the same address are
 * never slowed by someone guessing.
 */
export function failedAuthPerAddress(limit: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => `ip:${req.ip ?? ''}`,
    validate: { keyGeneratorIpFallback: false, ip: false },
    handler: (_req, _res, next) => next(new HttpError(429, 'rate_limited', '令牌错误次数过多，请稍后再试')),
  });
}
