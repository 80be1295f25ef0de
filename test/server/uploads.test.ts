/** Uploads through the real app on SQLite and PostgreSQL: accepted, refused, versioned, idempotent, atomic. */
import request from 'supertest';
import { storeKinds } from '../support/pg';
import { bearer, openDistrict, type TestDistrict } from '../support/store';
import { xlsxOf } from '../support/xlsx';
import * as F from '../support/fixture-district';

describe.each(storeKinds())('uploads on %s', (kind) => {
  let d: TestDistrict;
  const count = async (table: 'rows' | 'submissions' | 'uploads') =>
    Number((await d.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  // A fresh district for every test: each test passes alone (-t) and in any order.
  beforeEach(async () => {
    d = await openDistrict(kind, F.SCHOOLS, { now: () => F.NOW });
  });
  afterEach(() => d.dispose());
  const uploadA = () =>
    xlsxOf([F.rosterA(), F.reflectionsA(), F.papersA()]).then((file) =>
      request(d.app).post(`/api/v1/uploads?term=${encodeURIComponent(F.TERM)}`).set('Authorization', bearer(d.tokens['WTQ-A'])).attach('file', file, 'jia.xlsx'),
    );

  test('a good .xlsx is stored as one version per recognised sheet, with its warnings', async () => {
    const res = await uploadA();
    expect(res.status).toBe(201);
    expect(res.body.school).toEqual({ code: 'WTQ-A', name: '甲小学' });
    expect(res.body.replayed).toBe(false);
    expect(res.body.submissions.map((s: { kind: string; version: number; rows: number }) => [s.kind, s.version, s.rows])).toEqual([
      ['roster', 1, 3],
      ['reflections', 1, 5],
      ['papers', 1, 4],
    ]);
    expect(res.body.warnings.map((f: { code: string; row: number; col: string }) => [f.code, f.row, f.col])).toEqual([['late', 5, 'F']]);
    expect(await count('rows')).toBe(12);
  });

  test('dates typed as Excel dates arrive as serials and are stored normalised (ISO)', async () => {
    const file = await xlsxOf([F.rosterA(), F.reflectionsA()]);
    // Put a real Excel date into 提交日期 of the first data row (exceljs writes it as a serial with a date format).
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    wb.getWorksheet('学月反思')!.getCell('F2').value = new Date(Date.UTC(2025, 1, 20));
    const res = await request(d.app)
      .post(`/api/v1/uploads?term=${encodeURIComponent(F.TERM)}`)
      .set('Authorization', bearer(d.tokens['WTQ-C']))
      .attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'dates.xlsx');
    expect(res.status).toBe(201);
    const id = res.body.submissions.find((s: { kind: string }) => s.kind === 'reflections').id;
    const row = await d.store.db.selectFrom('rows').select('data').where('submission_id', '=', id).where('row', '=', 2).executeTakeFirstOrThrow();
    expect(JSON.parse(row.data)).toEqual(expect.objectContaining({ 月份: '2025-02', 教师: '张伟', 提交日期: '2025-02-20', 字数: 900 }));
  });

  test('any error → 422 with the findings (sheet, row, column) and nothing stored', async () => {
    const before = [await count('uploads'), await count('submissions'), await count('rows')];
    const res = await request(d.app)
      .post('/api/v1/submissions')
      .set('Authorization', bearer(d.tokens['WTQ-A']))
      .send({ term: F.TERM, sheets: [F.papersA(), F.badReflectionsA()] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_workbook');
    expect(res.body.error.message).toMatch(/错误/);
    const errors = res.body.error.findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors.map((f: { code: string; sheet: string; row: number; col: string }) => [f.code, f.sheet, f.row, f.col])).toEqual([['word_count', '学月反思', 2, 'E']]);
    expect([await count('uploads'), await count('submissions'), await count('rows')]).toEqual(before);
  });

  test('the add-in upload (JSON grids) uses the school’s stored roster and makes version 2', async () => {
    expect((await uploadA()).status).toBe(201);
    // No roster in this upload: 张伟/李娜/王芳 are known only from version 1 of the roster.
    const res = await request(d.app)
      .post('/api/v1/submissions')
      .set('Authorization', bearer(d.tokens['WTQ-A']))
      .send({ term: F.TERM, sheets: [F.reflectionsA()] });
    expect(res.status).toBe(201);
    expect(res.body.submissions).toEqual([expect.objectContaining({ kind: 'reflections', version: 2, rows: 5 })]);
    const list = await request(d.app).get(`/api/v1/terms/${encodeURIComponent(F.TERM)}/submissions`).set('Authorization', bearer(d.tokens['WTQ-A']));
    const refl = list.body.submissions.filter((s: { kind: string }) => s.kind === 'reflections');
    expect(refl.map((s: { version: number; current: boolean }) => [s.version, s.current])).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  test('names are checked against the roster of the same upload', async () => {
    const withRoster = await request(d.app)
      .post('/api/v1/submissions')
      .set('Authorization', bearer(d.tokens['WTQ-C']))
      .send({ term: F.TERM, sheets: [F.rosterA(), F.papersB()] });
    expect(withRoster.status).toBe(422);
    expect(withRoster.body.error.findings.some((f: { code: string; row: number }) => f.code === 'unknown_teacher' && f.row === 2)).toBe(true);
  });

  test('Idempotency-Key: a retry returns the same receipt and stores nothing new', async () => {
    const send = () =>
      request(d.app)
        .post('/api/v1/submissions')
        .set('Authorization', bearer(d.tokens['WTQ-B']))
        .set('Idempotency-Key', 'b-roster-1')
        .send({ term: F.TERM, sheets: [F.rosterB()] });
    const first = await send();
    expect(first.status).toBe(201);
    const rows = await count('rows');
    const again = await send();
    expect(again.status).toBe(200);
    expect(again.body.replayed).toBe(true);
    expect({ ...again.body, replayed: false }).toEqual(first.body);
    expect(await count('rows')).toBe(rows);
    // Concurrent retries with one new key: exactly one version is made.
    const key = 'b-roster-2';
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        request(d.app).post('/api/v1/submissions').set('Authorization', bearer(d.tokens['WTQ-B'])).set('Idempotency-Key', key).send({ term: F.TERM, sheets: [F.rosterB()] }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.uploadId)).size).toBe(1);
    expect(answers[0].body.submissions[0].version).toBe(2);
  });

  test('Idempotency-Key reused for different content is refused and stores nothing', async () => {
    const send = (sheets: unknown[], term = F.TERM) =>
      request(d.app).post('/api/v1/submissions').set('Authorization', bearer(d.tokens['WTQ-B'])).set('Idempotency-Key', 'b-mixed-1').send({ term, sheets });
    expect((await send([F.rosterB()])).status).toBe(201);
    const rows = await count('rows');
    const other = await send([F.rosterB(), F.papersB()]);
    expect([other.status, other.body.error.code]).toEqual([422, 'idempotency_mismatch']);
    expect(other.body.error.message).toMatch(/Idempotency-Key/);
    expect(await count('rows')).toBe(rows);
    // The original content with the same key is still a replay.
    const again = await send([F.rosterB()]);
    expect([again.status, again.body.replayed]).toEqual([200, true]);
  });

  test('parallel requests with one Idempotency-Key and different content: one version stored, the others 422', async () => {
    const before = await count('rows');
    const uploadsBefore = await count('uploads');
    // Five rosters, each with a different teacher added, sent at once under one new key.
    const rosters = Array.from({ length: 5 }, (_, i) => {
      const r = F.rosterB();
      return { ...r, grid: [...r.grid, [`并发${'一二三四五'[i]}`, `C${i}`, '女', '1990-01', '语文', '二级教师', '无', '是']] };
    });
    const answers = await Promise.all(
      rosters.map((r) => request(d.app).post('/api/v1/submissions').set('Authorization', bearer(d.tokens['WTQ-B'])).set('Idempotency-Key', 'b-race-mixed').send({ term: F.TERM, sheets: [r] })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422, 422, 422]);
    for (const a of answers.filter((x) => x.status === 422)) expect(a.body.error.code).toBe('idempotency_mismatch');
    expect(await count('uploads')).toBe(uploadsBefore + 1);
    // Exactly the winner's rows were stored (the roster has one more row than before).
    const winner = answers.find((a) => a.status === 201)!;
    expect(await count('rows')).toBe(before + winner.body.submissions[0].rows);
  });

  test('the same key from another school is a different upload', async () => {
    const b = await request(d.app).post('/api/v1/submissions').set('Authorization', bearer(d.tokens['WTQ-B'])).set('Idempotency-Key', 'b-roster-1').send({ term: F.TERM, sheets: [F.rosterB()] });
    expect(b.status).toBe(201);
    const res = await request(d.app)
      .post('/api/v1/submissions')
      .set('Authorization', bearer(d.tokens['WTQ-C']))
      .set('Idempotency-Key', 'b-roster-1')
      .send({ term: F.TERM, sheets: [F.rosterB()] });
    expect(res.status).toBe(201);
    expect(res.body.school.code).toBe('WTQ-C');
    expect(res.body.uploadId).not.toBe(b.body.uploadId);
  });

  test('requests that cannot be an upload are refused with a Chinese reason', async () => {
    const auth = bearer(d.tokens['WTQ-A']);
    const noFile = await request(d.app).post('/api/v1/uploads?term=2025春').set('Authorization', auth).field('x', '1');
    expect([noFile.status, noFile.body.error.code]).toEqual([400, 'no_file']);
    const notXlsx = await request(d.app).post('/api/v1/uploads?term=2025春').set('Authorization', auth).attach('file', Buffer.from('姓名,学科\n张伟,数学\n'), 'a.csv');
    expect([notXlsx.status, notXlsx.body.error.code]).toEqual([400, 'bad_file']);
    const badTerm = await request(d.app).post('/api/v1/submissions').set('Authorization', auth).send({ term: '2025夏', sheets: [F.rosterA()] });
    expect([badTerm.status, badTerm.body.error.code]).toEqual([400, 'bad_term']);
    const badJson = await request(d.app).post('/api/v1/submissions').set('Authorization', auth).set('Content-Type', 'application/json').send('{"term":');
    expect([badJson.status, badJson.body.error.code]).toEqual([400, 'bad_json']);
    const badShape = await request(d.app).post('/api/v1/submissions').set('Authorization', auth).send({ term: F.TERM, sheets: 'x' });
    expect([badShape.status, badShape.body.error.code]).toEqual([400, 'bad_request']);
    // The coordinator reads this: zod's reason in Chinese, naming the field, never zod's English text.
    expect(badShape.body.error.message).toMatch(/^请求格式不正确：sheets .*期望 数组/);
    expect(badShape.body.error.message).not.toMatch(/Invalid|expected|received/);
    const nothing = await request(d.app).post('/api/v1/submissions').set('Authorization', auth).send({ term: F.TERM, sheets: [{ sheet: '说明', grid: [['这是说明']] }] });
    expect([nothing.status, nothing.body.error.code]).toEqual([422, 'no_sheets']);
    const twice = await request(d.app).post('/api/v1/submissions').set('Authorization', auth).send({ term: F.TERM, sheets: [F.rosterA(), { ...F.rosterA(), sheet: '名册2' }] });
    expect([twice.status, twice.body.error.code]).toEqual([422, 'duplicate_kind']);
    for (const r of [noFile, notXlsx, badTerm, badJson, badShape, nothing, twice]) expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts|stack/);
  });

  test('U+0000 (which PostgreSQL text cannot hold) is a 400 naming the place, never a 500; nothing stored', async () => {
    const before = [await count('uploads'), await count('submissions'), await count('rows')];
    const auth = bearer(d.tokens['WTQ-A']);
    const named = { ...F.rosterA(), sheet: '教师\u0000名册' };
    const inName = await request(d.app).post('/api/v1/submissions').set('Authorization', auth).send({ term: F.TERM, sheets: [named] });
    expect([inName.status, inName.body.error.code, inName.body.error.message]).toEqual([400, 'bad_text', expect.stringContaining('工作表名“教师名册”')]);
    const papers = F.papersA();
    papers.grid[1][1] = '小学数学\u0000课堂';
    const inCell = await request(d.app).post('/api/v1/submissions').set('Authorization', auth).send({ term: F.TERM, sheets: [F.rosterA(), papers] });
    expect([inCell.status, inCell.body.error.code, inCell.body.error.message]).toEqual([400, 'bad_text', expect.stringContaining('工作表“论文投稿”第 2 行 B 列')]);
    const school = await request(d.app).post('/api/v1/submissions').set('Authorization', bearer(d.district)).send({ term: F.TERM, school: 'WTQ-A\u0000', sheets: [F.rosterA()] });
    expect([school.status, school.body.error.code]).toEqual([404, 'no_school']);
    const query = await request(d.app).get('/api/v1/audit?school=%00').set('Authorization', bearer(d.district));
    expect([query.status, query.body.error.code]).toEqual([400, 'bad_request']);
    expect([await count('uploads'), await count('submissions'), await count('rows')]).toEqual(before);
  });
});
