/**
 * Auto-publish on a real SQLite store and the stand-in, with a fake clock: an accepted upload is noticed by
 * the poll, published after the quiet time, and the next one waits for the minute to pass.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { autoPublishFromEnv, startAutoPublish, type AutoPublisher } from '../../server/sheets/auto-publish';
import { openStore } from '../../server/store/open';
import type { Store } from '../../server/store/schema';
import { addSchool } from '../../server/store/schools';
import { ingest } from '../../server/upload/ingest';
import { FakeClock } from './fake-clock';
import { clientFor, type SheetsStandIn, startSheetsStandIn } from './harness';
import { readValues } from './stand-in/model';

const SEC = 1000;
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

/** Waits (in real time, bounded) until the stand-in's answers have arrived and `cond` holds. */
async function waitFor(cond: () => boolean, ms = 10000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('waitFor: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let dir: string;
let store: Store;
let standIn: SheetsStandIn;
let watcher: AutoPublisher | null = null;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanbiao-autopub-'));
  store = await openStore({ sqliteFile: path.join(dir, 'y.sqlite') });
  await addSchool(store.db, { code: 'WTQ-SY', name: '五通桥区实验小学', type: '小学' });
  standIn = await startSheetsStandIn();
  standIn.create('1DistrictBoardSheetId', { sheets: [{ title: 'Sheet1' }] });
});

