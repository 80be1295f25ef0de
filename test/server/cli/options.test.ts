/**
 * Every command checks its options (node's util.parseArgs, strict): an unknown option or one missing its value is
 * refused in Chinese with exit 2 before anything runs; `--help` prints the command's Chinese help; output files may
 * go into a folder that does not exist yet, and file-system errors read in Chinese.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOptions } from '../../../server/cli/index';
import { COMMANDS } from '../../../server/cli/commands';

const BIN = join(__dirname, '../../../bin/yanbiao');
const dir = mkdtempSync(join(tmpdir(), 'yb-opts-'));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 60000, cwd: dir }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

test('each command refuses an option it does not take, naming it in Chinese', () => {
  for (const entry of COMMANDS) {
    const cmd = entry.load();
    expect([entry.name, checkOptions(cmd, ['x.xlsx', '--bogus'])]).toEqual([entry.name, '未知的选项：--bogus']);
    expect(checkOptions(cmd, ['x.xlsx'])).toBeNull();
    for (const [name, o] of Object.entries(cmd.options)) {
      // A value option given no value; a switch given one.
      if (o.type === 'string') expect([entry.name, checkOptions(cmd, ['x.xlsx', `--${name}`])]).toEqual([entry.name, `选项 --${name} 后面应写一个值`]);
      else expect([entry.name, checkOptions(cmd, ['x.xlsx', `--${name}=1`])]).toEqual([entry.name, `选项 --${name} 不带值`]);
    }
  }
});

test('validate --bogus exits 2 with the message and the help, before reading anything', async () => {
  const r = await run(['validate', '不存在.xlsx', '--bogus']);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^未知的选项：--bogus\n\n用法：yanbiao validate /);
  expect(r.stderr).not.toMatch(/找不到/);
});

test('--help: the command\'s usage, summary and options in Chinese, exit 0', async () => {
  const r = await run(['fix', '--help']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('用法：yanbiao fix <文件.xlsx> -o 修正后.xlsx');
  expect(r.stdout).toContain('1 仍有需要人工修改的错误');
  expect(r.stdout).toContain('选项：--output（-o） <值>');
});

test('an output in folders that do not exist yet is written; a folder given as the output is refused in Chinese', async () => {
  const made = await run(['template', 'papers', '-o', join('新文件夹', '子文件夹', '论文模板.xlsx')]);
  expect(made.code).toBe(0);
  expect(existsSync(join(dir, '新文件夹', '子文件夹', '论文模板.xlsx'))).toBe(true);
  const fixed = await run(['fix', join('新文件夹', '子文件夹', '论文模板.xlsx'), '-o', join('另一个', '修正.xlsx')]);
  expect(fixed.code).toBe(0);
  expect(existsSync(join(dir, '另一个', '修正.xlsx'))).toBe(true);
  mkdirSync(join(dir, '是文件夹'));
  const bad = await run(['template', 'papers', '-o', '是文件夹']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('“是文件夹”是一个文件夹，请写文件名');
  expect(bad.stderr).not.toMatch(/EISDIR|ENOENT/);
});

test('a term written as 2025春季 is read and said as 2025春', async () => {
  await run(['template', 'all', '-o', join('季', '空白.xlsx')]);
  const r = await run(['consolidate', '季', '--term', '2025春季', '-o', join('季输出', '汇总.xlsx')]);
  expect(r.stdout).toMatch(/^汇总完成：2025春（统计截至 /);
});
