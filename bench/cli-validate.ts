/**
 * `yanbiao validate` on a 100,000-row papers workbook (written like Excel does, with shared strings): wall time and
 * peak memory of the whole command, beside `node -e ''` (the floor of starting Node) in the same run.
 * Targets: under 5 s and 500 MB.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { paperGrid } from './papers-data';
import { measureNode } from './measure';

const N = Number(process.env.BENCH_ROWS ?? 100_000);

/** The 100k-row papers workbook (and its roster sheet), written as Excel does, with shared strings. */
export async function writeWorkbook(file: string, n = N): Promise<void> {
  const { papers, roster } = paperGrid(n);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  for (const [name, grid] of [['教师名册', roster], ['论文投稿', papers]] as const) {
    const ws = wb.addWorksheet(name);
    for (const row of grid) ws.addRow(row as ExcelJS.CellValue[]).commit();
    ws.commit();
  }
  await wb.commit();
}

/** Runs the benchmark and prints its figures. */
export async function main(): Promise<void> {
  const dir = join(__dirname, 'out');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `papers-${N}.xlsx`);
  if (!existsSync(file)) await writeWorkbook(file);
  const floor = await measureNode(['-e', '']);
  const bin = join(__dirname, '..', 'bin', 'yanbiao');
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await measureNode([bin, 'validate', file, '--term', '2025春', '--as-of', '2025-06-30', '--json']));
  const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const parsed = JSON.parse(best.stdout);
  process.stdout.write(
    [
      `命令行 validate：${N.toLocaleString()} 行论文的 .xlsx，${(best.ms / 1000).toFixed(2)} s，峰值内存 ${best.peakMb.toFixed(0)} MB（退出码 ${best.code}，${parsed.errors} 个错误，${parsed.warnings} 个警告）`,
      `对照 node -e ''：${(floor.ms / 1000).toFixed(2)} s，${floor.peakMb.toFixed(0)} MB（目标：< 5 s，< 500 MB）`,
    ].join('\n') + '\n',
  );
}

if (require.main === module) main();
