/**
 * `yanbiao validate` on a 100,000-row papers workbook (written like Excel does, with shared strings): wall time and
 * peak memory of the whole command, beside `node -e ''` (the floor of starting Node) in the same run.
 * Targets: under 5 s and 500 MB.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { writeDefinitionWorkbook } from '../server/registers/workbook';
import { BUILTIN_DEFINITION } from '../shared/registers/builtin';
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
  // The same run with the built-in definition read from its workbook (--registers), as a district's is at run time.
  const definition = join(dir, 'builtin-definition.xlsx');
  if (!existsSync(definition)) await writeFile(definition, await writeDefinitionWorkbook(BUILTIN_DEFINITION));
  const args = [bin, 'validate', file, '--term', '2025春', '--as-of', '2025-06-30', '--json'];
  const runs = [];
  const withDef = [];
  for (let i = 0; i < 3; i++) {
    runs.push(await measureNode(args));
    withDef.push(await measureNode([...args, '--registers', definition]));
  }
  const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const bestDef = withDef.reduce((a, b) => (b.ms < a.ms ? b : a));
  const parsed = JSON.parse(best.stdout);
  process.stdout.write(
    [
      `命令行 validate：${N.toLocaleString()} 行论文的 .xlsx，${(best.ms / 1000).toFixed(2)} s，峰值内存 ${best.peakMb.toFixed(0)} MB（退出码 ${best.code}，${parsed.errors} 个错误，${parsed.warnings} 个警告）`,
      `同上，--registers 读入登记表定义工作簿：${(bestDef.ms / 1000).toFixed(2)} s，${bestDef.peakMb.toFixed(0)} MB；对默认定义 ${(bestDef.ms / best.ms).toFixed(2)}×（目标 ≤ 1.2×）`,
      `对照 node -e ''：${(floor.ms / 1000).toFixed(2)} s，${floor.peakMb.toFixed(0)} MB（目标：< 5 s，< 500 MB）`,
    ].join('\n') + '\n',
  );
}

if (require.main === module) main();
