/**
 * The district's register definition on the server, on SQLite and PostgreSQL: read by any token, replaced by the
 * district with a workbook (checked in a worker; a broken one changes nothing), versioned and audited, and in force
 * from the next upload on — a new register (听课记录), refused under the built-in definition, is accepted and
 * stored with the version it was checked with.
 */
import ExcelJS from 'exceljs';
import request from 'supertest';
import { binary } from '../support/binary';
import { storeKinds } from '../support/pg';
import { bearer, openDistrict, type TestDistrict } from '../support/store';
import { xlsxOf } from '../support/xlsx';
import { districtBDefinition } from '../fixtures/registers/district-b';
import * as F from '../support/fixture-district';

describe.each(storeKinds())('register definition on %s', (kind) => {
  // Each test passes alone (-t) and in any order: the tests that store something get a fresh district each; the
  // others share one district set up as they need it (reading it, or trying changes the server must refuse).
  let d: TestDistrict;
  const open = () => openDistrict(kind, F.SCHOOLS, { now: () => F.NOW });
  const school = () => bearer(d.tokens['WTQ-A']);
  const put = (token: string, buf: Buffer) => request(d.app).put('/api/v1/registers').set('Authorization', token).attach('file', buf, '定义.xlsx');
  const upload = async (sheets: Parameters<typeof xlsxOf>[0]) =>
    request(d.app).post('/api/v1/uploads?term=2025春').set('Authorization', school()).attach('file', await xlsxOf(sheets), 'a.xlsx');
  const roster = { sheet: '教师名册', grid: [['姓名', '学科'], ['张伟', '语文'], ['李娜', '数学']] };
  const visits = {
    sheet: '听课记录',
    grid: [
      ['日期', '听课教师', '授课教师', '学科', '课题', '节数'],
      ['2025-03-11', '张伟', '王芳', '语文', '《春》', 2],
      ['2025-03-18', '李娜', '王芳', '数学', '《认识图形》', 1],
    ],
  };
  /** Stores the second district's definition (version 1), as the district does. */
  const storeDistrictB = async () => expect((await put(bearer(d.district), await xlsxOf(districtBDefinition()))).status).toBe(201);

  describe('under the built-in definition', () => {
    beforeAll(async () => {
      d = await open();
    });
    afterAll(() => d.dispose());

    test('at first, the built-in definition (version 0), readable with a school token', async () => {
      const res = await request(d.app).get('/api/v1/registers').set('Authorization', school());
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(0);
      expect(res.body.definition.registers.map((r: { code: string }) => r.code)).toEqual(['roster', 'projects', 'courses', 'reflections', 'papers']);
    });

    test('a school token may not replace it (403), nor an anonymous request (401)', async () => {
      const buf = await xlsxOf(districtBDefinition());
      expect((await put(school(), buf)).status).toBe(403);
      expect((await request(d.app).put('/api/v1/registers').attach('file', buf, 'a.xlsx')).status).toBe(401);
    });

    test('a broken definition: 422 with every problem at its place, nothing stored', async () => {
      const sheets = districtBDefinition();
      sheets[1].grid = [...sheets[1].grid, ['lesson_visits', '是否公开', '', '布尔', '否', '', '', '', '']];
      const res = await put(bearer(d.district), await xlsxOf(sheets));
      expect([res.status, res.body.error.code]).toEqual([422, 'invalid_definition']);
      expect(res.body.error.problems).toEqual([{ sheet: '列', row: 16, col: 'D', field: '类型', message: '“类型”的值“布尔”不在可选范围内，可选：文本、长文本、姓名、多个姓名、日期、月份、数字、整数、取值、刊号' }]);
      const now = await request(d.app).get('/api/v1/registers').set('Authorization', school());
      expect(now.body.version).toBe(0);
    });

    test('under the built-in definition, a 听课记录 sheet is read as a 课程登记 lacking its columns: refused', async () => {
      const res = await upload([roster, visits]);
      expect([res.status, res.body.error.code]).toEqual([422, 'invalid_workbook']);
      const missing = res.body.error.findings.filter((f: { code: string }) => f.code === 'header_missing').map((f: { field: string }) => f.field);
      expect(missing).toEqual(['课名', '课型', '级别']);
      expect((await d.store.db.selectFrom('submissions').select('id').execute()).length).toBe(0);
    });
  });

  describe('storing a definition', () => {
    beforeEach(async () => {
      d = await open();
    });
    afterEach(() => d.dispose());

    test("the district's definition stored as version 1, audited, in force for the next upload", async () => {
      const res = await put(bearer(d.district), await xlsxOf(districtBDefinition()));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ version: 1, registers: [{ code: 'roster' }, { code: 'reflections' }, { code: 'lesson_visits', columns: ['日期', '听课教师', '授课教师', '学科', '课题', '节数'] }] });
      const got = await request(d.app).get('/api/v1/registers').set('Authorization', school());
      expect([got.body.version, got.body.definition.registers.length]).toEqual([1, 3]);
      const audit = await request(d.app).get('/api/v1/audit?action=registers').set('Authorization', bearer(d.district));
      expect(audit.body.entries.map((e: { action: string; target: string }) => [e.action, e.target])).toEqual([['registers', '1']]);

      const up = await upload([roster, visits]);
      expect(up.status).toBe(201);
      expect(up.body.submissions.map((s: { kind: string; rows: number }) => [s.kind, s.rows])).toEqual([
        ['roster', 2],
        ['lesson_visits', 2],
      ]);
      const versions = await d.store.db.selectFrom('submissions').select(['kind', 'version', 'definition_version']).orderBy('id').execute();
      expect(versions.map((v) => [v.kind, v.version, v.definition_version])).toEqual([
        ['roster', 1, 1],
        ['lesson_visits', 1, 1],
      ]);
    });

    test("the district's own 同题 and 相似文本 rows drive the cross-school checks of its new register", async () => {
      // A third definition: 读书笔记 with 同题 on 书名 and 相似文本 on 心得 (a long text), both per 教师.
      const sheets = districtBDefinition().map((x) => ({ sheet: x.sheet, grid: x.grid.map((r) => [...r]) }));
      sheets[0].grid.push(['reading_notes', '读书笔记', '读书、心得']);
      sheets[1].grid.push(
        ['reading_notes', '月份', '', '月份', '是', '', '', '', ''],
        ['reading_notes', '教师', '姓名', '姓名', '是', '', '', '', '名册'],
        ['reading_notes', '书名', '', '文本', '是', '', '', '', ''],
        ['reading_notes', '心得', '', '长文本', '是', '', '', '', ''],
      );
      sheets[3].grid.push(['reading_notes', '同题', '书名', '', '', '教师', '', '', '', ''], ['reading_notes', '相似文本', '心得', '', '', '教师', '', '', '', '']);
      expect((await put(bearer(d.district), await xlsxOf(sheets))).status).toBe(201);
      const essay = '读了这本书，我认识到课堂上要给学生留出足够的思考时间，提问之后耐心等待，让每个孩子都有机会表达自己的想法，再引导他们相互补充和质疑。';
      const notes = (teacher: string, book: string, text: string) => ({ sheet: '读书笔记', grid: [['月份', '教师', '书名', '心得'], ['2025-03', teacher, book, text]] });
      const a = await request(d.app).post('/api/v1/uploads?term=2025春').set('Authorization', bearer(d.tokens['WTQ-A'])).attach('file', await xlsxOf([{ sheet: '教师名册', grid: [['姓名', '学科'], ['张伟', '语文']] }, notes('张伟', '《给教师的建议》', essay)]), 'a.xlsx');
      expect(a.status).toBe(201);
      const b = await request(d.app).post('/api/v1/uploads?term=2025春').set('Authorization', bearer(d.tokens['WTQ-B'])).attach('file', await xlsxOf([{ sheet: '教师名册', grid: [['姓名', '学科'], ['赵强', '语文']] }, notes('赵强', '给教师的建议', essay + '。')]), 'b.xlsx');
      expect(b.status).toBe(201);
      const cross = b.body.crossSchool.map((f: { code: string; field: string; row: number }) => [f.code, f.field, f.row]).sort();
      expect(cross).toEqual([
        ['duplicate', '书名', 2],
        ['near_duplicate', '心得', 2],
      ]);
      const dup = b.body.crossSchool.find((f: { code: string }) => f.code === 'duplicate');
      // A school learns where the other row is, never the other school's teacher.
      expect(dup.message).toBe('读书笔记的书名与甲小学（WTQ-A）读书笔记 第 2 行的相同，有抄袭嫌疑');
    });
  });

  describe("with the district's definition in force and 甲小学's 听课记录 stored", () => {
    beforeAll(async () => {
      d = await open();
      await storeDistrictB();
      expect((await upload([roster, visits])).status).toBe(201);
    });
    afterAll(() => d.dispose());

    test("the district's ranges apply to uploads: 节数 12 is refused (422), nothing stored", async () => {
      const before = (await d.store.db.selectFrom('submissions').select('id').execute()).length;
      const bad = { ...visits, grid: [visits.grid[0], ['2025-03-25', '张伟', '王芳', '语文', '《春》', 12]] };
      const res = await upload([roster, bad]);
      expect([res.status, res.body.error.code]).toEqual([422, 'invalid_workbook']);
      expect(res.body.error.findings.map((f: { code: string; row: number; field: string }) => [f.code, f.row, f.field])).toEqual([['max', 2, '节数']]);
      expect((await d.store.db.selectFrom('submissions').select('id').execute()).length).toBe(before);
    });

    test("the summary carries the district's indicators, per school and for the district", async () => {
      const res = await request(d.app).get('/api/v1/terms/2025春/summary?asOf=2025-06-30').set('Authorization', bearer(d.district));
      expect(res.status).toBe(200);
      const a = res.body.schools.find((s: { code: string }) => s.code === 'WTQ-A');
      const m = Object.fromEntries(a.metrics.map((x: { name: string }) => [x.name, x]));
      // 张伟 2 节 and 李娜 1 节 of the stored 听课记录; neither reaches 10, of the 2 teachers on the roster.
      expect(m['听课节数']).toMatchObject({ value: 3, reported: true });
      expect(m['听课达标率']).toMatchObject({ value: 0, reported: true, target: '= 100%', met: false, num: 0, den: 2 });
      expect(res.body.district.metrics.map((x: { name: string }) => x.name)).toEqual(['在岗教师数', '学月反思完成率', '听课节数', '听课达标率']);
    });

    test("board, summary and report follow the district's registers: a column, a sheet and marked targets for 听课记录", async () => {
      const board = await request(d.app).get('/api/v1/terms/2025春/status').set('Authorization', bearer(d.district));
      expect(board.status).toBe(200);
      expect(board.body.kinds).toEqual(['roster', 'reflections', 'lesson_visits']);
      expect(board.body.registers).toEqual([
        { code: 'roster', name: '教师名册' },
        { code: 'reflections', name: '学月反思' },
        { code: 'lesson_visits', name: '听课记录' },
      ]);
      const a = board.body.schools.find((s: { code: string }) => s.code === 'WTQ-A');
      expect([a.kinds.lesson_visits.status, a.kinds.lesson_visits.rows, a.kinds.reflections.status]).toEqual(['已上报', 2, '未上报']);

      const summary = await request(d.app).get('/api/v1/terms/2025春/summary').set('Authorization', bearer(d.district));
      expect(summary.body.registers.map((r: { name: string }) => r.name)).toEqual(['教师名册', '学月反思', '听课记录']);

      const res = await request(d.app).get('/api/v1/terms/2025春/report.xlsx?asOf=2025-06-30').set('Authorization', bearer(d.district)).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['区级汇总', '上报情况', '教师名册', '学月反思', '听课记录', '问题清单']);
      const visitsSheet = wb.getWorksheet('听课记录')!;
      expect((visitsSheet.getRow(1).values as unknown[]).slice(1)).toEqual(['学校代码', '学校', '日期', '听课教师', '授课教师', '学科', '课题', '节数']);
      expect(visitsSheet.rowCount).toBe(3);
      const sum = wb.getWorksheet('区级汇总')!;
      const headers = (sum.getRow(1).values as unknown[]).slice(1);
      expect(headers).toEqual(['学校代码', '学校', '类型', '在岗教师数', '学月反思完成率', '听课节数', '听课达标率']);
      const line = [2, 3, 4].map((r) => sum.getRow(r)).find((r) => r.getCell(1).value === 'WTQ-A')!;
      const rate = line.getCell(headers.indexOf('听课达标率') + 1);
      expect(rate.value).toBe(0);
      expect(rate.fill && rate.fill.type === 'pattern' ? rate.fill.fgColor?.argb : undefined).toBe('FFFFC7CE'); // missed: red
      // A term that ended before the definition was stored keeps the definition it had: the built-in five.
      const past = await request(d.app).get('/api/v1/terms/2024秋/status').set('Authorization', bearer(d.district));
      expect(past.body.kinds).toEqual(['roster', 'projects', 'courses', 'reflections', 'papers']);
      const status = wb.getWorksheet('上报情况')!;
      const titles = new Set<unknown>();
      status.eachRow((r, n) => n > 1 && titles.add(r.getCell(3).value));
      expect([...titles]).toEqual(['教师名册', '学月反思', '听课记录']);
    });
  });
});
