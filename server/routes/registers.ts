/**
 * GET /api/v1/registers (any signed-in token): the register definition in force, with its version;
 * GET /api/v1/registers.xlsx the same as the workbook an officer edits.
 * PUT /api/v1/registers (district token, multipart `file`: the definition workbook): checked in an upload worker;
 * a sound definition is stored as the next version and is in force from the next upload on (stored submissions
 * keep the version they were checked with); a broken one answers 422 with every problem and changes nothing.
 */
import { Router } from 'express';
import { actorOf, districtOnly, principal } from '../http/auth';
import { HttpError } from '../http/errors';
import { singleFile } from '../http/multipart';
import { readLimitsOf } from '../upload/limits';
import { currentDefinition, storeDefinition } from '../store/registers';
import { writeDefinitionWorkbook } from '../registers/workbook';
import { PoolError } from '../upload/pool';
import type { RouteContext } from './context';

export function registersRoutes(ctx: RouteContext): Router {
  const r = Router();

  r.get('/registers', async (req, res) => {
    principal(req);
    const d = await currentDefinition(ctx.store.db);
    res.json({ version: d.version, createdAt: d.createdAt, definition: d.definition });
  });

  r.get('/registers.xlsx', async (req, res) => {
    principal(req);
    const d = await currentDefinition(ctx.store.db);
    const buf = await writeDefinitionWorkbook(d.definition);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.attachment(`登记表定义-第${d.version}版.xlsx`);
    res.send(buf);
  });

  r.put(
    '/registers',
    districtOnly,
    singleFile(ctx.limits.bodyBytes, 5),
    async (req, res) => {
      const file = req.file;
      if (!file) throw new HttpError(400, 'no_file', '请用表单字段 file 上传登记表定义工作簿（.xlsx）');
      let examined;
      try {
        examined = await ctx.pool.run({ type: 'definition', file: new Uint8Array(file.buffer), name: file.originalname || '登记表定义.xlsx', limits: readLimitsOf(ctx.limits) });
      } catch (err) {
        if (err instanceof PoolError) throw new HttpError(err.status, err.code, err.message);
        throw err;
      }
      if (!examined.ok) throw new HttpError(examined.refusal.status, examined.refusal.code, examined.refusal.message);
      if (!('problems' in examined)) throw new Error('examine: not a definition');
      if (!examined.definition)
        throw new HttpError(422, 'invalid_definition', `登记表定义有 ${examined.problems.length} 个问题，未生效；请修改后重新上传`, undefined, examined.problems.slice(0, 1000));
      const version = await storeDefinition(ctx.store.db, examined.definition, actorOf(principal(req)), ctx.now());
      res.status(201).json({ version, name: examined.definition.name, registers: examined.definition.registers.map((x) => ({ code: x.code, name: x.name, columns: x.columns.map((c) => c.name) })) });
    },
  );
  return r;
}
