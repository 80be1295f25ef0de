/**
 * The Sheets routes in the real app (SQLite store, supertest) with the real googleapis client pointed at the
 * stand-in through GOOGLE_SHEETS_ROOT_URL + GOOGLE_OAUTH_ACCESS_TOKEN: import goes through the one upload path,
 * publish writes the term's 区级汇总 and 上报情况.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../server/app';
import type { UploadPool } from '../../server/upload/pool';
import { makeLogger } from '../../server/http/logging';
import { STATUS_HEADERS } from '../../server/report/status-sheet';
import { BUILTIN_SUMMARY_HEADERS as SUMMARY_HEADERS } from '../fixtures/summary-headers';
import { openStore } from '../../server/store/open';
import type { Store } from '../../server/store/schema';
import { addSchool } from '../../server/store/schools';
import { issueDistrictToken, issueSchoolToken } from '../../server/store/tokens';
import { readValues } from './stand-in/model';
import { date, type SheetsStandIn, startSheetsStandIn } from './stand-in/server';

const NOW = new Date('2025-03-20T02:00:00Z');
const ID = '1SchoolRegisterSheetIdAbc';
const ENV = ['GOOGLE_SHEETS_ROOT_URL', 'GOOGLE_OAUTH_ACCESS_TOKEN', 'GOOGLE_APPLICATION_CREDENTIALS', 'YANBIAO_SHEETS_SPREADSHEET'];
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));

let dir: string;
let store: Store;
let standIn: SheetsStandIn;
let app: ReturnType<typeof createApp>;
let district: string;
let sy: string;
let js: string;

const ROSTER = [
  ['五通桥区实验小学教师名册'],
  ['姓名', '工号', '性别', '出生年月', '学科', '职称', '在岗'],
  ['张伟', 'T001', '男', date('1985-04-01'), '语文', '一级教师', '是'],
  ['李娜', null, '女', '1992年5月', '数学', '二级教师'],
  ['王芳', 'T003', '女', date('1990-05-01'), '英语'],
];

// A fresh store, stand-in and app for every test: each test passes alone (-t) and in any order.
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanbiao-sheets-routes-'));
  store = await openStore({ sqliteFile: path.join(dir, 'y.sqlite') });
  await addSchool(store.db, { code: 'WTQ-SY', name: '五通桥区实验小学', type: '小学' }, NOW);
  await addSchool(store.db, { code: 'WTQ-JS', name: '五通桥区金山小学', type: '小学' }, NOW);
  district = await issueDistrictToken(store.db, NOW);
  sy = await issueSchoolToken(store.db, 'WTQ-SY', NOW);
  js = await issueSchoolToken(store.db, 'WTQ-JS', NOW);
  standIn = await startSheetsStandIn();
  for (const k of ENV) delete process.env[k];
  process.env.GOOGLE_SHEETS_ROOT_URL = standIn.url;
  process.env.GOOGLE_OAUTH_ACCESS_TOKEN = standIn.token;
  app = createApp({ store, now: () => NOW, logger: makeLogger('silent'), rateLimits: { perMinute: 1000, uploadsPerMinute: 1000 } });
});

afterEach(async () => {
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  await standIn.close();
  await (app.locals.pool as UploadPool).close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const post = (url: string, token: string) => request(app).post(url).set('Authorization', `Bearer ${token}`);

/** 实验小学 registers the spreadsheet ID (教师名册!A1:H) by importing it. */
async function syRegistersId(): Promise<void> {
  standIn.create(ID, { sheets: [{ title: '教师名册', rows: ROSTER }] });
  expect((await post('/api/v1/sheets/import', sy).send({ term: '2025春', spreadsheetId: ID, range: '教师名册!A1:H' })).status).toBe(201);
  standIn.requests.length = 0;
}

