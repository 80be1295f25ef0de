/** readSheetGrid: a registered range read back as the engine's grid (dates as serials, empties as null). */
import { SheetsError } from '../../server/sheets/errors';
import { readSheetGrid } from '../../server/sheets/read';
import { date } from './stand-in/server';
import { clientFor, line, SheetsStandIn, startSheetsStandIn } from './harness';

let standIn: SheetsStandIn;
beforeEach(async () => {
  standIn = await startSheetsStandIn();
});
afterEach(() => standIn.close());

const PAPERS = [
  ['五通桥区实验小学2025年春季学期论文统计表'],
  ['教师', '题目', '去向', '评比或刊物', '提交日期', '字数', '备注'],
  ['张伟', '浅谈整本书阅读', '评比', '区教育论文评比', date('2025-03-14'), 3200, null],
  ['李娜', '小学数学说理课堂', '投稿', '四川教育', date('2025-04-01', 'yyyy/m/d'), null, '已录用'],
  [],
  ['王芳', '=不是公式', '评比', '市论文评比', '2025.3.20', 1800.5, true],
  ['合计', null, null, null, null, null, null],
];

test('reads unformatted values with date serials; ragged rows become a rectangle with null for empty', async () => {
  standIn.create('SCHOOL-BOOK', { sheets: [{ title: '论文投稿', rows: PAPERS }] });
  const input = await readSheetGrid(clientFor(standIn), 'SCHOOL-BOOK', '论文投稿!A1:G');

  expect(standIn.requests.map(line)).toEqual([
    'GET /v4/spreadsheets/SCHOOL-BOOK/values/论文投稿!A1:G?majorDimension=ROWS&valueRenderOption=UNFORMATTED_VALUE&dateTimeRenderOption=SERIAL_NUMBER',
  ]);
  expect(input.sheet).toBe('论文投稿');
  const n = null;
  expect(input.grid).toEqual([
    ['五通桥区实验小学2025年春季学期论文统计表', n, n, n, n, n, n],
    ['教师', '题目', '去向', '评比或刊物', '提交日期', '字数', '备注'],
    ['张伟', '浅谈整本书阅读', '评比', '区教育论文评比', 45730, 3200, n],
    ['李娜', '小学数学说理课堂', '投稿', '四川教育', 45748, n, '已录用'],
    [n, n, n, n, n, n, n],
    ['王芳', '=不是公式', '评比', '市论文评比', '2025.3.20', 1800.5, true],
    ['合计', n, n, n, n, n, n],
  ]);
});

test('a range starting below A1 is padded so rows and column letters match what the school sees', async () => {
  standIn.create('OFFSET', {
    sheets: [
      {
        title: '名册 2025',
        rows: [[], [], [null, '姓名', '学科'], [null, '张伟', '语文'], [null, '李娜']],
      },
    ],
  });
  const input = await readSheetGrid(clientFor(standIn), 'OFFSET', "'名册 2025'!B3:C");
  expect(input.sheet).toBe('名册 2025');
  expect(input.grid).toEqual([
    [null, null, null],
    [null, null, null],
    [null, '姓名', '学科'],
    [null, '张伟', '语文'],
    [null, '李娜', null],
  ]);
});

test('an empty range (Google omits "values") gives an empty grid', async () => {
  standIn.create('EMPTY', { sheets: [{ title: 'Sheet1' }] });
  expect(await readSheetGrid(clientFor(standIn), 'EMPTY', 'Sheet1')).toEqual({ sheet: 'Sheet1', grid: [] });
});

test('Google errors on import: 403 asks to share as viewer, 404 names the id, bad range, 429 retryable', async () => {
  standIn.create('PRIVATE', { shared: false, sheets: [{ title: 'Sheet1' }] });
  standIn.create('OPEN', { sheets: [{ title: 'Sheet1' }] });
  const client = clientFor(standIn, 'reader@x.iam.gserviceaccount.com');

  const forbidden = await readSheetGrid(client, 'PRIVATE', 'Sheet1').catch((e) => e);
  expect(forbidden).toBeInstanceOf(SheetsError);
  expect([forbidden.code, forbidden.status]).toEqual(['forbidden', 403]);
  expect(forbidden.message).toContain('reader@x.iam.gserviceaccount.com');
  expect(forbidden.message).toContain('查看者');

  const missing = await readSheetGrid(client, 'GONE', 'Sheet1').catch((e) => e);
  expect([missing.code, missing.status]).toEqual(['not_found', 404]);
  expect(missing.message).toContain('GONE');

  const badRange = await readSheetGrid(client, 'OPEN', '论文!A1:G').catch((e) => e);
  expect([badRange.code, badRange.status, badRange.detail]).toEqual(['bad_range', 400, 'Unable to parse range: 论文!A1:G']);
  expect(badRange.message).toContain('论文!A1:G');

  standIn.fail({ status: 429 });
  const quota = await readSheetGrid(client, 'OPEN', 'Sheet1').catch((e) => e);
  expect([quota.code, quota.status, quota.retryable]).toEqual(['quota', 429, true]);
  expect(quota.detail).toMatch(/'Read requests'/);

  expect(standIn.requests).toHaveLength(4);
});

test('a wrong access token: 401 becomes an authentication message', async () => {
  standIn.create('OPEN', { sheets: [{ title: 'Sheet1' }] });
  const client = clientFor({ ...standIn, token: 'expired-token' });
  const err = await readSheetGrid(client, 'OPEN', 'Sheet1').catch((e) => e);
  expect([err.code, err.status]).toEqual(['unauthenticated', 401]);
  expect(err.message).toContain('GOOGLE_OAUTH_ACCESS_TOKEN');
  expect(standIn.requests[0].authorization).toBe('Bearer expired-token');
});
