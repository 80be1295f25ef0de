/** The Sheets stand-in itself, through the real client: it must behave like Google where the tests rely on it. */
import { clientFor, SheetsStandIn, startSheetsStandIn } from './harness';
import { date } from './stand-in/server';

let standIn: SheetsStandIn;
beforeEach(async () => {
  standIn = await startSheetsStandIn();
  standIn.create('BOOK', { sheets: [{ title: 'Sheet1', rows: [['a', null, 3], [], [date('2025-03-14'), true]] }, { title: '论文 投稿' }] });
});
afterEach(() => standIn.close());

test('values.get renders as asked and leaves out trailing empties; an empty range has no "values"', async () => {
  const api = clientFor(standIn).api;
  const get = async (range: string, extra: Record<string, string> = {}) => (await api.spreadsheets.values.get({ spreadsheetId: 'BOOK', range, ...extra })).data;
  expect(await get('Sheet1', { valueRenderOption: 'UNFORMATTED_VALUE' })).toEqual({
    range: 'Sheet1!A1:Z1000',
    majorDimension: 'ROWS',
    values: [['a', '', 3], [], [45730, true]],
  });
  expect((await get('Sheet1!A1:C3')).values).toEqual([['a', '', '3'], [], ['2025-03-14', 'TRUE']]);
  expect((await get('Sheet1!A3', { valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'FORMATTED_STRING' })).values).toEqual([['2025-03-14']]);
  expect(await get("'论文 投稿'!A1:B2")).toEqual({ range: "'论文 投稿'!A1:B2", majorDimension: 'ROWS' });
});

test('RAW keeps text as typed; USER_ENTERED would have made a formula and a number', async () => {
  const api = clientFor(standIn).api;
  for (const valueInputOption of ['RAW', 'USER_ENTERED']) {
    await api.spreadsheets.values.batchUpdate({
      spreadsheetId: 'BOOK',
      requestBody: { valueInputOption, data: [{ range: "'论文 投稿'!A1", values: [['=1+1', '007']] }] },
    });
    const got = await api.spreadsheets.values.get({ spreadsheetId: 'BOOK', range: "'论文 投稿'!A1:B1", valueRenderOption: 'FORMULA' });
    expect([valueInputOption, got.data.values]).toEqual(valueInputOption === 'RAW' ? ['RAW', [['=1+1', '007']]] : ['USER_ENTERED', [['=1+1', 7]]]);
    const cell = standIn.book('BOOK')!.sheets[1].cells[0][0]!;
    expect(cell.formula).toBe(valueInputOption === 'RAW' ? undefined : '=1+1');
  }
});

test('Google-shaped refusals: missing valueInputOption, duplicate tab (atomic), unknown request, field mask', async () => {
  const api = clientFor(standIn).api;
  const err = (p: Promise<unknown>) => p.then(() => null, (e) => e.response.data);
  expect(await err(api.spreadsheets.values.batchUpdate({ spreadsheetId: 'BOOK', requestBody: { data: [] } }))).toEqual({
    error: { code: 400, message: "'valueInputOption' is required but not specified", status: 'INVALID_ARGUMENT' },
  });
  const dup = await err(
    api.spreadsheets.batchUpdate({
      spreadsheetId: 'BOOK',
      requestBody: { requests: [{ addSheet: { properties: { title: '新表' } } }, { addSheet: { properties: { title: 'Sheet1' } } }] },
    }),
  );
  expect(dup.error.message).toBe('Invalid requests[1].addSheet: A sheet with the name "Sheet1" already exists. Please enter another name.');
  expect(standIn.book('BOOK')!.sheets.map((s) => s.title)).toEqual(['Sheet1', '论文 投稿']); // nothing of the batch applied
  const unknown = await err(api.spreadsheets.batchUpdate({ spreadsheetId: 'BOOK', requestBody: { requests: [{ frobnicate: {} } as object] } }));
  expect(unknown.error.status).toBe('INVALID_ARGUMENT');
  const got = await api.spreadsheets.get({ spreadsheetId: 'BOOK', fields: 'sheets.properties(sheetId,title)' });
  expect(got.data).toEqual({ sheets: [{ properties: { sheetId: 0, title: 'Sheet1' } }, { properties: { sheetId: 101, title: '论文 投稿' } }] });
});
