/**
 * Reading .xlsx: the streaming reader (htmlparser2's tokenizer, relationships, limits) beside the regex reader it
 * replaced (bench/baseline/regex-reader.ts), on the same 100,000-row papers workbook in the same process, each run
 * alternately; the best of each is reported as time, rows/s and the ratio. Target: at most 1.5× the old reader.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readOoxml } from '../server/xlsx/ooxml-reader';
import { LOCAL_LIMITS } from '../server/xlsx/read';
import { readOoxml as regexReader } from './baseline/regex-reader';
import { writeWorkbook } from './cli-validate';

const N = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** Runs the benchmark and prints its figures. */
export async function main(): Promise<void> {
  const dir = join(__dirname, 'out');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `papers-${N}.xlsx`);
  if (!existsSync(file)) await writeWorkbook(file, N);
  const buf = readFileSync(file);
  let oldBest = Infinity;
  let newBest = Infinity;
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    await regexReader(buf, { maxCells: Infinity, maxUncompressed: Infinity });
    oldBest = Math.min(oldBest, performance.now() - t);
    t = performance.now();
    const sheets = await readOoxml(buf, LOCAL_LIMITS);
    newBest = Math.min(newBest, performance.now() - t);
    rows = sheets.reduce((n, s) => n + s.grid.length, 0);
  }
  const rate = (ms: number) => Math.round(rows / (ms / 1000)).toLocaleString();
  process.stdout.write(
    [
      `读取 ${rows.toLocaleString()} 行（${(buf.length / 1048576).toFixed(1)} MB 的 .xlsx，取 ${RUNS} 次中最快）：`,
      `  新读取器（htmlparser2 分词 + 关系 + 限额）：${newBest.toFixed(0)} ms，${rate(newBest)} 行/秒`,
      `  旧读取器（正则，基线）：${oldBest.toFixed(0)} ms，${rate(oldBest)} 行/秒`,
      `  比值 新/旧 = ${(newBest / oldBest).toFixed(2)}×（目标 ≤ 1.5×）`,
    ].join('\n') + '\n',
  );
}

if (require.main === module) main();
