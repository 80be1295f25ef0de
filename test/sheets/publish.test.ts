/** publishTabs against the Sheets stand-in through the real googleapis client: exact requests and stored values. */
import { SheetsError } from '../../server/sheets/errors';
import { publishTabs, Tab } from '../../server/sheets/publish';
import { readValues } from './stand-in/model';
import { clientFor, line, SheetsStandIn, startSheetsStandIn } from './harness';

let standIn: SheetsStandIn;
beforeEach(async () => {
  standIn = await startSheetsStandIn();
});
afterEach(() => standIn.close());

const SUMMARY: Tab = {
  title: '区级汇总',
  rows: [
    ['学校代码', '学校', '在岗教师数', '备注'],
    ['WTQ-SY', '五通桥区实验小学', 52, '=HYPERLINK("http://x")'],
    ['WTQ-JS', '五通桥区金山小学', 31, null],
    ['合计', null, 83, '+86 电话'],
  ],
};
const BOARD: Tab = {
  title: '上报情况',
  rows: [
    ['学校', '教师名册', '论文投稿'],
    ['五通桥区实验小学', '已上报', '未上报'],
  ],
};

/** A stand-in tab's values as Google would return them unformatted (trailing empties dropped). */
function cells(id: string, title: string): unknown[][] {
  return readValues(standIn.book(id)!, `'${title}'`, 'UNFORMATTED_VALUE', 'SERIAL_NUMBER', 'ROWS').values ?? [];
}

test('a first publish adds both tabs, writes every value RAW in one call and formats the headers in one call', async () => {
  standIn.create('BOOK1', { sheets: [{ title: 'Sheet1', rows: [['别的内容']] }] });
  const client = clientFor(standIn);
  const result = await publishTabs(client, 'BOOK1', [SUMMARY, BOARD]);

  expect(standIn.requests.map(line)).toEqual([
    'GET /v4/spreadsheets/BOOK1?fields=sheets.properties(sheetId,title,gridProperties(rowCount,columnCount))',
    'POST /v4/spreadsheets/BOOK1:batchUpdate',
    'POST /v4/spreadsheets/BOOK1/values:batchUpdate',
    'POST /v4/spreadsheets/BOOK1:batchUpdate',
  ]);
  expect(standIn.requests.every((r) => r.authorization === `Bearer ${standIn.token}`)).toBe(true);
  expect(standIn.requests[1].body).toEqual({
    requests: [
      { addSheet: { properties: { title: '区级汇总', gridProperties: { rowCount: 1000, columnCount: 26 } } } },
      { addSheet: { properties: { title: '上报情况', gridProperties: { rowCount: 1000, columnCount: 26 } } } },
    ],
  });
  expect(standIn.requests[2].body).toEqual({
    valueInputOption: 'RAW',
    data: [
      {
        range: "'区级汇总'!A1",
        majorDimension: 'ROWS',
        values: [
          ['学校代码', '学校', '在岗教师数', '备注'],
          ['WTQ-SY', '五通桥区实验小学', 52, '=HYPERLINK("http://x")'],
          ['WTQ-JS', '五通桥区金山小学', 31, ''],
          ['合计', '', 83, '+86 电话'],
        ],
      },
      { range: "'上报情况'!A1", majorDimension: 'ROWS', values: BOARD.rows },
    ],
  });
  const [summaryId, boardId] = result.tabs.map((t) => t.sheetId);
  expect(standIn.requests[3].body).toEqual({
    requests: [summaryId, boardId].flatMap((sheetId) => [
      {
        repeatCell: {
          range: { sheetId, startRowIndex: 0, endRowIndex: 1 },
          cell: { userEnteredFormat: { textFormat: { bold: true } } },
          fields: 'userEnteredFormat.textFormat.bold',
        },
      },
      {
        updateSheetProperties: {
          properties: { sheetId, gridProperties: { frozenRowCount: 1 } },
          fields: 'gridProperties.frozenRowCount',
        },
      },
    ]),
  });

  expect(result).toEqual({
    spreadsheetId: 'BOOK1',
    updatedCells: 22,
    tabs: [
      { title: '区级汇总', sheetId: summaryId, rows: 4, columns: 4, created: true },
      { title: '上报情况', sheetId: boardId, rows: 2, columns: 3, created: true },
    ],
  });
  const book = standIn.book('BOOK1')!;
  const summary = book.sheets.find((s) => s.title === '区级汇总')!;
  expect(cells('BOOK1', '区级汇总')).toEqual([
    ['学校代码', '学校', '在岗教师数', '备注'],
    ['WTQ-SY', '五通桥区实验小学', 52, '=HYPERLINK("http://x")'],
    ['WTQ-JS', '五通桥区金山小学', 31], // Google drops trailing empty cells
    ['合计', '', 83, '+86 电话'],
  ]);
  // RAW: the school's text that looks like a formula is stored as text, never as a formula.
  expect(summary.cells[1][3]?.formula).toBeUndefined();
  expect(summary.frozenRowCount).toBe(1);
  // The whole first row is bold (the range has no column bounds), and nothing else is.
  expect(summary.cells[0]).toHaveLength(summary.columnCount);
  expect(summary.cells[0].every((c) => c?.bold === true)).toBe(true);
  expect(summary.cells[1][0]?.bold).toBeFalsy();
  expect(cells('BOOK1', 'Sheet1')).toEqual([['别的内容']]);
});

