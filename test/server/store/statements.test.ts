/** Statements prepared once per query text: handed out again, never while still being iterated, the oldest dropped. */
import Database from 'better-sqlite3';
import { preparedOnce } from '../../../server/store/statements';

describe('preparedOnce', () => {
  let raw: Database.Database;
  let prepared: number;
  beforeEach(() => {
    raw = new Database(':memory:');
    raw.exec('create table t (n integer)');
    raw.prepare('insert into t values (1), (2), (3)').run();
    prepared = 0;
    const prepare = raw.prepare.bind(raw);
    raw.prepare = ((sql: string) => (prepared++, prepare(sql))) as typeof raw.prepare;
  });
  afterEach(() => raw.close());

  test('the same text is prepared once and its statement handed out again', () => {
    const db = preparedOnce(raw);
    const a = db.prepare('select n from t where n > ?');
    const b = db.prepare('select n from t where n > ?');
    expect(b).toBe(a);
    expect(prepared).toBe(1);
    expect(b.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(a.all([2])).toEqual([{ n: 3 }]);
  });

  test('while a statement is being iterated, the same text gets a statement of its own', () => {
    const db = preparedOnce(raw);
    const sql = 'select n from t order by n';
    const outer = db.prepare(sql).iterate([]);
    const seen: number[][] = [];
    for (const row of outer as Iterable<{ n: number }>) seen.push([row.n, ...(db.prepare(sql).all([]) as { n: number }[]).map((r) => r.n)]);
    expect(seen).toEqual([
      [1, 1, 2, 3],
      [2, 1, 2, 3],
      [3, 1, 2, 3],
    ]);
    // the kept statement, free again, is handed out; the ones made while it was busy were not kept
    const count = prepared;
    db.prepare(sql);
    expect(prepared).toBe(count);
  });

  test('past its size the least recently used text is dropped', () => {
    const db = preparedOnce(raw, 2);
    const q = (n: number) => `select ${n} as n`;
    const first = db.prepare(q(1));
    db.prepare(q(2));
    db.prepare(q(1)); // used again: now the newest
    db.prepare(q(3)); // drops q(2)
    expect(prepared).toBe(3);
    expect(db.prepare(q(1))).toBe(first);
    db.prepare(q(2));
    expect(prepared).toBe(4);
  });
});
