/** Cross-school checks: a paper title under two teachers, near-duplicate reflections; both sides warned, stale pairs dropped. */
import { sql } from 'kysely';
import request from 'supertest';
import { catchUpCrossChecks, crossCheck } from '../../server/cross/check';
import { prepareRows } from '../../server/store/index-keys';
import { writeUpload } from '../../server/store/write-upload';
import { storeKinds } from '../support/pg';
import { bearer, openDistrict, type TestDistrict } from '../support/store';
import * as F from '../support/fixture-district';
import { countChars, type Cell, type SheetInput } from '../../shared';

const T = encodeURIComponent(F.TERM);
const ESSAY = (
  '本学期我在数学课堂上尝试改变提问方式，先让学生独立思考，再组织小组交流，最后全班汇报。' +
  '实践下来发现学生参与面明显扩大，原来不爱发言的学生也愿意表达自己的想法。' +
  '但也存在讨论时间不好把控、个别小组流于形式的问题，今后要在任务设计上下功夫，让每个学生都有事可做。'
).repeat(8);

function reflections(rows: Cell[][]): SheetInput {
  return { sheet: '学月反思', grid: [['月份', '教师', '题目', '形式', '字数', '提交日期', '评价', '原创', '正文'], ...rows] };
}

describe.each(storeKinds())('cross-school checks on %s', (kind) => {
  let d: TestDistrict;
  const upload = async (code: string, sheets: SheetInput[]) => {
    const res = await request(d.app).post('/api/v1/submissions').set('Authorization', bearer(d.tokens[code])).send({ term: F.TERM, sheets });
    expect([res.status, res.body.error?.findings]).toEqual([201, undefined]);
    return res.body;
  };
  // A fresh district for every test: each test passes alone (-t) and in any order.
  beforeEach(async () => {
    d = await openDistrict(kind, F.SCHOOLS, { now: () => F.NOW });
  });
  afterEach(() => d.dispose());

  test('the same 题目 under another school’s teacher is a duplicate warning on both sides', async () => {
    const a = await upload('WTQ-A', [F.rosterA(), F.papersA()]);
    expect(a.crossSchool).toEqual([]);
    const b = await upload('WTQ-B', [F.rosterB(), F.papersB()]);
    expect(b.crossSchool.map((f: { code: string; severity: string; sheet: string; row: number; col: string; field: string }) => [f.code, f.severity, f.sheet, f.row, f.col, f.field])).toEqual([
      ['duplicate', 'warning', '论文投稿', 2, 'B', '题目'],
    ]);
    expect(b.crossSchool[0].other).toEqual(expect.objectContaining({ school: 'WTQ-A', schoolName: '甲小学', row: 2, teacher: '' }));
    const listA = await request(d.app).get(`/api/v1/terms/${T}/submissions`).set('Authorization', bearer(d.tokens['WTQ-A']));
    const papersA = listA.body.submissions.find((s: { kind: string }) => s.kind === 'papers');
    expect(papersA.crossSchool.map((f: { row: number; other: { school: string; row: number } }) => [f.row, f.other.school, f.other.row])).toEqual([[2, 'WTQ-B', 2]]);
    // The district sees the other teacher's name too.
    const dist = await request(d.app).get(`/api/v1/terms/${T}/submissions?school=WTQ-A`).set('Authorization', bearer(d.district));
    expect(dist.body.submissions.find((s: { kind: string }) => s.kind === 'papers').crossSchool[0].other.teacher).toBe('赵强');
    const board = await request(d.app).get(`/api/v1/terms/${T}/status`).set('Authorization', bearer(d.district));
    const cells = Object.fromEntries(board.body.schools.map((s: { code: string; kinds: { papers: { crossWarnings: number } } }) => [s.code, s.kinds.papers.crossWarnings]));
    expect(cells).toEqual({ 'WTQ-A': 1, 'WTQ-B': 1, 'WTQ-C': 0 });
  });

  test('a new version without the copied title closes the warning on both sides', async () => {
    await upload('WTQ-A', [F.rosterA(), F.papersA()]);
    expect((await upload('WTQ-B', [F.rosterB(), F.papersB()])).crossSchool).toHaveLength(1);
    const fixed = F.papersB();
    fixed.grid[1][1] = '数学课堂追问策略的实践';
    const b = await upload('WTQ-B', [fixed]);
    expect(b.crossSchool).toEqual([]);
    const listA = await request(d.app).get(`/api/v1/terms/${T}/submissions`).set('Authorization', bearer(d.tokens['WTQ-A']));
    expect(listA.body.submissions.find((s: { kind: string }) => s.kind === 'papers').crossSchool).toEqual([]);
  });

  test('a lightly edited 正文 of another school’s reflection is a near_duplicate; the same teacher’s own text is not', async () => {
    await upload('WTQ-A', [reflections([['2025-03', '张伟', '三月教学随笔', '教育教学随笔', countChars(ESSAY), '2025-03-20', '合格', '是', ESSAY]])]);
    const edited = ESSAY.replace('本学期', '这学期').replace('明显扩大', '大大增加').replace('下功夫', '多用心');
    const b = await upload('WTQ-B', [
      reflections([
        ['2025-03', '赵强', '我的三月反思', '教育教学随笔', countChars(edited), '2025-03-21', '合格', '是', edited],
        ['2025-03', '孙丽', '古诗教学的一点体会', '教育教学随笔', 900, '2025-03-21', '合格', '是', null],
      ]),
    ]);
    const near = b.crossSchool.filter((f: { code: string }) => f.code === 'near_duplicate');
    expect(near.map((f: { row: number; field: string; col: string; other: { school: string; row: number } }) => [f.row, f.field, f.col, f.other.school, f.other.row])).toEqual([[2, '正文', 'I', 'WTQ-A', 2]]);
    expect(near[0].params.similarity).toBeGreaterThan(0.8);
    expect(near[0].params.similarity).toBeLessThan(1);
    // The same teacher re-using their own text in a new version is not flagged against the old version.
    const again = await upload('WTQ-A', [reflections([['2025-03', '张伟', '三月教学随笔', '教育教学随笔', countChars(ESSAY), '2025-03-20', '合格', '是', ESSAY]])]);
    expect(again.crossSchool.map((f: { other: { school: string } }) => f.other.school)).toEqual(['WTQ-B']);
  });

  test('two teachers of one school handing in the same text in one sheet: both rows warned', async () => {
    const copy = ESSAY.replace('最后全班汇报', '最后请代表汇报');
    const c = await upload('WTQ-C', [
      F.rosterA(),
      reflections([
        ['2025-04', '张伟', '四月随笔', '教育教学随笔', countChars(ESSAY), '2025-04-10', '合格', '是', ESSAY],
        ['2025-04', '李娜', '四月随笔', '教育教学随笔', countChars(copy), '2025-04-11', '合格', '是', copy],
      ]),
    ]);
    const own = c.crossSchool.filter((f: { other: { school: string } }) => f.other.school === 'WTQ-C');
    expect(own.map((f: { row: number; other: { row: number; teacher: string } }) => [f.row, f.other.row, f.other.teacher])).toEqual([
      [2, 3, '李娜'],
      [3, 2, '张伟'],
    ]);
  });

  test('a check cut off by a crash (stored, never checked) is caught up at the next start', async () => {
    const paper = { kind: 'papers' as const, rules: [{ rule: 'same_title' as const, field: '题目', per: '教师' }], sheet: '论文投稿', warnings: [], columns: [{ field: '题目', col: 'B' }] };
    const title = '劳动教育融入学科教学的路径';
    const stored = [];
    for (const [school, teacher] of [['WTQ-A', '张伟'], ['WTQ-B', '赵强']]) {
      stored.push(
        await writeUpload(d.store, {
          school,
          term: F.TERM,
          idemKey: null,
          source: 'json',
          actor: 'test',
          submissions: [{ ...paper, records: [{ row: 2, values: { 教师: [teacher], 题目: title } }] }],
        }),
      );
    }
    const ids = stored.flatMap((s) => s.submissionIds);
    const before = await d.store.db.selectFrom('submissions').select('cross_checked').where('id', 'in', ids).execute();
    expect(before.map((r) => r.cross_checked)).toEqual([0, 0]);
    expect(await catchUpCrossChecks(d.store)).toBe(2);
    const pairs = await d.store.db.selectFrom('cross_findings').select(['submission_id', 'other_submission_id']).where('submission_id', 'in', ids).execute();
    expect(pairs.map((p) => [p.submission_id, p.other_submission_id]).sort()).toEqual([ids, [...ids].reverse()].sort());
    expect(await catchUpCrossChecks(d.store)).toBe(0);
  });

  test('a cross check that fails keeps the upload (stored, unchecked, no findings); the catch-up at the next start checks it', async () => {
    await upload('WTQ-A', [F.rosterA(), F.papersA()]);
    // The check, run after the upload's commit, cannot write its findings (a trigger refuses them).
    if (kind === 'sqlite') await sql`create trigger refuse before insert on cross_findings begin select raise(abort, '拒绝写入'); end`.execute(d.store.db);
    else {
      await sql`create function refuse() returns trigger as $$ begin raise exception '拒绝写入'; end $$ language plpgsql`.execute(d.store.db);
      await sql`create trigger refuse before insert on cross_findings for each row execute function refuse()`.execute(d.store.db);
    }
    const b = await upload('WTQ-B', [F.rosterB(), F.papersB()]);
    expect(b.crossSchool).toEqual([]);
    if (kind === 'sqlite') await sql`drop trigger refuse`.execute(d.store.db);
    else await sql`drop trigger refuse on cross_findings`.execute(d.store.db);
    const subs = await d.store.db.selectFrom('submissions').select(['id', 'school_code', 'kind', 'row_count', 'cross_checked']).orderBy('id').execute();
    expect(subs.map((r) => [r.school_code, r.kind, r.row_count > 0, r.cross_checked])).toEqual([
      ['WTQ-A', 'roster', true, 1],
      ['WTQ-A', 'papers', true, 1],
      ['WTQ-B', 'roster', true, 0],
      ['WTQ-B', 'papers', true, 0],
    ]);
    expect(await d.store.db.selectFrom('cross_findings').select('id').execute()).toEqual([]);
    expect(await catchUpCrossChecks(d.store)).toBe(2);
    const after = await request(d.app).get(`/api/v1/terms/${T}/submissions`).set('Authorization', bearer(d.tokens['WTQ-B']));
    const papers = after.body.submissions.find((s: { kind: string }) => s.kind === 'papers');
    expect(papers.crossSchool.map((f: { code: string; row: number }) => [f.code, f.row])).toEqual([['duplicate', 2]]);
  });

  test('the keys an upload hands over find exactly the pairs its keys read back from the store find', async () => {
    const paper = { kind: 'papers', rules: [{ rule: 'same_title' as const, field: '题目', per: '教师' }] };
    const refl = { kind: 'reflections', rules: [{ rule: 'similar_text' as const, fields: [['题目', 'title'], ['正文', 'body']] as [string, 'title' | 'body'][], per: '教师' }] };
    const recs = (teacher: string, edit: string) => ({
      papers: [{ row: 2, values: { 教师: [teacher], 题目: '劳动教育融入学科教学的路径' } }, { row: 3, values: { 教师: [teacher], 题目: `${teacher}的课堂观察` } }, { row: 4, values: { 教师: [teacher], 题目: `${teacher}的课堂观察` } }],
      reflections: [{ row: 2, values: { 教师: teacher, 题目: '提问方式的改变', 正文: ESSAY.replace('独立思考', edit) } }],
    });
    const ids: number[][] = [];
    const fresh: Map<number, ReturnType<typeof prepareRows>['keys']>[] = [];
    for (const [school, teacher, edit] of [['WTQ-A', '张伟', '独立思考'], ['WTQ-B', '赵强', '自己先想'], ['WTQ-C', '钱芳', '先想一想']]) {
      const r = recs(teacher, edit);
      const subs = [paper, refl].map((k) => ({ ...k, sheet: k.kind, warnings: [], columns: [], records: r[k.kind as 'papers' | 'reflections'] }));
      const stored = await writeUpload(d.store, { school, term: F.TERM, idemKey: null, source: 'json', actor: 'test', submissions: subs });
      ids.push(stored.submissionIds);
      fresh.push(new Map(stored.submissionIds.map((id, i) => [id, prepareRows(subs[i].kind, subs[i].rules, subs[i].records).keys])));
    }
    const findings = async () =>
      (await d.store.db.selectFrom('cross_findings').select(['code', 'submission_id', 'row', 'other_submission_id', 'other_row', 'field', 'similarity']).orderBy('submission_id').orderBy('row').orderBy('other_submission_id').orderBy('other_row').orderBy('field').execute()).map((f) => JSON.stringify(f));
    const schools = ['WTQ-A', 'WTQ-B', 'WTQ-C'];
    for (let i = 0; i < 3; i++) await crossCheck(d.store, F.TERM, ids[i], F.NOW, { school: schools[i], bySubmission: fresh[i] });
    const handed = await findings();
    // The title under 3 schools' teachers, the 正文 of 3 schools' reflections: 3 pairs each, stored both ways (a
    // teacher's own title twice in one sheet is not a cross-school pair: that needs each key's school right).
    expect(handed.length).toBe(12);
    await d.store.db.deleteFrom('cross_findings').execute();
    for (let i = 0; i < 3; i++) await crossCheck(d.store, F.TERM, ids[i], F.NOW);
    expect(await findings()).toEqual(handed);
  });
});
