/** Read routes: who am I, submissions (own school; the district all), summary, status board, templates, audit. */
import { Router, type Request } from 'express';
import { todayIso } from '../../shared';
import { isValidYmd } from '../../shared/normalise/date';
import { ReturnRequestSchema, type Me } from '../../shared/contract';
import { actorOf, districtOnly, principal, schoolScope } from '../http/auth';
import { HttpError } from '../http/errors';
import { listAudit } from '../store/audit';
import { getSchool } from '../store/schools';
import { requireTerm } from '../upload/ingest';
import { statusBoard } from '../views/status';
import { listSubmissions, returnSubmission } from '../views/submissions';
import { termSummary } from '../views/summary';
import { templateWorkbook } from '../xlsx/template';
import { compiledFor, currentDefinition } from '../store/registers';
import type { RouteContext } from './context';
import express from 'express';

/** `?asOf=YYYY-MM-DD` (to look at a past day) or today. */
export function asOfOf(req: Request, now: Date): string {
  const q = req.query.asOf;
  if (q === undefined) return todayIso(now);
  // Date.parse('2025-02-30') is a valid time (it rolls over to March): check the calendar day itself.
  if (typeof q !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(q) || !isValidYmd(+q.slice(0, 4), +q.slice(5, 7), +q.slice(8, 10))) throw new HttpError(400, 'bad_date', `asOf 日期格式不正确：“${String(q)}”，应为如 2025-06-30`);
  return q;
}

/** The read (and return) routes. */
export function readingRoutes(ctx: RouteContext): Router {
  const r = Router();

  r.get('/me', async (req, res) => {
    const p = principal(req);
    const school = p.school ? ((await getSchool(ctx.store.db, p.school)) ?? null) : null;
    const body: Me = { role: p.role, school };
    res.json(body);
  });

  r.get('/terms/:term/submissions', async (req, res) => {
    const term = requireTerm(req.params.term);
    const p = principal(req);
    const school = schoolScope(p, req.query.school);
    res.json({ term, submissions: await listSubmissions(ctx.store, term, school, p.role === 'school' ? p.school : null) });
  });

  r.post('/submissions/:id/return', districtOnly, express.json({ limit: '64kb' }), async (req, res) => {
    // Decimal digits only: Number() would take 0x10 as 16 and 1e3 as 1000.
    const id = /^[1-9]\d{0,15}$/.test(String(req.params.id)) ? Number(req.params.id) : NaN;
    if (!Number.isInteger(id) || id <= 0) throw new HttpError(400, 'bad_id', `上报记录编号不正确：${String(req.params.id)}`);
    // Ids are PostgreSQL `serial` (32-bit): a larger one cannot exist, and asking PostgreSQL would be a 500.
    if (id > 2_147_483_647) throw new HttpError(404, 'no_submission', `没有编号为 ${req.params.id} 的上报记录`);
    const parsed = ReturnRequestSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, 'bad_request', '退回时须填写意见 comment（1–2000 字）');
    res.json(await returnSubmission(ctx.store, id, parsed.data.comment, actorOf(principal(req)), ctx.now()));
  });

  r.get('/terms/:term/summary', async (req, res) => {
    principal(req);
    const term = requireTerm(req.params.term);
    res.json(await termSummary(ctx.store, term, asOfOf(req, ctx.now())));
  });

  r.get('/terms/:term/status', async (req, res) => {
    const term = requireTerm(req.params.term);
    const school = schoolScope(principal(req), req.query.school);
    res.json(await statusBoard(ctx.store, term, asOfOf(req, ctx.now()), school));
  });

  r.get('/templates/:file', async (req, res) => {
    principal(req);
    // The registers of the definition in force: a district's own registers have templates too.
    const registers = compiledFor(await currentDefinition(ctx.store.db));
    const m = /^(.+)\.xlsx$/.exec(req.params.file);
    const name = m?.[1] ?? '';
    const kind = name === 'all' || name === '全部' ? 'all' : (Object.keys(registers.templates).find((k) => k === name || registers.templates[k].title === name) ?? null);
    if (!kind) throw new HttpError(404, 'no_template', `没有这个模板：${req.params.file}（可用 ${[...Object.keys(registers.templates), 'all'].join('、')}）`);
    const wb = templateWorkbook(kind, registers);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.attachment(`${kind}.xlsx`);
    res.send(buf);
  });

  r.get('/audit', districtOnly, async (req, res) => {
    const limit = req.query.limit === undefined ? undefined : /^\d{1,9}$/.test(String(req.query.limit)) ? Number(req.query.limit) : NaN;
    // PostgreSQL refuses LIMIT -5 or 1.5 (a 500) and SQLite reads a negative LIMIT as none: refuse them here.
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new HttpError(400, 'bad_limit', `limit 应为正整数：${String(req.query.limit)}`);
    const school = typeof req.query.school === 'string' ? req.query.school : undefined;
    const action = typeof req.query.action === 'string' ? req.query.action : undefined;
    res.json({ entries: await listAudit(ctx.store.db, { limit, school, action }) });
  });
  return r;
}