test('a school imports its Google sheet: read once, unformatted with serial dates, stored as version 1 of 教师名册', async () => {
  standIn.create(ID, { sheets: [{ title: '教师名册', rows: ROSTER }] });
  const res = await post('/api/v1/sheets/import', sy).send({ term: '2025春', spreadsheetId: `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`, range: '教师名册!A1:H' });
  expect(res.status).toBe(201);
  expect(standIn.requests.map((r) => [r.method, r.path, r.query])).toEqual([
    ['GET', `/v4/spreadsheets/${ID}/values/教师名册!A1:H`, { majorDimension: 'ROWS', valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER' }],
  ]);
  expect(res.body.school).toEqual({ code: 'WTQ-SY', name: '五通桥区实验小学' });
  expect(res.body.submissions).toEqual([expect.objectContaining({ kind: 'roster', sheet: '教师名册', version: 1, rows: 3, warnings: 0 })]);
  expect(res.body.sheet).toEqual({ spreadsheetId: ID, range: '教师名册!A1:H' });

  const link = await request(app).get('/api/v1/sheets/link').set('Authorization', `Bearer ${sy}`);
  expect(link.body.links).toEqual([expect.objectContaining({ school: 'WTQ-SY', spreadsheetId: ID, range: '教师名册!A1:H' })]);

  // Next time the registered sheet is used without naming it, and the upload is a new version.
  const again = await post('/api/v1/sheets/import', sy).send({ term: '2025春' });
  expect(again.status).toBe(201);
  expect(again.body.submissions[0]).toMatchObject({ kind: 'roster', version: 2 });
  expect(standIn.requests).toHaveLength(2);

  const listed = await request(app).get('/api/v1/terms/2025春/submissions').set('Authorization', `Bearer ${sy}`);
  expect(listed.body.submissions.filter((s: { kind: string }) => s.kind === 'roster').map((s: { version: number }) => s.version).sort()).toEqual([1, 2]);
});

test('a sheet with an error is refused like any upload: 422 with the Google sheet row and column, nothing stored', async () => {
  standIn.create('1BadRegisterSheetIdXyz', { sheets: [{ title: '名册', rows: [...ROSTER.slice(0, 3), ['赵强', 'T009', '男', null, '体操']] }] });
  const res = await post('/api/v1/sheets/import', js).send({ term: '2025春', spreadsheetId: '1BadRegisterSheetIdXyz', range: '名册' });
  expect(res.status).toBe(422);
  expect(res.body.error.code).toBe('invalid_workbook');
  expect(res.body.error.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { code: string; row: number; col: string; value: unknown }) => [f.code, f.row, f.col, f.value])).toEqual([
    ['enum', 4, 'E', '体操'],
  ]);
  const listed = await request(app).get('/api/v1/terms/2025春/submissions').set('Authorization', `Bearer ${js}`);
  expect(listed.body.submissions).toEqual([]);
  // The link is kept so the school can fix the sheet in Google and import again without retyping it.
  const link = await request(app).get('/api/v1/sheets/link').set('Authorization', `Bearer ${js}`);
  expect(link.body.links[0]).toMatchObject({ spreadsheetId: '1BadRegisterSheetIdXyz', range: '名册' });
});

test('who may import for whom: a school only for itself; the district must name the school', async () => {
  // ID is 实验小学's registered sheet: the district may still import it for 金山小学 (named below).
  await syRegistersId();
  const other = await post('/api/v1/sheets/import', sy).send({ term: '2025春', school: 'WTQ-JS', spreadsheetId: ID, range: '教师名册' });
  expect([other.status, other.body.error.code]).toEqual([403, 'forbidden']);
  const unnamed = await post('/api/v1/sheets/import', district).send({ term: '2025春', spreadsheetId: ID, range: '教师名册' });
  expect([unnamed.status, unnamed.body.error.code]).toEqual([400, 'no_school']);
  const none = await request(app).post('/api/v1/sheets/import').send({ term: '2025春' });
  expect(none.status).toBe(401);
  expect(standIn.requests).toHaveLength(0);
  const named = await post('/api/v1/sheets/import', district).send({ term: '2025春', school: 'WTQ-JS', spreadsheetId: ID, range: '教师名册' });
  expect(named.status).toBe(201);
  expect(named.body.school.code).toBe('WTQ-JS');
});

