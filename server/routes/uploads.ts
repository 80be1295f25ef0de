/** POST /api/v1/uploads (multipart .xlsx) and POST /api/v1/submissions (the add-in's JSON grids): one ingest path. */
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { IDEMPOTENCY_HEADER, SubmitRequestSchema } from '../../shared/contract';
import { actorOf, principal } from '../http/auth';
import { HttpError } from '../http/errors';
import { perToken } from '../http/rate-limit';
import { ingest, requireTerm } from '../upload/ingest';
import { compiledOf, currentDefinition } from '../store/registers';
import { PoolError } from '../upload/pool';
import { PhaseTimes } from '../upload/timing';
import { todayIso } from '../../shared';
import { singleFile } from '../http/multipart';
import { checkGrids, readLimitsOf } from '../upload/limits';
import type { RouteContext } from './context';

function idempotencyKey(req: Request): string | null {
  const key = req.get(IDEMPOTENCY_HEADER);
  if (key === undefined || key === '') return null;
  if (key.length > 200) throw new HttpError(400, 'bad_idempotency_key', `${IDEMPOTENCY_HEADER} 不能超过 200 个字符`);
  return key;
}

/** The school an upload is for: a school token's own; the district must name one (`school`). */
function uploadSchool(req: Request, named: unknown): string {
  const p = principal(req);
  if (p.role === 'school') {
    if (typeof named === 'string' && named !== '' && named !== p.school) throw new HttpError(403, 'forbidden', '学校令牌只能上报本校的数据');
    return p.school!;
  }
  if (typeof named !== 'string' || named === '') throw new HttpError(400, 'no_school', '区级令牌上报时需用 school 参数指明学校编码');
  return named;
}

const ZH_ERRORS = z.locales.zhCN().localeError;

/** The upload routes. */
export function uploadRoutes(ctx: RouteContext, uploadsPerMinute: number): Router {
  const r = Router();
  const limiter = perToken(uploadsPerMinute);
  const multipart = singleFile(ctx.limits.bodyBytes, 20);

  r.post('/uploads', limiter, multipart, async (req, res) => {
    const file = req.file;
    if (!file) throw new HttpError(400, 'no_file', '请用表单字段 file 上传一个 .xlsx 文件');
    const term = req.query.term ?? (req.body as Record<string, unknown> | undefined)?.term;
    const school = uploadSchool(req, req.query.school ?? (req.body as Record<string, unknown> | undefined)?.school);
    const key = idempotencyKey(req);
    // Read and validated in one pass, in a worker (ctx.pool): the file is inflated once, off the event loop.
    const phases = new PhaseTimes();
    const receipt = await ingest(
      ctx.store,
      { school, term: String(term ?? ''), file: file.buffer, limits: readLimitsOf(ctx.limits), idemKey: key, source: 'xlsx', actor: actorOf(principal(req)) },
      { now: ctx.now(), logger: ctx.logger, pool: ctx.pool, phases },
    );
    res.set('Server-Timing', phases.header());
    res.status(receipt.replayed ? 200 : 201).json(receipt);
  });

  // 修正 for schools without the add-in: the uploaded workbook back with every safe fix applied (nothing stored).
  r.post('/fix', limiter, multipart, async (req, res) => {
    principal(req);
    const file = req.file;
    if (!file) throw new HttpError(400, 'no_file', '请用表单字段 file 上传一个 .xlsx 文件');
    const term = requireTerm(req.query.term ?? (req.body as Record<string, unknown> | undefined)?.term);
    const definition = await currentDefinition(ctx.store.db);
    const registers = compiledOf(definition);
    const name = file.originalname || '登记表.xlsx';
    let examined;
    try {
      examined = await ctx.pool.run({
        type: 'fix',
        file: new Uint8Array(file.buffer),
        name,
        limits: readLimitsOf(ctx.limits),
        opts: { term, asOf: todayIso(ctx.now()), ...(registers ? { registers } : {}) },
        term,
        definitionVersion: definition.version,
        definitionHash: definition.hash,
      });
    } catch (err) {
      if (err instanceof PoolError) throw new HttpError(err.status, err.code, err.message);
      throw err;
    }
    if (!examined.ok) throw new HttpError(examined.refusal.status, examined.refusal.code, examined.refusal.message);
    if (!('fixed' in examined)) throw new Error('examine: not a fix');
    if (examined.applied === 0) throw new HttpError(422, 'nothing_to_fix', '这个工作簿中没有可以自动修正的问题；错误需要在 Excel 或 WPS 中按问题说明逐项修改');
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.attachment(`${name.replace(/\.xlsx$/i, '')}-已修正.xlsx`);
    res.set('X-Yanbiao-Fixed', String(examined.applied));
    res.set('X-Yanbiao-Remaining-Errors', String(examined.remainingErrors));
    res.send(Buffer.from(examined.fixed.buffer, examined.fixed.byteOffset, examined.fixed.byteLength));
  });

  r.post('/submissions', limiter, express.json({ limit: ctx.limits.bodyBytes }), async (req, res) => {
    // zod's own messages are English; the coordinator reads this one, so ask for zod's Chinese locale.
    const parsed = SubmitRequestSchema.safeParse(req.body, { error: ZH_ERRORS });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HttpError(400, 'bad_request', `请求格式不正确：${issue.path.join('.') || '(根)'} ${issue.message}`);
    }
    const school = uploadSchool(req, parsed.data.school);
    const key = idempotencyKey(req);
    checkGrids(parsed.data.sheets, ctx.limits);
    const phases = new PhaseTimes();
    const receipt = await ingest(
      ctx.store,
      { school, term: parsed.data.term, sheets: parsed.data.sheets, idemKey: key, source: 'json', actor: actorOf(principal(req)) },
      { now: ctx.now(), logger: ctx.logger, pool: ctx.pool, phases },
    );
    res.set('Server-Timing', phases.header());
    res.status(receipt.replayed ? 200 : 201).json(receipt);
  });
  return r;
}
