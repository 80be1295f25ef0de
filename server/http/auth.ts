/** Bearer-token authentication and role checks. */
import type { Request, RequestHandler } from 'express';
import type { Store } from '../store/schema';
import { lookupToken, type Principal } from '../store/tokens';
import { HttpError } from './errors';

/** The caller of an authenticated request. */
export function principal(req: Request): Principal {
  const p = (req as Request & { principal?: Principal }).principal;
  if (!p) throw new HttpError(401, 'unauthorized', '需要登录：请在 Authorization 头中提供令牌');
  return p;
}

/** Who the audit log names for this caller. */
export function actorOf(p: Principal): string {
  return p.role === 'district' ? `district:${p.tokenId}` : `school:${p.school}:${p.tokenId}`;
}

/**
 * Rejects requests without a valid, unrevoked `Authorization: Bearer` token; attaches the principal. A refused
 * request passes through `onRefused` (a per-address limiter) first, so guessing tokens turns into 429s while
 * requests with a valid token are never counted.
 */
export function authenticate(store: Store, onRefused?: RequestHandler): RequestHandler {
  return async (req, res, next) => {
    const refuse = (err: HttpError) => (onRefused ? onRefused(req, res, (e?: unknown) => next(e ?? err)) : next(err));
    const header = req.get('authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) return refuse(new HttpError(401, 'unauthorized', '需要登录：请在 Authorization 头中提供令牌（Bearer）'));
    const p = await lookupToken(store.db, m[1]);
    if (!p) return refuse(new HttpError(401, 'bad_token', '令牌无效或已被撤销，请向区教科室索取新令牌'));
    (req as Request & { principal?: Principal }).principal = p;
    next();
  };
}

/** Only district tokens pass. */
export const districtOnly: RequestHandler = (req, _res, next) => {
  next(principal(req).role === 'district' ? undefined : new HttpError(403, 'forbidden', '只有区级令牌可以执行此操作'));
};

/**
 * The school a request acts on: a school token always acts on its own school (a `school` parameter naming
 * another one is refused); the district names one with `school`, or gets null (= all schools).
 */
export function schoolScope(p: Principal, requested: unknown): string | null {
  const want = typeof requested === 'string' && requested !== '' ? requested : null;
  if (p.role === 'school') {
    if (want && want !== p.school) throw new HttpError(403, 'forbidden', '学校令牌只能查看本校的数据');
    return p.school;
  }
  return want;
}
