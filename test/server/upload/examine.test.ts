/**
 * The upload worker keeps each district definition it is sent, so its matchers are built once. It must keep them by
 * version and text: version 1 of one store is not version 1 of another (a pool serving two stores, a store rebuilt
 * from a backup), and a worker that trusted the number alone checked uploads against the wrong registers.
 */
import { BUILTIN_DEFINITION } from '../../../shared/registers/builtin';
import { compileDefinition } from '../../../shared/registers/compile';
import type { RegisterDefinition } from '../../../shared/registers/schema';
import type { ExamineJob, Examined } from '../../../server/upload/examine';
import { UploadPool } from '../../../server/upload/pool';

/** The built-in definition with the roster's 工号 required or not. */
function withStaffId(required: boolean): RegisterDefinition {
  const def = structuredClone(BUILTIN_DEFINITION);
  const roster = def.registers.find((r) => r.code === 'roster')!;
  roster.columns = roster.columns.map((c) => (c.name === '工号' ? { ...c, required } : c));
  return def;
}

/** A roster without 工号 values, checked with `def` as stored version 1 with text hash `hash`. */
function job(def: RegisterDefinition, hash: string): ExamineJob {
  const grid = [
    ['姓名', '工号', '学科'],
    ['张伟', null, '语文'],
    ['李娜', null, '数学'],
  ];
  return {
    type: 'grids',
    sheets: [{ sheet: '教师名册', grid }],
    opts: { term: '2025春', asOf: '2025-05-01', registers: compileDefinition(def) },
    term: '2025春',
    definitionVersion: 1,
    definitionHash: hash,
  };
}

const errorCodes = (e: Examined) => {
  if (!e.ok || !('result' in e)) throw new Error('not an examined upload');
  return e.result.sheets.flatMap((s) => s.findings.filter((f) => f.severity === 'error').map((f) => [f.row, f.field, f.code]));
};

describe('examine in a worker: the definitions it keeps', () => {
  let pool: UploadPool;
  beforeEach(() => (pool = new UploadPool({ size: 1 })));
  afterEach(() => pool.close());

  test('version 1 of two different definitions: each upload is checked with its own', async () => {
    const optional = await pool.run(job(withStaffId(false), 'aaaa'));
    const required = await pool.run(job(withStaffId(true), 'bbbb'));
    expect(errorCodes(optional)).toEqual([]);
    expect(errorCodes(required).map(([row, field]) => [row, field])).toEqual([
      [2, '工号'],
      [3, '工号'],
    ]);
  });

  test('the same version and text again: the kept copy serves it, with the same result', async () => {
    const first = await pool.run(job(withStaffId(true), 'bbbb'));
    const again = await pool.run(job(withStaffId(true), 'bbbb'));
    expect(errorCodes(again)).toEqual(errorCodes(first));
    expect(errorCodes(again)).toHaveLength(2);
  });
});
