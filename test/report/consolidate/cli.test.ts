/** `yanbiao consolidate` end to end: generated school files in a temp folder → the CLI → the report read back. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { genSchool, schoolSheets, writeSheets, type GenSheet } from '../../../bench/consolidate-data';
import { rowsOf } from '../read-back';

const ROOT = join(__dirname, '../../..');
const pick = (sheets: GenSheet[], ...names: string[]) => sheets.filter((s) => names.includes(s.sheet));

describe('consolidate CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yanbiao-consolidate-test-'));
  const out = join(dir, 'out', '汇总.xlsx');
  const s0 = schoolSheets(0, 80);
  const s1 = schoolSheets(1, 80);
  const s2 = schoolSheets(2, 80);
  const s3 = schoolSheets(3, 80);
  let run: ReturnType<typeof spawnSync>;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    const papers = (g: typeof s0) => g.sheets.find((s) => s.sheet === '论文')!;
    // School 1 hands in a paper with school 0's first title under another teacher (抄袭嫌疑 across schools).
    papers(s1).rows[0][1] = papers(s0).rows[0][1];
    // …and a reflection whose title is school 0's with a changed ending (near-copy, 必须原创).
    const refl = (g: typeof s0) => g.sheets.find((s) => s.sheet === '学月反思')!;
    refl(s1).rows[0][2] = `${String(refl(s0).rows[0][2])}！`;
    // School 3's paper says 获奖 with no 获奖等级: an error, so that file is left out whole.
    papers(s3).rows[0][7] = '获奖';
    papers(s3).rows[0][8] = null;
    papers(s3).rows[0][3] = '评比';
    papers(s3).rows[0][5] = '区县级';
    await writeSheets(join(dir, 'WTQ-001_登记表.xlsx'), s0.sheets); // code in the name, name in the title rows
    await writeSheets(join(dir, '二码头报表.xlsx'), s1.sheets); // no code: the school's name from its title rows
    await writeSheets(join(dir, 'WTQ-003_名册.xlsx'), pick(s2.sheets, '教师名册')); // one school in two files
    await writeSheets(join(dir, 'WTQ-003_论文.xlsx'), pick(s2.sheets, '论文'));
    await writeSheets(join(dir, 'WTQ-004_论文.xlsx'), pick(s3.sheets, '教师名册', '论文'));
    writeFileSync(join(dir, 'notes.xlsx'), '这不是工作簿');
    // Files of other kinds found in the folder are listed with what to do; Excel's lock files and system files are not.
    writeFileSync(join(dir, 'WTQ-005_课题.xls'), 'old binary');
    writeFileSync(join(dir, '扫描件.pdf'), '%PDF-1.4');
    writeFileSync(join(dir, '~$WTQ-001_登记表.xlsx'), 'lock');
    writeFileSync(join(dir, 'Thumbs.db'), '');
    run = spawnSync(process.execPath, [join(ROOT, 'bin/yanbiao'), 'consolidate', dir, '--term', '2025春', '--as-of', '2025-07-31', '-o', out], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    wb = new ExcelJS.Workbook();
    if (existsSync(out)) await wb.xlsx.readFile(out);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('exits 1 because files were left out, lists them, and still writes the report', () => {
    expect({ stderr: run.stderr, stdout: run.stdout }).toEqual({ stderr: '', stdout: expect.any(String) });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('文件 8 个：汇总 4 个，未汇总 4 个');
    // WTQ-004's only file was left out: it is not counted among the schools merged, and is said apart.
    expect(run.stdout).toContain('学校 3 所（另有 1 所没有可汇总的数据）');
    // The file's name once, then where in it.
    expect(run.stdout).toMatch(/\n {2}WTQ-004_论文\.xlsx：1 个错误，如 ［论文］第 \d+ 行 [A-Z]+ 列：/);
    expect(run.stdout).toMatch(/notes\.xlsx：.*不是 Excel 工作簿/);
    expect(run.stdout).toContain('WTQ-005_课题.xls：旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后重新报送');
    expect(run.stdout).toContain('扫描件.pdf：PDF 文件，无法读取其中的表格；请报送 .xlsx 原文件');
    expect(run.stdout).not.toMatch(/~\$|Thumbs/);
    expect(existsSync(out)).toBe(true);
    expect(existsSync(`${out}.part`)).toBe(false);
  });

  test('a folder holding only files it cannot read says which and why, exit 2', () => {
    const only = mkdtempSync(join(tmpdir(), 'yanbiao-only-xls-'));
    writeFileSync(join(only, '实验小学论文.xls'), 'old binary');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/yanbiao'), 'consolidate', only, '--term', '2025春'], { encoding: 'utf8', timeout: 60_000 });
    rmSync(only, { recursive: true, force: true });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('没有可汇总的 .xlsx 文件。找到的文件都未汇总：\n  实验小学论文.xls：旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后重新报送\n');
  });

  test('an impossible --as-of day is refused with exit 2 before any file is read', () => {
    const bad = spawnSync(process.execPath, [join(ROOT, 'bin/yanbiao'), 'consolidate', dir, '--term', '2025春', '--as-of', '2025-02-30', '-o', join(dir, 'x.xlsx')], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect([bad.status, bad.stderr]).toEqual([2, expect.stringContaining('日期格式不正确：“2025-02-30”')]);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  test('区级汇总: one line per school, teachers as generated, the rejected school with nothing merged', () => {
    const rows = rowsOf(wb.getWorksheet('区级汇总')!);
    const h = rows[0] as string[];
    const line = (code: string) => rows.find((r) => r[0] === code)!;
    const teachers = (code: string) => line(code)[h.indexOf('在岗教师')];
    const name1 = genSchool(1).name;
    expect(new Set(rows.slice(1, 5).map((r) => r[0]))).toEqual(new Set(['WTQ-001', 'WTQ-003', 'WTQ-004', name1]));
    expect(line('WTQ-001')[1]).toBe(genSchool(0).name);
    // The rejected school merged nothing: 未上报, not 0.
    expect([teachers('WTQ-001'), teachers(name1), teachers('WTQ-003'), teachers('WTQ-004')]).toEqual([s0.facts.teachers, s1.facts.teachers, s2.facts.teachers, '未上报']);
    expect(line('WTQ-003')[h.indexOf('论文篇数')]).toBe(s2.facts.rows.papers);
    expect(line('WTQ-004')[h.indexOf('论文篇数')]).toBe('未上报');
  });

  test('kind sheets hold the merged files\' rows only', () => {
    const papers = rowsOf(wb.getWorksheet('论文投稿')!).slice(1);
    expect(papers.length).toBe(s0.facts.rows.papers + s1.facts.rows.papers + s2.facts.rows.papers);
    expect(papers.some((r) => r[0] === 'WTQ-004')).toBe(false);
    expect(rowsOf(wb.getWorksheet('教师名册')!).length - 1).toBe(s0.facts.rows.roster + s1.facts.rows.roster + s2.facts.rows.roster);
    expect(rowsOf(wb.getWorksheet('课程登记')!).filter((r) => r[0] === 'WTQ-003').length).toBe(0);
  });

  test('上报情况: 已上报 per kind, 已退回 with the reason, 未上报 where nothing came', () => {
    const rows = rowsOf(wb.getWorksheet('上报情况')!);
    const cell = (code: string, title: string) => rows.find((r) => r[0] === code && r[2] === title)!;
    expect(cell('WTQ-003', '教师名册')[3]).toBe('已上报');
    expect(cell('WTQ-003', '论文投稿').slice(3, 7)).toEqual(['已上报', expect.any(String), 1, s2.facts.rows.papers]);
    expect(cell('WTQ-003', '课程登记')[3]).toBe('未上报');
    expect(cell('WTQ-004', '论文投稿')[3]).toBe('已退回');
    // 跨校警告: the copied paper title and the near-copied reflection of school 0.
    expect([cell('WTQ-001', '论文投稿')[8], cell('WTQ-001', '学月反思')[8]]).toEqual([1, 1]);
    expect(String(cell('WTQ-004', '论文投稿')[11])).toContain('WTQ-004_论文.xlsx');
  });

  test('问题清单: the left-out file\'s error, the unreadable file, and the cross-school title on both sides', () => {
    const rows = rowsOf(wb.getWorksheet('问题清单')!).slice(1);
    const errors = rows.filter((r) => r[7] === '错误');
    expect(errors.some((r) => r[0] === 'WTQ-004' && r[2] === '论文投稿' && r[4] === 3)).toBe(true);
    expect(errors.some((r) => r[0] === 'notes' && r[3] === 'notes.xlsx')).toBe(true);
    expect(errors.find((r) => r[3] === 'WTQ-005_课题.xls')?.[10]).toBe('未汇总：旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后重新报送');
    const dup = rows.filter((r) => r[8] === '重复');
    expect(new Set(dup.map((r) => r[0]))).toEqual(new Set(['WTQ-001', genSchool(1).name]));
    expect(dup.every((r) => r[4] === 3 && r[7] === '警告')).toBe(true);
    // The cross-school check's own message (the engine's within-school one reads 与本表第…).
    const cross = rows.filter((r) => r[8] === '高度相似' && String(r[10]).startsWith('学月反思的题目与'));
    expect(cross.every((r) => r[4] === 3 && r[2] === '学月反思')).toBe(true);
    expect(new Set(cross.map((r) => r[0]))).toEqual(new Set(['WTQ-001', genSchool(1).name]));
    expect(String(cross.find((r) => r[0] === 'WTQ-001')![10])).toContain(genSchool(1).name);
  });

  test('runs from any working directory, its worker threads too (not only from the repository root)', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'yanbiao-elsewhere-'));
    try {
      await writeSheets(join(elsewhere, 'WTQ-101_登记表.xlsx'), schoolSheets(10, 20).sheets);
      await writeSheets(join(elsewhere, 'WTQ-102_登记表.xlsx'), schoolSheets(11, 20).sheets);
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/yanbiao'), 'consolidate', '.', '--term', '2025春', '--as-of', '2025-07-31', '-o', 'out.xlsx', '--jobs', '2'], {
        cwd: elsewhere,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.stderr).not.toMatch(/Cannot find module/);
      expect(r.status).toBe(0);
      expect(existsSync(join(elsewhere, 'out.xlsx'))).toBe(true);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
