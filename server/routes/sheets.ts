/**
 * Google Sheets routes: POST /terms/:term/sheets/publish (district), POST /sheets/import (a school for itself,
 * the district for a school) and GET /sheets/link (the registered spreadsheet and range).
 */
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { IDEMPOTENCY_HEADER } from '../../shared/contract';
import { actorOf, districtOnly, principal, schoolScope } from '../http/auth';
import { HttpError } from '../http/errors';
import { createSheetsClient, type SheetsClient } from '../sheets/client';
import { sheetsConfigFromEnv } from '../sheets/config';
import { SheetsError, type SheetsErrorCode } from '../sheets/errors';
import { importFromSheets } from '../sheets/import';
import { getLink, listLinks, spreadsheetIdOf } from '../sheets/links';
import { publishTerm } from '../sheets/publish-term';
import { requireTerm } from '../upload/ingest';
import type { RouteContext } from './context';

/** How the router gets its Google client: given (tests), or built from the environment on first use. */
export interface SheetsRouteOptions {
  client?: SheetsClient | null;
  env?: NodeJS.ProcessEnv;
}

// No U+0000: PostgreSQL text cannot hold it, and no id, range, term or school code has one.
const text = (max: number) => z.string().max(max).refine((v) => !v.includes('\u0000'), { message: '不能包含空字符（U+0000）' });
const PublishBody = z.object({ spreadsheetId: text(300).optional() }).strict();
const ImportBody = z
  .object({
    term: text(20),
    school: text(100).optional(),
    spreadsheetId: text(300).optional(),
    range: text(200).optional(),
  })
  .strict();

// Google's answers become answers our clients can act on: the spreadsheet's fault → 400, Google busy → 429/502,
// our own credentials → 502 (the district must fix the server), nothing configured → 503.
const STATUS: Record<SheetsErrorCode, number> = {
  not_configured: 503,
  unauthenticated: 502,
  forbidden: 400,
  not_found: 400,
  not_native: 400,
  bad_range: 400,
  bad_request: 400,
  quota: 429,
  unavailable: 502,
  network: 502,
};

/** A SheetsError as an HttpError with a stable `sheets_*` code; anything else passes through. */
export function sheetsHttpError(err: unknown): unknown {
  return err instanceof SheetsError ? new HttpError(STATUS[err.code], `sheets_${err.code}`, err.message) : err;
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new HttpError(400, 'bad_request', `请求格式不正确：${issue.path.join('.') || '(根)'} ${issue.message}`);
  }
  return r.data;
}

/** The school an import is for: a school token's own; the district names one. */
function importSchool(req: Request, named: string | undefined): string {
  const school = schoolScope(principal(req), named);
  if (!school) throw new HttpError(400, 'no_school', '区级令牌导入时需用 school 指明学校编码');
  return school;
}

/** The Sheets router, to mount under /api/v1 after authentication. */
export function sheetsRoutes(ctx: RouteContext, opts: SheetsRouteOptions = {}): Router {
  const env = opts.env ?? process.env;
  let client = opts.client ?? null;
  const getClient = (): SheetsClient => {
    if (client) return client;
    const config = sheetsConfigFromEnv(env);
    if (!config) throw new SheetsError('not_configured', '服务器未配置 Google 表格：请区管理员设置 GOOGLE_APPLICATION_CREDENTIALS（服务账号密钥文件）后重启服务器');
    client = createSheetsClient(config);
    return client;
  };
  const r = Router();
  const json = express.json({ limit: '16kb' });

  r.post('/terms/:term/sheets/publish', districtOnly, json, async (req, res) => {
    const term = requireTerm(req.params.term);
    const body = parse(PublishBody, req.body);
    const raw = body.spreadsheetId ?? env.YANBIAO_SHEETS_SPREADSHEET ?? '';
    const spreadsheetId = spreadsheetIdOf(raw);
    if (!spreadsheetId) {
      throw new HttpError(400, 'bad_spreadsheet', raw ? `Google 表格 ID 不正确：“${raw}”` : '请提供 spreadsheetId（Google 表格的 ID 或网址）');
    }
    try {
      res.json(await publishTerm(ctx.store, getClient(), spreadsheetId, term, ctx.now()));
    } catch (err) {
      throw sheetsHttpError(err);
    }
  });

  r.post('/sheets/import', json, async (req, res) => {
    const body = parse(ImportBody, req.body);
    const school = importSchool(req, body.school);
    const key = req.get(IDEMPOTENCY_HEADER) || null;
    if (key && key.length > 200) throw new HttpError(400, 'bad_idempotency_key', `${IDEMPOTENCY_HEADER} 不能超过 200 个字符`);
    try {
      const { receipt, link } = await importFromSheets(
        ctx.store,
        getClient(),
        {
          school,
          term: body.term,
          spreadsheetId: body.spreadsheetId,
          range: body.range,
          actor: actorOf(principal(req)),
          byDistrict: principal(req).role === 'district',
          idemKey: key,
        },
        { now: ctx.now(), logger: ctx.logger, limits: ctx.limits },
      );
      res.status(receipt.replayed ? 200 : 201).json({ ...receipt, sheet: { spreadsheetId: link.spreadsheetId, range: link.range } });
    } catch (err) {
      throw sheetsHttpError(err);
    }
  });

  r.get('/sheets/link', async (req, res) => {
    const school = schoolScope(principal(req), req.query.school);
    if (school) {
      const link = await getLink(ctx.store, school);
      res.json({ links: link ? [link] : [] });
    } else {
      res.json({ links: await listLinks(ctx.store) });
    }
  });
  return r;
}
