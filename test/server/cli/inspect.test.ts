/** `yanbiao inspect` as a coordinator runs it on a workbook whose column "is not found": real file, real process. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { book, styles, worksheet } from '../../support/ooxml';

const BIN = join(__dirname, '../../../bin/yanbiao');
const dir = mkdtempSync(join(tmpdir(), 'yb-inspect-'));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 60000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// Title row, then a papers header: 作者 (an alias of 教师), 题目 (its own name), 发表刊物 (no such column), 去向, 评比或刊物.
const is = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
const rows =
  `<row r="1">${is('A1', '2025春 论文投稿登记')}</row>` +
  `<row r="2">${is('A2', '作者')}${is('B2', '题目')}${is('C2', '发表刊物')}${is('D2', '去向')}${is('E2', '评比或刊物')}${is('F2', '序号')}</row>` +
  `<row r="3">${is('A3', '张伟')}${is('B3', '整本书阅读')}${is('C3', '四川教育')}${is('D3', '投稿')}<c r="E3" t="b"><v>1</v></c><c r="G3" s="1"><v>45731</v></c><c r="H3" t="e"><v>#N/A</v></c></row>`;
const file = join(dir, '论文.xlsx');
writeFileSync(file, book({ styles: styles([0, 14]), sheets: [{ name: '论文', xml: worksheet(rows) }, { name: '空白', xml: worksheet('') }] }));

describe('yanbiao inspect', () => {
  test('--json: each sheet, its register, header row, how each header matched, and the grid the engine receives', async () => {
    const r = await run(['inspect', file, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.file).toBe(file);
    expect(out.sheets.map((s: { sheet: string; kind: string | null; headerRow: number }) => [s.sheet, s.kind, s.headerRow])).toEqual([
      ['论文', 'papers', 2],
      ['空白', null, 0],
    ]);
    expect(out.sheets[0].columns).toEqual([
      { col: 'A', header: '作者', field: '教师', match: '别名' },
      { col: 'B', header: '题目', field: '题目', match: '列名' },
      { col: 'C', header: '发表刊物', field: null, match: '未识别' },
      { col: 'D', header: '去向', field: '去向', match: '列名' },
      { col: 'E', header: '评比或刊物', field: '评比或刊物', match: '列名' },
      { col: 'F', header: '序号', field: null, match: '忽略' },
    ]);
    expect(out.sheets[0].cells).toEqual([
      ['2025春 论文投稿登记'],
      ['作者', '题目', '发表刊物', '去向', '评比或刊物', '序号'],
      ['张伟', '整本书阅读', '四川教育', '投稿', true, null, 45731, '#N/A'],
    ]);
    expect(out.sheets[1].cells).toEqual([]);
  });

  test('without --json: a readable Chinese account naming the unmatched column', async () => {
    const r = await run(['inspect', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('【论文】识别为论文投稿，表头在第 2 行');
    expect(r.stdout).toMatch(/C\s+发表刊物 （未识别/);
    expect(r.stdout).toMatch(/A\s+作者 → 教师（别名）/);
  });

  test('a file that is not a workbook: exit 2 and the reason in Chinese', async () => {
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'not a zip');
    const r = await run(['inspect', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('无法读取：“bad.xlsx”不是 Excel 工作簿（.xlsx）\n');
  });
});
