/** `yanbiao sheets publish|import` on a SQLite store under YANBIAO_DATA, against the stand-in. */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sheetsCommand } from '../../server/cli/sheets';
import { openStore } from '../../server/store/open';
import { addSchool } from '../../server/store/schools';
import { date, type SheetsStandIn, startSheetsStandIn } from './stand-in/server';
import { readValues } from './stand-in/model';

const ROOT = path.join(__dirname, '..', '..');
const KEYS = ['YANBIAO_DATA', 'DATABASE_URL', 'GOOGLE_SHEETS_ROOT_URL', 'GOOGLE_OAUTH_ACCESS_TOKEN', 'GOOGLE_APPLICATION_CREDENTIALS', 'YANBIAO_SHEETS_SPREADSHEET'];
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
let dir: string;
let standIn: SheetsStandIn;

// A fresh store and stand-in for every test: each test passes alone (-t) and in any order.
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanbiao-sheets-cli-'));
  const store = await openStore({ sqliteFile: path.join(dir, 'yanbiao.sqlite') });
  await addSchool(store.db, { code: 'WTQ-SY', name: '五通桥区实验小学', type: '小学' });
  await store.close();
  standIn = await startSheetsStandIn();
  standIn.create('1CliDistrictSheetId', { sheets: [{ title: 'Sheet1' }] });
  standIn.create('1CliSchoolSheetIdAbc', {
    sheets: [
      {
        title: '教师名册',
        rows: [
          ['姓名', '工号', '性别', '出生年月', '学科', '职称', '在岗'],
          ['张伟', 'T001', '男', date('1985-04-01'), '语文', '一级教师', '是'],
          ['李娜', 'T002', '女', date('1992-05-01'), '体操', '二级教师', '是'],
        ],
      },
      { title: '名册', rows: [['姓名', '工号', '性别', '学科', '职称'], ['张伟', 'T001', '男', '语文', '一级教师']] },
    ],
  });
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, { YANBIAO_DATA: dir, GOOGLE_SHEETS_ROOT_URL: standIn.url, GOOGLE_OAUTH_ACCESS_TOKEN: standIn.token });
});

afterEach(async () => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  await standIn.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the command in-process, capturing what it prints. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await sheetsCommand.run(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

test('import: a sheet with an error exits 1 listing the row and column; a clean one is stored (exit 0)', async () => {
  const bad = await run('import', '--school', 'WTQ-SY', '--term', '2025春', '--spreadsheet', '1CliSchoolSheetIdAbc', '--range', '教师名册!A1:G');
  expect(bad.code).toBe(1);
  expect(bad.err).toContain('教师名册 第 3 行 E 列（学科）');

  const good = await run('import', '--school', 'WTQ-SY', '--term', '2025春', '--spreadsheet', '1CliSchoolSheetIdAbc', '--range', '名册');
  expect(good.code).toBe(0);
  expect(good.out).toContain('名册：第 1 版，1 行');
});

test('publish writes both tabs; usage and Google errors exit 2 with a Chinese message', async () => {
  expect((await run('import', '--school', 'WTQ-SY', '--term', '2025春', '--spreadsheet', '1CliSchoolSheetIdAbc', '--range', '名册')).code).toBe(0);
  const ok = await run('publish', '--term', '2025春', '--spreadsheet', 'https://docs.google.com/spreadsheets/d/1CliDistrictSheetId/edit');
  expect(ok.code).toBe(0);
  expect(ok.out).toContain('已发布 2025春 到 Google 表格 1CliDistrictSheetId');
  const board = readValues(standIn.book('1CliDistrictSheetId')!, "'上报情况'", 'UNFORMATTED_VALUE', 'SERIAL_NUMBER', 'ROWS').values!;
  expect(board.find((r) => r[2] === '教师名册')?.slice(0, 4)).toEqual(['WTQ-SY', '五通桥区实验小学', '教师名册', '已上报']);

  expect((await run('publish', '--term', '2025春')).code).toBe(2);
  expect((await run()).code).toBe(2);
  const missing = await run('publish', '--term', '2025春', '--spreadsheet', '1NoSuchSheetIdAtAll');
  expect(missing.code).toBe(2);
  expect(missing.err).toContain('找不到 Google 表格 1NoSuchSheetIdAtAll');
});

test('the command is registered in bin/yanbiao', async () => {
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(
      path.join(ROOT, 'bin', 'yanbiao'),
      ['sheets', 'publish', '--term', '2025春', '--spreadsheet', '1CliDistrictSheetId'],
      { cwd: ROOT, env: process.env, timeout: 30000 },
      (err, stdout) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout }),
    );
  });
  expect(code).toBe(0);
  expect(stdout).toContain('已发布 2025春');
});

test('publish --watch publishes, then waits for uploads until SIGTERM and exits cleanly', async () => {
  standIn.requests.length = 0;
  const child = spawn(path.join(ROOT, 'bin', 'yanbiao'), ['sheets', 'publish', '--term', '2025春', '--spreadsheet', '1CliDistrictSheetId', '--watch'], { cwd: ROOT, env: process.env });
  let out = '';
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(`${code}/${signal}`)));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes('正在等待新的上报')) resolve();
      });
      child.on('exit', () => reject(new Error(`exited early: ${out}`)));
    });
    expect(out).toContain('已发布 2025春 到 Google 表格 1CliDistrictSheetId');
    expect(standIn.requests.filter((r) => r.path.endsWith('/values:batchUpdate')).map((r) => r.body.valueInputOption)).toEqual(['RAW']);
    child.kill('SIGTERM');
    expect(await exited).toBe('0/null');
  } finally {
    clearTimeout(timer);
  }
});