test('republishing clears the existing tabs instead of adding them, so no stale row survives', async () => {
  standIn.create('BOOK2', { sheets: [{ title: 'Sheet1' }] });
  const client = clientFor(standIn);
  await publishTabs(client, 'BOOK2', [SUMMARY, BOARD]);
  standIn.requests.length = 0;

  const shorter: Tab = { title: '区级汇总', rows: [['学校代码', '学校'], ['WTQ-SY', '五通桥区实验小学']] };
  const result = await publishTabs(client, 'BOOK2', [shorter, BOARD]);

  expect(standIn.requests.map(line)).toEqual([
    'GET /v4/spreadsheets/BOOK2?fields=sheets.properties(sheetId,title,gridProperties(rowCount,columnCount))',
    'POST /v4/spreadsheets/BOOK2/values:batchClear',
    'POST /v4/spreadsheets/BOOK2/values:batchUpdate',
    'POST /v4/spreadsheets/BOOK2:batchUpdate',
  ]);
  expect(standIn.requests[1].body).toEqual({ ranges: ["'区级汇总'", "'上报情况'"] });
  expect(standIn.requests[2].body.valueInputOption).toBe('RAW');
  expect(result.tabs.map((t) => t.created)).toEqual([false, false]);
  expect(cells('BOOK2', '区级汇总')).toEqual([
    ['学校代码', '学校'],
    ['WTQ-SY', '五通桥区实验小学'],
  ]);
  expect(standIn.book('BOOK2')!.sheets.map((s) => s.title)).toEqual(['Sheet1', '区级汇总', '上报情况']);
});

test('an existing tab too small for the rows is enlarged in the same call that adds the missing tab', async () => {
  standIn.create('BOOK3', { sheets: [{ title: '区级汇总' }] });
  const small = standIn.book('BOOK3')!.sheets[0];
  small.rowCount = 3;
  small.columnCount = 2;
  await publishTabs(clientFor(standIn), 'BOOK3', [SUMMARY, BOARD]);

  expect(standIn.requests[1].body).toEqual({
    requests: [
      {
        updateSheetProperties: {
          properties: { sheetId: 0, gridProperties: { rowCount: 5, columnCount: 4 } },
          fields: 'gridProperties.rowCount,gridProperties.columnCount',
        },
      },
      { addSheet: { properties: { title: '上报情况', gridProperties: { rowCount: 1000, columnCount: 26 } } } },
    ],
  });
  expect(standIn.requests.map((r) => r.path)).toContain('/v4/spreadsheets/BOOK3/values:batchClear');
  expect(cells('BOOK3', '区级汇总')[3]).toEqual(['合计', '', 83, '+86 电话']);
});

test('a spreadsheet not shared with the service account: 403 becomes a message naming the e-mail to share with', async () => {
  standIn.create('PRIVATE', { shared: false, sheets: [{ title: 'Sheet1' }] });
  const err = await publishTabs(clientFor(standIn, 'yanbiao@district.iam.gserviceaccount.com'), 'PRIVATE', [SUMMARY]).catch((e) => e);
  expect(err).toBeInstanceOf(SheetsError);
  expect(err.code).toBe('forbidden');
  expect(err.status).toBe(403);
  expect(err.retryable).toBe(false);
  expect(err.message).toContain('yanbiao@district.iam.gserviceaccount.com');
  expect(err.message).toContain('编辑者');
  expect(err.detail).toBe('The caller does not have permission');
  expect(standIn.requests).toHaveLength(1); // googleapis' own retries are off: one request, one answer
});

test('a wrong spreadsheet id: 404 becomes not_found naming the id', async () => {
  const err = await publishTabs(clientFor(standIn), 'NO-SUCH-ID', [SUMMARY]).catch((e) => e);
  expect(err).toBeInstanceOf(SheetsError);
  expect([err.code, err.status, err.retryable]).toEqual(['not_found', 404, false]);
  expect(err.message).toContain('NO-SUCH-ID');
  expect(standIn.requests).toHaveLength(1);
});

test('quota exhausted on the write: 429 becomes a retryable quota error, and nothing half-formatted is claimed', async () => {
  standIn.create('BOOK4', { sheets: [{ title: 'Sheet1' }] });
  standIn.fail({ status: 429, match: (r) => r.path.endsWith('values:batchUpdate') });
  const err = await publishTabs(clientFor(standIn), 'BOOK4', [SUMMARY]).catch((e) => e);
  expect([err.code, err.status, err.retryable]).toEqual(['quota', 429, true]);
  expect(err.detail).toMatch(/^Quota exceeded for quota metric 'Write requests'/);
  expect(standIn.requests.map((r) => r.path)).toEqual([
    '/v4/spreadsheets/BOOK4',
    '/v4/spreadsheets/BOOK4:batchUpdate',
    '/v4/spreadsheets/BOOK4/values:batchUpdate',
  ]);
});

test('two publishes to one spreadsheet at once run one after the other (no duplicate addSheet)', async () => {
  standIn.create('BOOK5', { sheets: [{ title: 'Sheet1' }] });
  const client = clientFor(standIn);
  const [a, b] = await Promise.all([publishTabs(client, 'BOOK5', [SUMMARY, BOARD]), publishTabs(client, 'BOOK5', [SUMMARY, BOARD])]);
  expect(a.tabs.map((t) => t.created)).toEqual([true, true]);
  expect(b.tabs.map((t) => t.created)).toEqual([false, false]);
  expect(standIn.requests.map((r) => r.path.replace('/v4/spreadsheets/BOOK5', ''))).toEqual([
    '', ':batchUpdate', '/values:batchUpdate', ':batchUpdate',
    '', '/values:batchClear', '/values:batchUpdate', ':batchUpdate',
  ]);
});
