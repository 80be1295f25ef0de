/** `yanbiao registers export|check` as an officer runs them: real files, real process, exit codes. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xlsxOf } from '../../support/xlsx';
import { districtBDefinition } from '../../fixtures/registers/district-b';

const BIN = join(__dirname, '../../../bin/yanbiao');
const dir = mkdtempSync(join(tmpdir(), 'yb-registers-'));

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.YANBIAO_DATA;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 60000, env: { ...base, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('yanbiao registers', () => {
  test('export writes the built-in definition, and check finds it sound (exit 0)', async () => {
    const out = join(dir, '定义.xlsx');
    const e = await run(['registers', 'export', '-o', out]);
    expect([e.code, e.stdout]).toEqual([0, `已导出内置登记表定义（5 张登记表）：${out}\n`]);
    const c = await run(['registers', 'check', out]);
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/^定义无问题：5 张登记表——教师名册（8 列）、课题登记（11 列）、课程登记（11 列）、学月反思（9 列）、论文投稿（12 列）/);
  });

  test("check of a second district's workbook: sound, its registers listed (--json)", async () => {
    const file = join(dir, 'b.xlsx');
    writeFileSync(file, await xlsxOf(districtBDefinition()));
    const c = await run(['registers', 'check', file, '--json']);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout)).toEqual({
      file,
      ok: true,
      problems: [],
      registers: [
        { code: 'roster', name: '教师名册', columns: 3 },
        { code: 'reflections', name: '学月反思', columns: 5 },
        { code: 'lesson_visits', name: '听课记录', columns: 6 },
      ],
    });
  });

  test('check of a broken workbook: each problem with sheet, row and column, exit 1', async () => {
    const sheets = districtBDefinition();
    sheets[1].grid = [...sheets[1].grid, ['lesson_visits', '是否公开', '', '布尔', '否', '', '', '', '']];
    const file = join(dir, 'broken.xlsx');
    writeFileSync(file, await xlsxOf(sheets));
    const c = await run(['registers', 'check', file]);
    expect(c.code).toBe(1);
    expect(c.stdout).toContain('【列】第 16 行 D 列（类型）：“类型”的值“布尔”不在可选范围内');
    expect(c.stdout).toContain('合计 1 个问题——定义未生效');
  });

  test('export into a folder that does not exist yet makes it; onto a folder: a Chinese reason, exit 2', async () => {
    const c = await run(['registers', 'export', '-o', join(dir, 'no', 'such', 'x.xlsx')]);
    expect([c.code, c.stderr, existsSync(join(dir, 'no', 'such', 'x.xlsx'))]).toEqual([0, '', true]);
    const onto = await run(['registers', 'export', '-o', join(dir, 'no')]);
    expect(onto.code).toBe(2);
    expect(onto.stderr).toContain(`“${join(dir, 'no')}”是一个文件夹，请写文件名`);
  });

  test('import stores a checked definition in the store (a new version); export then writes it; a broken one is not stored', async () => {
    const data = mkdtempSync(join(tmpdir(), 'yb-registers-store-'));
    const env = { YANBIAO_DATA: data };
    const good = join(dir, 'import-b.xlsx');
    writeFileSync(good, await xlsxOf(districtBDefinition()));
    const broken = join(dir, 'import-broken.xlsx');
    const sheets = districtBDefinition();
    sheets[0].grid = [...sheets[0].grid, ['roster', '重复', '']];
    writeFileSync(broken, await xlsxOf(sheets));

    const bad = await run(['registers', 'import', broken], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('定义未保存');
    const first = await run(['registers', 'export', '-o', join(data, 'a.xlsx')], env);
    expect(first.stdout).toMatch(/^已导出内置登记表定义（5 张登记表）/);

    const ok = await run(['registers', 'import', good], env);
    expect([ok.code, ok.stdout.split('\n')[1]]).toEqual([0, '已保存为第 1 版登记表定义，下一次上报起生效（已上报的版本不受影响）。']);
    const out = join(data, 'b.xlsx');
    const exported = await run(['registers', 'export', '-o', out], env);
    expect(exported.stdout).toBe(`已导出第 1 版登记表定义（3 张登记表）：${out}\n`);
    const check = await run(['registers', 'check', out, '--json'], env);
    expect(JSON.parse(check.stdout).registers.map((r: { code: string }) => r.code)).toEqual(['roster', 'reflections', 'lesson_visits']);
  });
});
