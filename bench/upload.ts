/**
 * Upload throughput: 300 schools each uploading a 1,000-row .xlsx (roster 60, projects 30, courses 150,
 * reflections 360, papers 400), 20 at a time, to a real `yanbiao serve` child process on SQLite and on
 * PostgreSQL. Prints p50/p99 latency and uploads/s, checks nothing was lost, and sets them beside a floor
 * measured in this process: reading and validating one such workbook with no HTTP and no store.
 * Env: BENCH_SCHOOLS (300), BENCH_CONCURRENCY (20), BENCH_STORES (sqlite,postgres), DATABASE_URL (use that PG).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateWorkbook } from '../shared';
import { schoolRegisters, type RegisterSizes } from '../server/demo/registers';
import { openStore } from '../server/store/open';
import type { Store } from '../server/store/schema';
import { addSchool } from '../server/store/schools';
import { issueDistrictToken, issueSchoolToken } from '../server/store/tokens';
import { readWorkbook } from '../server/xlsx/read';
import { childEnv, startChild } from '../test/support/child-server';
import { pgBinDir, startCluster, stopCluster } from '../test/support/pg-cluster';
import { xlsxOf } from '../test/support/xlsx';

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const STORES = (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
const TERM = '2025春';
const AS_OF = '2025-07-31';
/** 60 + 30 + 150 + 360 + 400 = 1,000 rows. */
// Titles as diverse as real ones: a few specific reflection titles, paper titles naming class and lesson.
const SIZES: RegisterSizes = { teachers: 60, papersPerTeacher: 400 / 60, courses: 150, projects: 30, reflectionRate: 1, specificTitles: 0.02 };

interface Workbook {
  code: string;
  name: string;
  file: Buffer;
  rows: number;
}