afterEach(async () => {
  await watcher?.stop();
  watcher = null;
  await standIn.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const roster = (names: string[]) => [
  {
    sheet: '教师名册',
    grid: [['姓名', '工号', '性别', '学科', '职称', '在岗'], ...names.map((n, i) => [n, `T00${i}`, '女', '语文', '一级教师', '是'])],
  },
];

async function upload(names: string[], now: Date): Promise<void> {
  await ingest(store, { school: 'WTQ-SY', term: '2025春', sheets: roster(names), idemKey: null, source: 'json', actor: 'test' }, { now });
}

/** The 上报情况 line of WTQ-SY's 教师名册 as published: [status, version, rows]. */
function publishedRoster(): unknown[] | undefined {
  const book = standIn.book('1DistrictBoardSheetId')!;
  if (!book.sheets.some((s) => s.title === '上报情况')) return undefined;
  const rows = readValues(book, "'上报情况'", 'UNFORMATTED_VALUE', 'SERIAL_NUMBER', 'ROWS').values ?? [];
  const line = rows.find((r) => r[0] === 'WTQ-SY' && r[2] === '教师名册');
  return line && [line[3], line[5], line[6]];
}

const publishes = () => standIn.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/values:batchUpdate')).length;

test('uploads are noticed by the poll and published debounced, at most once a minute', async () => {
  const clock = new FakeClock(Date.parse('2025-03-20T02:00:00Z'));
  const t0 = clock.now();
  const events: string[] = [];
  watcher = startAutoPublish({
    store,
    client: clientFor(standIn),
    spreadsheetId: '1DistrictBoardSheetId',
    term: '2025春',
    clock,
    pollMs: 15 * SEC,
    debounceMs: 10 * SEC,
    minIntervalMs: 60 * SEC,
    onEvent: (e) => {
      if (e.type === 'scheduled') events.push(`due@${(e.at - t0) / SEC}`);
    },
  });
  await settle(); // the first check only takes note of the store as it is
  await clock.advance(60 * SEC);
  await settle();
  expect(standIn.requests).toHaveLength(0);

  await upload(['张伟', '李娜'], new Date(clock.now()));
  await clock.advance(15 * SEC); // poll at 75 s sees it; publish due at 85 s
  await settle();
  expect(publishes()).toBe(0);
  await clock.advance(10 * SEC);
  await watcher.republisher.idle();
  expect(publishes()).toBe(1);
  expect(publishedRoster()).toEqual(['已上报', 1, 2]);

  await upload(['张伟', '李娜', '王芳'], new Date(clock.now()));
  await clock.advance(15 * SEC); // a poll by 100 s sees it; the minute since 85 s ends at 145 s
  await settle();
  await clock.advance(44.9 * SEC);
  await settle();
  expect(publishes()).toBe(1);
  await clock.advance(0.1 * SEC);
  await watcher.republisher.idle();
  expect(publishes()).toBe(2);
  expect(publishedRoster()).toEqual(['已上报', 2, 3]);
  expect(events).toEqual(['due@85', 'due@145']);

  // Nothing new: polls continue, nothing is published.
  await clock.advance(300 * SEC);
  await settle();
  expect(publishes()).toBe(2);
});

test('a 429 during an automatic publish is retried with backoff, then the sheet is current', async () => {
  const clock = new FakeClock(Date.parse('2025-03-20T02:00:00Z'));
  const kinds: string[] = [];
  watcher = startAutoPublish({
    store,
    client: clientFor(standIn),
    spreadsheetId: '1DistrictBoardSheetId',
    term: '2025春',
    clock,
    pollMs: 15 * SEC,
    debounceMs: 10 * SEC,
    onEvent: (e) => kinds.push(e.type),
  });
  await settle();
  standIn.fail({ status: 429, match: (r) => r.path.endsWith('/values:batchUpdate') });
  await upload(['张伟'], new Date(clock.now()));
  await clock.advance(25 * SEC); // poll at 15 s, publish at 25 s meets the 429
  await waitFor(() => kinds.length >= 2);
  expect(kinds).toEqual(['scheduled', 'retry']);
  expect(publishedRoster()).toBeUndefined(); // the tabs were added, but the write never went through
  await clock.advance(2.2 * SEC); // first backoff wait is 2 s (+ up to 10% jitter)
  await watcher.republisher.idle();
  expect(kinds).toEqual(['scheduled', 'retry', 'published']);
  expect(publishedRoster()).toEqual(['已上报', 1, 1]);
});

test('the server setting: off without YANBIAO_SHEETS_SPREADSHEET, a warning without credentials, running with both', async () => {
  const logs: string[] = [];
  const log = (level: string, msg: string) => logs.push(`${level}:${msg}`);
  expect(autoPublishFromEnv(store, log, {})).toBeNull();
  expect(autoPublishFromEnv(store, log, { YANBIAO_SHEETS_SPREADSHEET: '1DistrictBoardSheetId' })).toBeNull();
  expect(autoPublishFromEnv(store, log, { YANBIAO_SHEETS_SPREADSHEET: 'not an id', GOOGLE_OAUTH_ACCESS_TOKEN: 't' })).toBeNull();
  // A key file that is missing or not a key: logged, the feature stays off, nothing is thrown at the server.
  const notKey = path.join(dir, 'not-a-key.json');
  fs.writeFileSync(notKey, '{"type":"something_else"}');
  expect(autoPublishFromEnv(store, log, { YANBIAO_SHEETS_SPREADSHEET: '1DistrictBoardSheetId', GOOGLE_APPLICATION_CREDENTIALS: path.join(dir, 'missing.json') })).toBeNull();
  expect(autoPublishFromEnv(store, log, { YANBIAO_SHEETS_SPREADSHEET: '1DistrictBoardSheetId', GOOGLE_APPLICATION_CREDENTIALS: notKey })).toBeNull();
  expect(logs.splice(2)).toEqual([
    `error:自动发布未启用：找不到 GOOGLE_APPLICATION_CREDENTIALS 指定的密钥文件：${path.join(dir, 'missing.json')}。请填写服务账号 JSON 密钥文件的完整路径。`,
    `error:自动发布未启用：密钥文件 ${notKey} 不是有效的 Google 服务账号 JSON 密钥：请在 Google Cloud 控制台为服务账号重新创建 JSON 密钥。`,
  ]);
  expect(logs).toEqual([
    'warn:YANBIAO_SHEETS_SPREADSHEET 已设置，但没有配置 Google 凭据，自动发布未启用',
    'warn:YANBIAO_SHEETS_SPREADSHEET 不是有效的表格 ID：not an id',
  ]);
  watcher = autoPublishFromEnv(store, log, {
    YANBIAO_SHEETS_SPREADSHEET: 'https://docs.google.com/spreadsheets/d/1DistrictBoardSheetId/edit',
    YANBIAO_SHEETS_TERM: '2025春',
    GOOGLE_SHEETS_ROOT_URL: standIn.url,
    GOOGLE_OAUTH_ACCESS_TOKEN: standIn.token,
  });
  expect(watcher).not.toBeNull();
  // It publishes once at start (after the quiet time), so a restarted server brings the sheet up to date.
  expect(logs[2]).toBe('info:自动发布到 Google 表格 1DistrictBoardSheetId（每次上报后，最多每分钟一次）');
  await waitFor(() => watcher!.republisher.scheduledAt !== null);
  await watcher!.stop();
  expect(standIn.requests).toHaveLength(0);
});
