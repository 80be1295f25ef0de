/**
 * A second district's definition driving the command line (`--registers`): its new register 听课记录 is recognised
 * and checked (range, alias), its lowered 字数 minimum applies, `template` writes its sheet and `fix` applies its
 * aliases — and without --registers the same workbook is judged by the built-in definition.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbook } from '../../../server/xlsx/read';
import { xlsxOf } from '../../support/xlsx';
import { districtBDefinition } from '../../fixtures/registers/district-b';

const BIN = join(__dirname, '../../../bin/yanbiao');
const dir = mkdtempSync(join(tmpdir(), 'yb-regflag-'));
const DEF = join(dir, '定义.xlsx');
const BOOK = join(dir, '实验小学.xlsx');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 60000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const OPTS = ['--term', '2025秋', '--as-of', '2025-12-20'];
const triples = (out: { sheets: { sheet: string; findings: { code: string; row: number; field: string }[] }[] }) =>
  out.sheets.flatMap((s) => s.findings.map((f) => [s.sheet, f.code, f.row, f.field] as [string, string, number, string]));

beforeAll(async () => {
  writeFileSync(DEF, await xlsxOf(districtBDefinition()));
  writeFileSync(
    BOOK,
    await xlsxOf([
      { sheet: '教师名册', grid: [['姓名', '学科'], ['张伟', '语文'], ['李娜', '数学']] },
      { sheet: '学月反思', grid: [['月份', '教师', '题目', '字数', '提交日期'], ['2025-10', '张伟', '识字教学的反思', 600, '2025-10-20']] },
      {
        sheet: '听课记录',
        grid: [
          ['日期', '听课教师', '授课教师', '学科', '课题', '节数'],
          ['2025-10-09', '张伟', '王芳', '语文', '《秋天》', 2],
          ['2025-10-16', '李娜', '王芳', '语', '《秋天》第二课时', 12],
        ],
      },
    ]),
  );
});

describe('--registers', () => {
  test("validate: the district's registers, ranges and aliases apply", async () => {
    const r = await run(['validate', BOOK, ...OPTS, '--registers', DEF, '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.sheets.map((s: { sheet: string; kind: string }) => [s.sheet, s.kind])).toEqual([
      ['教师名册', 'roster'],
      ['学月反思', 'reflections'],
      ['听课记录', 'lesson_visits'],
    ]);
    expect(triples(out).sort()).toEqual([
      ['听课记录', 'alias', 3, '学科'],
      ['听课记录', 'max', 3, '节数'],
    ]);
    expect(r.code).toBe(1);
  });

  test('validate without --registers: the built-in definition (听课记录 read as a 课程登记 lacking columns, 字数 600 too short)', async () => {
    const r = await run(['validate', BOOK, ...OPTS, '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.sheets.find((s: { sheet: string }) => s.sheet === '听课记录').kind).toBe('courses');
    expect(triples(out)).toContainEqual(['听课记录', 'header_missing', 1, '课名']);
    expect(triples(out)).toContainEqual(['学月反思', 'word_count', 2, '字数']);
  });

  test('the readable report names the district register', async () => {
    const r = await run(['validate', BOOK, ...OPTS, '--registers', DEF]);
    expect(r.stdout).toContain('【听课记录】听课记录，表头在第 1 行，数据 2 行：1 个错误，1 个警告');
  });

  test('template: the new register as a sheet with its headers', async () => {
    const out = join(dir, '听课模板.xlsx');
    const r = await run(['template', '听课记录', '-o', out, '--registers', DEF]);
    expect(r.code).toBe(0);
    const [sheet] = await readWorkbook(out);
    expect([sheet.sheet, sheet.grid[0]]).toEqual(['听课记录', ['日期*', '听课教师*', '授课教师*', '学科*', '课题*', '节数*']]);
  });

  test("fix: the district's alias applied (语 → 语文), the range error left for a person", async () => {
    const out = join(dir, '修正后.xlsx');
    const r = await run(['fix', BOOK, '-o', out, ...OPTS, '--registers', DEF]);
    expect(r.stdout).toMatch(/^已修正 1 处/);
    const sheets = await readWorkbook(out);
    expect(sheets[2].grid[2][3]).toBe('语文');
    expect(r.code).toBe(1);
  });

  test("consolidate: the district's registers as the report's sheets, its indicators as 区级汇总's columns", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'yb-regcons-'));
    const good = (school: string, rows: (string | number)[][]) =>
      xlsxOf([
        { sheet: '教师名册', grid: [['姓名', '学科'], ['张伟', '语文'], ['李娜', '数学']] },
        { sheet: '听课记录', grid: [['日期', '听课教师', '授课教师', '学科', '课题', '节数'], ...rows] },
      ]).then((b) => writeFileSync(join(folder, `${school}_听课.xlsx`), b));
    // WTQ-001: 张伟 6 + 4 = 10 节 (达标), 李娜 2 → 1 of 2; WTQ-002: both reach 10 → 2 of 2.
    await good('WTQ-001', [['2025-10-09', '张伟', '王芳', '语文', '《秋天》', 6], ['2025-10-16', '张伟', '王芳', '语文', '《秋天》', 4], ['2025-10-17', '李娜', '王芳', '数学', '《图形》', 2]]);
    await good('WTQ-002', [['2025-10-09', '张伟', '王芳', '语文', '《秋天》', 10], ['2025-10-16', '李娜', '王芳', '数学', '《图形》', 10]]);
    const out = join(folder, '汇总.xlsx');
    const r = await run(['consolidate', folder, '-o', out, ...OPTS, '--registers', DEF, '--jobs', '2']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('教师名册 4 行，学月反思 0 行，听课记录 5 行');
    expect(r.stdout).toContain('听课达标率 75.0%（目标 = 100%，1 所学校达标）');
    expect(r.stdout).toContain('学月反思完成率 未上报（目标 ≥ 90%，0 所学校达标）');
    const sheets = await readWorkbook(out);
    expect(sheets.map((x) => x.sheet)).toEqual(['区级汇总', '上报情况', '教师名册', '学月反思', '听课记录', '问题清单']);
    const summary = sheets[0].grid;
    expect(summary[0]).toEqual(['学校代码', '学校', '类型', '在岗教师数', '学月反思完成率', '听课节数', '听课达标率']);
    expect(summary.slice(1, 3).map((row) => [row[0], row[5], row[6]])).toEqual([
      ['WTQ-001', 12, 0.5],
      ['WTQ-002', 20, 1],
    ]);
  });

  test("consolidate: a district's 同题 row checks its own register across schools", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'yb-regsame-'));
    const def = districtBDefinition().map((x) => ({ sheet: x.sheet, grid: x.grid.map((r) => [...r]) }));
    def[3].grid.push(['lesson_visits', '同题', '课题', '', '', '授课教师', '', '', '', '']);
    const defFile = join(folder, '..', `同题定义-${process.pid}.xlsx`);
    writeFileSync(defFile, await xlsxOf(def));
    for (const [school, teacher] of [['WTQ-001', '王芳'], ['WTQ-002', '刘洋']])
      writeFileSync(
        join(folder, `${school}_听课.xlsx`),
        await xlsxOf([
          { sheet: '教师名册', grid: [['姓名', '学科'], ['张伟', '语文']] },
          { sheet: '听课记录', grid: [['日期', '听课教师', '授课教师', '学科', '课题', '节数'], ['2025-10-09', '张伟', teacher, '语文', '《秋天的雨》第一课时', 1]] },
        ]),
      );
    const out = join(folder, '汇总.xlsx');
    const r = await run(['consolidate', folder, '-o', out, ...OPTS, '--registers', defFile, '--jobs', '1']);
    expect(r.code).toBe(0);
    const issues = (await readWorkbook(out)).find((x) => x.sheet === '问题清单')!.grid.slice(1);
    expect(issues.map((row) => [row[0], row[2], row[4], row[6], row[8]])).toEqual([
      ['WTQ-001', '听课记录', 2, '课题', '重复'],
      ['WTQ-002', '听课记录', 2, '课题', '重复'],
    ]);
    expect(String(issues[0][10])).toBe('听课记录的课题与 WTQ-002（WTQ-002_听课.xlsx［听课记录］ 第 2 行，刘洋）相同，请核实是否抄袭');
  });

  test('a broken definition is refused with its problems, exit 2, nothing checked', async () => {
    const broken = join(dir, '坏定义.xlsx');
    const sheets = districtBDefinition();
    sheets[1].grid = [...sheets[1].grid, ['lesson_visits', '是否公开', '', '布尔', '否', '', '', '', '']];
    writeFileSync(broken, await xlsxOf(sheets));
    const r = await run(['validate', BOOK, ...OPTS, '--registers', broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('登记表定义“坏定义.xlsx”有 1 个问题，未使用');
    expect(r.stderr).toContain('【列】第 16 行 D 列：“类型”的值“布尔”不在可选范围内');
  });
});
