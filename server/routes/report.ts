/** GET /api/v1/terms/:term/report.xlsx: the merged workbook, streamed (a school's token: district summary + its own rows). */
import { Router } from 'express';
import { principal, schoolScope } from '../http/auth';
import { writeReport } from '../report/write';
import { requireTerm } from '../upload/ingest';
import { reportData } from '../views/report-data';
import type { RouteContext } from './context';
import { asOfOf } from './reading';

/** The report route. */
export function reportRoutes(ctx: RouteContext): Router {
  const r = Router();
  r.get('/terms/:term/report.xlsx', async (req, res) => {
    const term = requireTerm(req.params.term);
    const p = principal(req);
    const school = schoolScope(p, req.query.school);
    const data = await reportData(ctx.store, term, asOfOf(req, ctx.now()), school);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.attachment(`${term}${school ? `-${school}` : ''}-汇总.xlsx`);
    const stats = await writeReport(res, data, school ? { school } : {});
    ctx.logger.info({ term, school, rows: stats.rows, issues: stats.issues }, 'report written');
  });
  return r;
}