test("a school cannot import another school's registered spreadsheet as its own", async () => {
  standIn.create('1OnlyForSchoolSyRoster', { sheets: [{ title: '教师名册', rows: ROSTER }] });
  const mine = await post('/api/v1/sheets/import', sy).send({ term: '2025春', spreadsheetId: '1OnlyForSchoolSyRoster', range: '教师名册' });
  expect(mine.status).toBe(201);
  standIn.requests.length = 0;
  const theirs = await post('/api/v1/sheets/import', js).send({ term: '2025春', spreadsheetId: '1OnlyForSchoolSyRoster', range: '教师名册' });
  expect([theirs.status, theirs.body.error.code]).toEqual([409, 'sheet_taken']);
  expect(standIn.requests).toHaveLength(0);
});

test('Google errors reach the caller as sheets_* codes with the Chinese advice; bad ids never reach Google', async () => {
  standIn.create('1PrivateSheetIdNotShared', { shared: false, sheets: [{ title: 'Sheet1' }] });
  const forbidden = await post('/api/v1/sheets/import', sy).send({ term: '2025春', spreadsheetId: '1PrivateSheetIdNotShared', range: 'Sheet1' });
  expect([forbidden.status, forbidden.body.error.code]).toEqual([400, 'sheets_forbidden']);
  expect(forbidden.body.error.message).toContain('共享');
  const missing = await post('/api/v1/sheets/import', sy).send({ term: '2025春', spreadsheetId: '1NoSuchSpreadsheetIdHere', range: 'Sheet1' });
  expect([missing.status, missing.body.error.code]).toEqual([400, 'sheets_not_found']);
  standIn.fail({ status: 429 });
  const quota = await post('/api/v1/sheets/import', sy).send({ term: '2025春', spreadsheetId: '1OnlyForSchoolSyRoster', range: '教师名册' });
  expect([quota.status, quota.body.error.code]).toEqual([429, 'sheets_quota']);
  expect(standIn.requests).toHaveLength(3);

  const badId = await post('/api/v1/sheets/import', sy).send({ term: '2025春', spreadsheetId: 'x/../y', range: 'Sheet1' });
  expect([badId.status, badId.body.error.code]).toEqual([400, 'bad_spreadsheet']);
  const badTerm = await post('/api/v1/sheets/import', sy).send({ term: '2025夏', spreadsheetId: ID, range: 'A1' });
  expect([badTerm.status, badTerm.body.error.code]).toEqual([400, 'bad_term']);
  const extra = await post('/api/v1/sheets/import', sy).send({ term: '2025春', url: 'x' });
  expect([extra.status, extra.body.error.code]).toEqual([400, 'bad_request']);
  expect(standIn.requests).toHaveLength(3);
});

