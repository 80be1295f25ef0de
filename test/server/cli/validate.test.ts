/** `yanbiao validate/fix/template` as a user runs them: real .xlsx files, real process, exit codes, JSON. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { FIXTURE_OPTIONS, FIXTURES } from '../../fixtures';
import { writeFixture } from '../../fixtures/write';

const BIN = join(__dirname, '../../../bin/yanbiao');
const dir = mkdtempSync(join(tmpdir(), 'yb-cli-'));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 60000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const opts = ['--term', FIXTURE_OPTIONS.term, '--as-of', FIXTURE_OPTIONS.asOf];
const files: Record<string, string> = {};

beforeAll(async () => {
  for (const fx of FIXTURES) files[fx.code] = await writeFixture(fx, dir);
});

describe('yanbiao validate', () => {
  it.each(FIXTURES.map((fx) => [fx.name, fx] as const))('%s: --json gives the planted triples from the real file', async (_n, fx) => {
    const r = await run(['validate', files[fx.code], ...opts, '--json']);
    const out = JSON.parse(r.stdout);
    const expectErrors = Object.values(fx.expected).flat().length > 0 && out.errors > 0;
    expect(r.code).toBe(expectErrors ? 1 : 0);
    expect(Object.keys(out).sort()).toEqual(['errors', 'file', 'sheets', 'warnings']);
    for (const s of out.sheets) {
      const got = s.findings.map((f: { code: string; row: number; field: string }) => JSON.stringify([f.code, f.row, f.field])).sort();
      expect(got).toEqual(fx.expected[s.sheet].map((t) => JSON.stringify(t)).sort());
      for (const f of s.findings) expect(Object.keys(f).sort()).toEqual(['code', 'col', 'field', 'fix', 'message', 'row', 'severity', 'sheet', 'value']);
    }
    expect(out.sheets.map((s: { sheet: string }) => s.sheet)).toEqual(fx.sheets.map((s) => s.sheet));
  });

  it('prints a readable Chinese table grouped by sheet with a one-line summary', async () => {
    const r = await run(['validate', files['WTQ-SY'], ...opts]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('【论文】论文投稿，表头在第 3 行');
    expect(r.stdout).toMatch(/ISSN 校验位不正确/);
    expect(r.stdout.trim().split('\n').pop()).toMatch(/^合计：\d+ 个错误，\d+ 个警告 —— 有错误/);
  });

  it('keeps long field names apart from the severity column', async () => {
    const r = await run(['validate', files['WTQ-SY'], ...opts]);
    const rows = r.stdout.split('\n').filter((l) => /计划结题日期|关联课题编号/.test(l) && /错误|警告/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const l of rows) expect(l).toMatch(/(计划结题日期|关联课题编号) +(错误|警告)  /);
  });

  it('exits 0 on a clean school and 2 on a file it cannot use', async () => {
    expect((await run(['validate', files['WTQ-JS'], ...opts])).code).toBe(0);
    const bad = join(dir, 'notes.xlsx');
    writeFileSync(bad, '这不是工作簿');
    const r = await run(['validate', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是 Excel 工作簿');
    expect((await run(['validate', join(dir, 'nope.xlsx')])).code).toBe(2);
    const t = await run(['validate', files['WTQ-JS'], '--term', '2025夏']);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('学期格式不正确');
  });
});

describe('yanbiao fix', () => {
  it('writes a copy with every alias/spacing fixed and leaves the original untouched', async () => {
    const out = join(dir, 'fixed.xlsx');
    const original = readFileSync(files['WTQ-XB']);
    const r = await run(['fix', files['WTQ-XB'], '-o', out, ...opts]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/已修正 \d+ 处/);
    expect(readFileSync(files['WTQ-XB']).equals(original)).toBe(true);
    const after = JSON.parse((await run(['validate', out, ...opts, '--json'])).stdout);
    expect(after.errors + after.warnings).toBe(0);
  });
});

describe('yanbiao template', () => {
  it('writes all five kinds with headers, frozen header rows and dropdowns for every value set', async () => {
    const out = join(dir, 'tpl.xlsx');
    expect((await run(['template', 'all', '-o', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['教师名册', '课题登记', '课程登记', '学月反思', '论文投稿']);
    const papers = wb.getWorksheet('论文投稿')!;
    expect(papers.getRow(1).getCell(1).value).toBe('教师*');
    expect(papers.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const dv = (papers as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const lists = Object.values(dv).filter((v) => v.type === 'list').map((v) => v.formulae[0]);
    expect(lists).toContain('"评比,投稿"');
    expect(lists).toContain('"已提交,已录用,已发表,获奖,未获奖"');
    // a blank template validates clean
    expect((await run(['validate', out])).code).toBe(0);
    expect((await run(['template', 'nonsense', '-o', out])).code).toBe(2);
  });
});
