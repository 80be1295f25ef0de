/**
 * The command line as a school or district installs it: `npm pack`, the tarball installed into an empty project
 * (dependencies from npm's cache, no install scripts), and `yanbiao validate` and `yanbiao consolidate` (with its
 * worker threads) run from yet another folder — not only from the repository root.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xlsxOf } from '../../support/xlsx';

const ROOT = join(__dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'yanbiao-installed-'));
const project = join(dir, 'project');
const work = join(dir, '别处');
let bin = '';

beforeAll(() => {
  mkdirSync(project);
  mkdirSync(work);
  const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, stdio: 'pipe', timeout: 240_000, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
  npm(['pack', '--pack-destination', dir, '--ignore-scripts'], ROOT);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'school-office', version: '1.0.0', private: true }));
  npm(['install', join(dir, tarball), '--prefer-offline', '--ignore-scripts', '--omit=dev'], project);
  bin = join(project, 'node_modules', '.bin', 'yanbiao');
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => spawnSync(bin, args, { cwd: work, encoding: 'utf8', timeout: 120_000 });

test('validate from the installed package, in another folder', async () => {
  writeFileSync(join(work, '名册.xlsx'), await xlsxOf([{ sheet: '教师名册', grid: [['姓名', '学科'], ['张伟', '体育']] }]));
  const r = run(['validate', '名册.xlsx', '--term', '2025春']);
  expect([r.status, r.stderr]).toEqual([0, '']);
  expect(r.stdout).toContain('【教师名册】教师名册，表头在第 1 行，数据 1 行：0 个错误，1 个警告');
});

test('consolidate from the installed package, its worker threads too', async () => {
  mkdirSync(join(work, '各校'));
  for (const code of ['WTQ-001', 'WTQ-002'])
    writeFileSync(join(work, '各校', `${code}_名册.xlsx`), await xlsxOf([{ sheet: '教师名册', grid: [['姓名', '学科'], [`${code}张伟`, '语文']] }]));
  const r = run(['consolidate', '各校', '--term', '2025春', '-o', '汇总.xlsx', '--jobs', '2']);
  expect(r.stderr).not.toMatch(/Cannot find module|tsx/);
  expect([r.status, r.stdout.split('\n')[1]]).toEqual([0, '  文件 2 个：汇总 2 个，未汇总 0 个']);
  expect(readdirSync(work)).toContain('汇总.xlsx');
});