test('the district publishes the term: 区级汇总 and 上报情况 written RAW, schools may not publish', async () => {
  // 实验小学's 教师名册 in version 3 (three imports of its sheet), 金山小学's in version 1 (imported by the district).
  await syRegistersId();
  for (const v of [2, 3]) expect((await post('/api/v1/sheets/import', sy).send({ term: '2025春' })).body.submissions[0]).toMatchObject({ kind: 'roster', version: v });
  expect((await post('/api/v1/sheets/import', district).send({ term: '2025春', school: 'WTQ-JS', spreadsheetId: ID, range: '教师名册' })).status).toBe(201);
  standIn.requests.length = 0;
  standIn.create('1DistrictSummarySheetId', { sheets: [{ title: 'Sheet1' }] });
  const denied = await post('/api/v1/terms/2025春/sheets/publish', sy).send({ spreadsheetId: '1DistrictSummarySheetId' });
  expect([denied.status, denied.body.error.code]).toEqual([403, 'forbidden']);
  expect(standIn.requests).toHaveLength(0);

  const res = await post('/api/v1/terms/2025春/sheets/publish', district).send({ spreadsheetId: '1DistrictSummarySheetId' });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ term: '2025春', asOf: '2025-03-20', spreadsheetId: '1DistrictSummarySheetId' });
  expect(standIn.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
    'GET /v4/spreadsheets/1DistrictSummarySheetId',
    'POST /v4/spreadsheets/1DistrictSummarySheetId:batchUpdate',
    'POST /v4/spreadsheets/1DistrictSummarySheetId/values:batchUpdate',
    'POST /v4/spreadsheets/1DistrictSummarySheetId:batchUpdate',
  ]);
  expect(standIn.requests[2].body.valueInputOption).toBe('RAW');

  const book = standIn.book('1DistrictSummarySheetId')!;
  const summary = readValues(book, "'区级汇总'", 'UNFORMATTED_VALUE', 'SERIAL_NUMBER', 'ROWS').values!;
  expect(summary[0]).toEqual(SUMMARY_HEADERS);
  expect(summary.slice(1, 3).map((r) => r.slice(0, 4))).toEqual([
    ['WTQ-JS', '五通桥区金山小学', '小学', 3],
    ['WTQ-SY', '五通桥区实验小学', '小学', 3],
  ]);
  expect(summary[3].slice(1, 4)).toEqual(['全区合计', '2所', 6]);
  const board = readValues(book, "'上报情况'", 'UNFORMATTED_VALUE', 'SERIAL_NUMBER', 'ROWS').values!;
  expect(board[0]).toEqual(STATUS_HEADERS);
  const roster = board.filter((r) => r[2] === '教师名册').map((r) => [r[0], r[3], r[5]]);
  expect(roster).toEqual([
    ['WTQ-JS', '已上报', 1],
    ['WTQ-SY', '已上报', 3],
  ]);
  expect(board.filter((r) => r[2] === '论文投稿').map((r) => r[3])).toEqual(['未上报', '未上报']);
  // Ratios carry a percent format in Google Sheets, as in the .xlsx report.
  const rateCol = SUMMARY_HEADERS.indexOf('反思完成率');
  expect(book.sheets.find((s) => s.title === '区级汇总')!.cells[1][rateCol]?.numberFormat).toEqual({ type: 'PERCENT', pattern: '0.0%' });
});

test("publish without a spreadsheet id uses the server's YANBIAO_SHEETS_SPREADSHEET, and asks for one when it is unset", async () => {
  const none = await post('/api/v1/terms/2025春/sheets/publish', district).send({});
  expect([none.status, none.body.error.code]).toEqual([400, 'bad_spreadsheet']);
  expect(standIn.requests).toHaveLength(0);
  standIn.create('1ServerSettingSheetIdAb', { sheets: [{ title: 'Sheet1' }] });
  process.env.YANBIAO_SHEETS_SPREADSHEET = 'https://docs.google.com/spreadsheets/d/1ServerSettingSheetIdAb/edit';
  try {
    const res = await post('/api/v1/terms/2025春/sheets/publish', district).send({});
    expect([res.status, res.body.spreadsheetId]).toEqual([200, '1ServerSettingSheetIdAb']);
    expect(standIn.book('1ServerSettingSheetIdAb')!.sheets.map((s) => s.title)).toEqual(['Sheet1', '区级汇总', '上报情况']);
  } finally {
    delete process.env.YANBIAO_SHEETS_SPREADSHEET;
  }
});

test('without Google settings the routes answer 503 sheets_not_configured and nothing else changes', async () => {
  const keep = { ...process.env };
  for (const k of ENV) delete process.env[k];
  try {
    const bare = createApp({ store, now: () => NOW, logger: makeLogger('silent') });
    const res = await request(bare).post('/api/v1/terms/2025春/sheets/publish').set('Authorization', `Bearer ${district}`).send({ spreadsheetId: '1DistrictSummarySheetId' });
    expect([res.status, res.body.error.code]).toEqual([503, 'sheets_not_configured']);
    expect(res.body.error.message).toContain('GOOGLE_APPLICATION_CREDENTIALS');
    const health = await request(bare).get('/healthz');
    expect(health.status).toBe(200);
  } finally {
    Object.assign(process.env, keep);
  }
});

test('a NUL character in a range or id is a 400 naming the field, before anything is stored or fetched', async () => {
  const before = standIn.requests.length;
  const res = await post('/api/v1/sheets/import', sy).send({ term: '2025春', spreadsheetId: ID, range: '名册\u0000!A1' });
  expect([res.status, res.body.error.code]).toEqual([400, 'bad_request']);
  expect(res.body.error.message).toMatch(/range.*空字符/);
  expect(standIn.requests.length).toBe(before);
});