/** Result of one store's run. */
export interface UploadBenchResult {
  store: string;
  uploads: number;
  concurrency: number;
  rowsPerUpload: number;
  p50ms: number;
  p99ms: number;
  maxMs: number;
  wallSeconds: number;
  uploadsPerSec: number;
  rowsPerSec: number;
  lost: number;
  /** Network-level retries (same Idempotency-Key). */
  retries: number;
  /** GET summary and report.xlsx over all uploaded rows afterwards. */
  summaryMs: number;
  reportMs: number;
  reportBytes: number;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

async function workbooks(n: number): Promise<Workbook[]> {
  const out: Workbook[] = [];
  for (let i = 0; i < n; i++) {
    const code = `B${String(i + 1).padStart(3, '0')}`;
    const name = `五通桥区第${i + 1}小学`;
    const sheets = schoolRegisters({ code, name, term: TERM, asOf: AS_OF, seed: 5000 + i, sizes: SIZES });
    out.push({ code, name, file: await xlsxOf(sheets), rows: sheets.reduce((s, x) => s + x.grid.length - 2, 0) });
  }
  return out;
}

/** The floor: median of reading + validating one workbook in this process (no HTTP, no store). */
async function floorMs(books: Workbook[]): Promise<number> {
  const times: number[] = [];
  for (const b of books.slice(0, 15)) {
    const t = process.hrtime.bigint();
    const sheets = await readWorkbook(b.file);
    const r = validateWorkbook(sheets, { term: TERM, asOf: AS_OF });
    if (r.errors > 0) throw new Error(`基准数据有错误：${b.code} ${r.errors}`);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

async function seed(store: Store, books: Workbook[]): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const b of books) {
    await addSchool(store.db, { code: b.code, name: b.name, type: '小学' });
    tokens[b.code] = await issueSchoolToken(store.db, b.code);
  }
  return tokens;
}

async function runOne(kind: 'sqlite' | 'postgres', books: Workbook[], storeEnv: Record<string, string>): Promise<UploadBenchResult> {
  const store = await openStore(storeEnv.DATABASE_URL ? { databaseUrl: storeEnv.DATABASE_URL } : { sqliteFile: join(storeEnv.YANBIAO_DATA, 'yanbiao.sqlite') });
  const tokens = await seed(store, books);
  const server = await startChild(childEnv(storeEnv, { LOG_LEVEL: 'error' }));
  const latencies: number[] = [];
  const receipts = new Map<string, { rows: number }[]>();
  let failures = 0;
  let retries = 0;
  let next = 0;
  let wallEnd = 0n;
  const t0 = process.hrtime.bigint();
  try {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < books.length) {
          const b = books[next++];
          const t = process.hrtime.bigint();
          // As a real client does: a network failure is retried with the same Idempotency-Key.
          let res: Response | null = null;
          for (let attempt = 1; !res; attempt++) {
            const form = new FormData();
            form.append('file', new Blob([new Uint8Array(b.file)]), `${b.code}.xlsx`);
            try {
              res = await fetch(`${server.url}/api/v1/uploads?term=${encodeURIComponent(TERM)}`, { method: 'POST', headers: { authorization: `Bearer ${tokens[b.code]}`, 'idempotency-key': `bench-${b.code}` }, body: form });
            } catch (err) {
              retries++;
              if (attempt >= 3) throw new Error(`${b.code} 上传失败：${String((err as Error & { cause?: unknown }).cause ?? err)}`);
            }
          }
          const body = await res.json();
          latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
          if (res.status === 201 || res.status === 200) receipts.set(b.code, body.submissions);
          else {
            failures++;
            if (failures <= 3) process.stderr.write(`${b.code} → ${res.status} ${JSON.stringify(body).slice(0, 300)}\n`);
          }
        }
      }),
    );
  } finally {
    wallEnd = process.hrtime.bigint();
  }
  // What the district does next: the summary and the merged report over everything just uploaded.
  const district = await issueDistrictToken(store.db);
  const timed = async (path: string) => {
    const t = process.hrtime.bigint();
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${district}` } });
    const bytes = (await res.arrayBuffer()).byteLength;
    if (res.status !== 200) throw new Error(`${path} → ${res.status}`);
    return { ms: Math.round(Number(process.hrtime.bigint() - t) / 1e6), bytes };
  };
  let summary = { ms: 0, bytes: 0 };
  let report = { ms: 0, bytes: 0 };
  try {
    summary = await timed(`/api/v1/terms/${encodeURIComponent(TERM)}/summary?asOf=${AS_OF}`);
    report = await timed(`/api/v1/terms/${encodeURIComponent(TERM)}/report.xlsx?asOf=${AS_OF}`);
  } finally {
    await server.stop();
  }
  const wall = Number(wallEnd - t0) / 1e9;
  // Nothing lost: every school's five kinds, every row, in the store the server wrote to.
  let lost = failures;
  for (const b of books) {
    const subs = await store.db.selectFrom('submissions').select(['id', 'row_count']).where('school_code', '=', b.code).execute();
    let rows = 0;
    for (const s of subs) {
      const n = await store.db.selectFrom('rows').select((eb) => eb.fn.countAll().as('n')).where('submission_id', '=', s.id).executeTakeFirstOrThrow();
      if (Number(n.n) !== s.row_count) lost++;
      rows += Number(n.n);
    }
    if (subs.length !== 5 || rows !== b.rows) lost++;
  }
  await store.close();
  const sorted = [...latencies].sort((a, b) => a - b);
  const rowsTotal = books.reduce((s, b) => s + b.rows, 0);
  return {
    store: kind,
    uploads: books.length,
    concurrency: CONCURRENCY,
    rowsPerUpload: Math.round(rowsTotal / books.length),
    p50ms: Math.round(quantile(sorted, 0.5)),
    p99ms: Math.round(quantile(sorted, 0.99)),
    maxMs: Math.round(sorted[sorted.length - 1]),
    wallSeconds: Math.round(wall * 10) / 10,
    uploadsPerSec: Math.round((books.length / wall) * 10) / 10,
    rowsPerSec: Math.round(rowsTotal / wall),
    lost,
    retries,
    summaryMs: summary.ms,
    reportMs: report.ms,
    reportBytes: report.bytes,
  };
}

/** Runs the benchmark on each store; prints and returns the figures. */
export async function main(): Promise<{ floorMs: number; results: UploadBenchResult[] }> {
  process.stdout.write(`生成 ${SCHOOLS} 个 1000 行工作簿…\n`);
  const books = await workbooks(SCHOOLS);
  const floor = await floorMs(books);
  const results: UploadBenchResult[] = [];
  for (const kind of STORES) {
    if (kind === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'yanbiao-bench-'));
      try {
        results.push(await runOne('sqlite', books, { YANBIAO_DATA: dir }));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } else if (process.env.DATABASE_URL) {
      results.push(await runOne('postgres', books, { DATABASE_URL: process.env.DATABASE_URL }));
    } else {
      const bin = pgBinDir();
      if (!bin) {
        process.stdout.write('未安装 PostgreSQL，跳过 PostgreSQL 部分\n');
        continue;
      }
      const cluster = await startCluster(bin);
      try {
        results.push(await runOne('postgres', books, { DATABASE_URL: cluster.url }));
      } finally {
        stopCluster(bin, cluster.dir);
      }
    }
    const r = results[results.length - 1];
    process.stdout.write(
      `${r.store}: ${r.uploads} 次上传 × ${r.rowsPerUpload} 行，并发 ${r.concurrency}：p50 ${r.p50ms} ms，p99 ${r.p99ms} ms，最长 ${r.maxMs} ms；` +
        `${r.wallSeconds} s，${r.uploadsPerSec} 次/秒，${r.rowsPerSec} 行/秒；丢失 ${r.lost}；网络重试 ${r.retries}\n` +
        `  之后区级读取：汇总 ${r.summaryMs} ms，合并报表 ${r.reportMs} ms（${(r.reportBytes / 1048576).toFixed(1)} MB）\n` +
        `  下限（本进程读取并校验一个工作簿的中位数）${Math.round(floor)} ms；p50/下限 = ${(r.p50ms / floor).toFixed(1)}×，` +
        `吞吐/单核下限吞吐 = ${((r.uploadsPerSec * floor) / 1000).toFixed(2)}×\n`,
    );
  }
  mkdirSync(join(__dirname, 'out'), { recursive: true });
  writeFileSync(join(__dirname, 'out', 'upload.json'), JSON.stringify({ at: new Date().toISOString(), floorMs: floor, results }, null, 2));
  return { floorMs: floor, results };
}

if (require.main === module) {
  main().then(
    ({ results }) => {
      if (results.some((r) => r.lost > 0)) process.exitCode = 1;
    },
    (err) => {
      process.stderr.write(`基准失败：${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
