/**
 * `npm run bench`: every benchmark in turn, each printing figures and ratios against a baseline run in the same
 * process or run. `npm run bench -- engine cli` runs only those named. Benchmarks never assert; they report.
 */
const BENCHES: [string, string, string][] = [
  ['engine', './engine', '引擎：10 万行论文 vs 两个 zod.safeParse 基线（对象 A、表格行 B）'],
  ['reader', './reader', '读取 .xlsx：10 万行，新读取器 vs 旧的正则读取器'],
  ['cli', './cli-validate', '命令行：10 万行 .xlsx 的 validate'],
  ['report', './report', '合并报表：300 校 × 3,000 行 vs exceljs 流式写入下限'],
  ['near-dup', './near-dup', '疑似雷同：学月反思题目分带哈希（现在 vs 改前）与全区比对'],
  ['consolidate', './consolidate', 'consolidate：300 个学校文件 vs pandas + openpyxl'],
  ['upload', './upload', '上报吞吐：300 校各 1,000 行，每次 20 校并发（SQLite 与 PostgreSQL）'],
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  for (const [name, path, title] of BENCHES) {
    if (wanted.length && !wanted.includes(name)) continue;
    process.stdout.write(`\n=== ${name}：${title} ===\n`);
    const t = Date.now();
    try {
      await require(path).main();
    } catch (e) {
      process.stdout.write(`（${name} 未能完成：${(e as Error).message}）\n`);
    }
    process.stdout.write(`（用时 ${((Date.now() - t) / 1000).toFixed(1)} s）\n`);
  }
}

main();
