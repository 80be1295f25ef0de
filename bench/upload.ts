/**
 * Upload throughput and cost: 300 schools each uploading a 1,000-row .xlsx (roster 60, projects 30, courses 150,
 * reflections 360, papers 400), 20 at a time, to real `yanbiao serve` child processes on SQLite and on PostgreSQL,
 * and on PostgreSQL again with two server processes sharing the store (requests spread across both).
 * Prints p50/p99 latency, uploads/s, the servers' CPU per upload (from /proc, worker threads included) with the
 * store nearly empty and with every school stored, the per-phase split the servers answer in Server-Timing, and
 * checks that no version was lost or stored twice. Beside them, a floor measured in this process: reading and
 * validating one such workbook with no HTTP and no store.
 * Env: BENCH_SCHOOLS (300), BENCH_CONCURRENCY (20), BENCH_STORES (sqlite,postgres), BENCH_PROBE (10 uploads per
 * sequential CPU probe, after at least 20 to warm up), BENCH_TWO (0: skip the two-process run), DATABASE_URL (a
 * PostgreSQL server where the bench creates the databases bench_upload_1 and bench_upload_2 and drops them at the end;
 * else its own cluster).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { validateWorkbook } from '../shared';
import { schoolRegisters, type RegisterSizes } from '../server/demo/registers';
import { openStore } from '../server/store/open';
import type { Store } from '../server/store/schema';
import { addSchool } from '../server/store/schools';
import { issueDistrictToken, issueSchoolToken } from '../server/store/tokens';
import { parseServerTiming, PHASES } from '../server/upload/timing';
import { readWorkbook } from '../server/xlsx/read';
import { childEnv, startChild, type ChildServer } from '../test/support/child-server';
import { pgBinDir, startCluster, stopCluster } from '../test/support/pg-cluster';
import { xlsxOf } from '../test/support/xlsx';

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const STORES = (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
const PROBE = Number(process.env.BENCH_PROBE ?? 10);
/** Warm-up uploads before anything is measured (each server's worker threads compile their code paths). */
const WARM = Math.max(20, PROBE);
const TWO = process.env.BENCH_TWO !== '0';
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

/** Average milliseconds per upload in each phase (Server-Timing), and CPU per upload of the server processes. */
export interface Cost {
  uploads: number;
  cpuMsPerUpload: number;
  phases: Record<string, number>;
}

/** Result of one run. */
export interface UploadBenchResult {
  store: string;
  processes: number;
  uploads: number;
  concurrency: number;
  rowsPerUpload: number;
  p50ms: number;
  p99ms: number;
  maxMs: number;
  wallSeconds: number;
  uploadsPerSec: number;
  rowsPerSec: number;
  /** Uploads answered with an error, or stored short of their rows or kinds. */
  lost: number;
  /** Kinds stored in more than one version (each school uploads once; a retry reuses its Idempotency-Key). */
  duplicated: number;
  /** Network-level retries (same Idempotency-Key). */
  retries: number;
  /** The concurrent run: CPU of the servers per upload, and the average phase split. */
  loaded: Cost;
  /** Sequential uploads with the store nearly empty (after warm-up) and with every school stored. */
  empty?: Cost;
  full?: Cost;
  /** GET summary and report.xlsx over all uploaded rows afterwards. */
  summaryMs: number;
  reportMs: number;
  reportBytes: number;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

/** CPU (user + system, all threads) a process has used so far, in ms, from /proc/<pid>/stat. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat(5) (utime, stime), counted from the state field (3).
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

const cpuOf = (servers: ChildServer[]) => servers.reduce((sum, s) => sum + cpuMs(s.child.pid!), 0);

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

interface Sent {
  ms: number;
  phases: Record<string, number>;
}

/** Uploads `books`, `concurrency` at a time, the i-th request to servers[i % n]; what each cost, and the failures. */
async function upload(servers: ChildServer[], tokens: Record<string, string>, books: Workbook[], concurrency: number) {
  const sent: Sent[] = [];
  const receipts = new Map<string, unknown>();
  let failures = 0;
  let retries = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < books.length) {
        const i = next++;
        const b = books[i];
        const url = servers[i % servers.length].url;
        const t = process.hrtime.bigint();
        // As a real client does: a network failure is retried with the same Idempotency-Key.
        let res: Response | null = null;
        for (let attempt = 1; !res; attempt++) {
          const form = new FormData();
          form.append('file', new Blob([new Uint8Array(b.file)]), `${b.code}.xlsx`);
          try {
            res = await fetch(`${url}/api/v1/uploads?term=${encodeURIComponent(TERM)}`, { method: 'POST', headers: { authorization: `Bearer ${tokens[b.code]}`, 'idempotency-key': `bench-${b.code}` }, body: form });
          } catch (err) {
            retries++;
            if (attempt >= 3) throw new Error(`${b.code} 上传失败：${String((err as Error & { cause?: unknown }).cause ?? err)}`);
          }
        }
        const body = await res.json();
        sent.push({ ms: Number(process.hrtime.bigint() - t) / 1e6, phases: parseServerTiming(res.headers.get('server-timing')) });
        if (res.status === 201 || res.status === 200) receipts.set(b.code, body.submissions);
        else {
          failures++;
          if (failures <= 3) process.stderr.write(`${b.code} → ${res.status} ${JSON.stringify(body).slice(0, 300)}\n`);
        }
      }
    }),
  );
  return { sent, failures, retries };
}

/** Uploads `books` and says what they cost the servers: CPU per upload and the average of each phase. */
async function measured(servers: ChildServer[], tokens: Record<string, string>, books: Workbook[], concurrency: number) {
  const cpu0 = cpuOf(servers);
  const t0 = process.hrtime.bigint();
  const run = await upload(servers, tokens, books, concurrency);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const phases: Record<string, number> = {};
  for (const p of PHASES) phases[p] = Math.round((run.sent.reduce((s, x) => s + (x.phases[p] ?? 0), 0) / Math.max(1, run.sent.length)) * 10) / 10;
  const cost: Cost = { uploads: books.length, cpuMsPerUpload: Math.round(((cpuOf(servers) - cpu0) / books.length) * 10) / 10, phases };
  return { ...run, wall, cost };
}

/** Uploads that failed, or whose school is stored short of its rows or kinds; kinds stored twice. */
async function audit(store: Store, books: Workbook[]): Promise<{ lost: number; duplicated: number }> {
  let lost = 0;
  let duplicated = 0;
  for (const b of books) {
    const subs = await store.db.selectFrom('submissions').select(['id', 'kind', 'row_count']).where('school_code', '=', b.code).execute();
    let rows = 0;
    for (const s of subs) {
      const n = await store.db.selectFrom('rows').select((eb) => eb.fn.countAll().as('n')).where('submission_id', '=', s.id).executeTakeFirstOrThrow();
      if (Number(n.n) !== s.row_count) lost++;
      rows += Number(n.n);
    }
    const kinds = new Set(subs.map((s) => s.kind));
    duplicated += subs.length - kinds.size;
    if (kinds.size !== 5 || rows < b.rows) lost++;
  }
  return { lost, duplicated };
}

/**
 * One run: `processes` servers on one store. With one process, sequential probes before and after the concurrent
 * run measure CPU per upload with the store nearly empty and with every school stored.
 */
async function runOne(kind: 'sqlite' | 'postgres', all: Workbook[], storeEnv: Record<string, string>, processes = 1): Promise<UploadBenchResult> {
  const store = await openStore(storeEnv.DATABASE_URL ? { databaseUrl: storeEnv.DATABASE_URL } : { sqliteFile: join(storeEnv.YANBIAO_DATA, 'yanbiao.sqlite') });
  const tokens = await seed(store, all);
  const servers: ChildServer[] = [];
  // Processes sharing one machine share its cores: each gets its share of upload workers, as a deployment would set.
  const workers: Record<string, string> = processes > 1 ? { YANBIAO_UPLOAD_WORKERS: String(Math.max(1, Math.floor(availableParallelism() / processes))) } : {};
  for (let i = 0; i < processes; i++) servers.push(await startChild(childEnv(storeEnv, { LOG_LEVEL: 'error', ...workers })));
  const probes = processes === 1;
  // Warm-up (compiling the code paths in every thread) and probes use schools of their own, after the main ones.
  const books = all.slice(0, SCHOOLS);
  const warm = all.slice(SCHOOLS, SCHOOLS + WARM);
  const [early, late] = [all.slice(SCHOOLS + WARM, SCHOOLS + WARM + PROBE), all.slice(SCHOOLS + WARM + PROBE)];
  let main: Awaited<ReturnType<typeof measured>>;
  let empty: Cost | undefined;
  let full: Cost | undefined;
  let failures = 0;
  let retries = 0;
  let summary = { ms: 0, bytes: 0 };
  let report = { ms: 0, bytes: 0 };
  try {
    const w = await upload(servers, tokens, warm, 2 * processes);
    failures += w.failures;
    if (probes) {
      const e = await measured(servers, tokens, early, 1);
      empty = e.cost;
      failures += e.failures;
    }
    main = await measured(servers, tokens, books, CONCURRENCY);
    failures += main.failures;
    retries += main.retries;
    if (probes) {
      const f = await measured(servers, tokens, late, 1);
      full = f.cost;
      failures += f.failures;
      // What the district does next: the summary and the merged report over everything just uploaded.
      const district = await issueDistrictToken(store.db);
      const timed = async (path: string) => {
        const t = process.hrtime.bigint();
        const res = await fetch(`${servers[0].url}${path}`, { headers: { authorization: `Bearer ${district}` } });
        const bytes = (await res.arrayBuffer()).byteLength;
        if (res.status !== 200) throw new Error(`${path} → ${res.status}`);
        return { ms: Math.round(Number(process.hrtime.bigint() - t) / 1e6), bytes };
      };
      summary = await timed(`/api/v1/terms/${encodeURIComponent(TERM)}/summary?asOf=${AS_OF}`);
      report = await timed(`/api/v1/terms/${encodeURIComponent(TERM)}/report.xlsx?asOf=${AS_OF}`);
    }
  } finally {
    for (const s of servers) await s.stop();
  }
  const checked = await audit(store, probes ? all : all.slice(0, SCHOOLS + WARM));
  await store.close();
  const sorted = main.sent.map((x) => x.ms).sort((a, b) => a - b);
  const rowsTotal = books.reduce((s, b) => s + b.rows, 0);
  return {
    store: processes === 1 ? kind : `${kind}×${processes}`,
    processes,
    uploads: books.length,
    concurrency: CONCURRENCY,
    rowsPerUpload: Math.round(rowsTotal / books.length),
    p50ms: Math.round(quantile(sorted, 0.5)),
    p99ms: Math.round(quantile(sorted, 0.99)),
    maxMs: Math.round(sorted[sorted.length - 1]),
    wallSeconds: Math.round(main.wall * 10) / 10,
    uploadsPerSec: Math.round((books.length / main.wall) * 10) / 10,
    rowsPerSec: Math.round(rowsTotal / main.wall),
    lost: checked.lost + failures,
    duplicated: checked.duplicated,
    retries,
    loaded: main.cost,
    empty,
    full,
    summaryMs: summary.ms,
    reportMs: report.ms,
    reportBytes: report.bytes,
  };
}

/** Runs `sql` on the cluster `base` points at. */
async function onCluster(base: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A fresh database on the cluster `base` points at (the two-process run starts from an empty store too). */
async function freshDatabase(base: string, name: string): Promise<string> {
  await onCluster(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await onCluster(base, `CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

const split = (c: Cost) => PHASES.map((p) => `${p} ${c.phases[p]}`).join('，');

function print(r: UploadBenchResult, floor: number, one?: UploadBenchResult): void {
  const lines = [
    `${r.store}: ${r.uploads} 次上传 × ${r.rowsPerUpload} 行，并发 ${r.concurrency}：p50 ${r.p50ms} ms，p99 ${r.p99ms} ms，最长 ${r.maxMs} ms；` +
      `${r.wallSeconds} s，${r.uploadsPerSec} 次/秒，${r.rowsPerSec} 行/秒；丢失 ${r.lost}，重复版本 ${r.duplicated}；网络重试 ${r.retries}`,
    `  并发时服务器 CPU ${r.loaded.cpuMsPerUpload} ms/次；各阶段平均 ms：${split(r.loaded)}`,
  ];
  if (r.empty && r.full)
    lines.push(
      `  逐个上传的服务器 CPU：近空库（已存 ${WARM} 校）${r.empty.cpuMsPerUpload} ms/次，已存 ${r.uploads + WARM + PROBE} 校 ${r.full.cpuMsPerUpload} ms/次（${(r.full.cpuMsPerUpload / r.empty.cpuMsPerUpload).toFixed(2)}×）`,
      `    近空库各阶段 ms：${split(r.empty)}`,
      `    已存满各阶段 ms：${split(r.full)}`,
      `  之后区级读取：汇总 ${r.summaryMs} ms，合并报表 ${r.reportMs} ms（${(r.reportBytes / 1048576).toFixed(1)} MB）`,
      `  下限（本进程读取并校验一个工作簿的中位数）${Math.round(floor)} ms；p50/下限 = ${(r.p50ms / floor).toFixed(1)}×，` +
        `吞吐/单核下限吞吐 = ${((r.uploadsPerSec * floor) / 1000).toFixed(2)}×`,
    );
  if (one) lines.push(`  吞吐：${r.processes} 个进程 ${r.uploadsPerSec} 次/秒，1 个进程 ${one.uploadsPerSec} 次/秒（${(r.uploadsPerSec / one.uploadsPerSec).toFixed(2)}×）`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Runs the benchmark on each store; prints and returns the figures. */
export async function main(): Promise<{ floorMs: number; results: UploadBenchResult[] }> {
  process.stdout.write(`生成 ${SCHOOLS} + ${WARM + 2 * PROBE}（预热与逐个测量）个 1000 行工作簿…\n`);
  const books = await workbooks(SCHOOLS + WARM + 2 * PROBE);
  const floor = await floorMs(books);
  const results: UploadBenchResult[] = [];
  const done = (r: UploadBenchResult, one?: UploadBenchResult) => (results.push(r), print(r, floor, one));
  for (const kind of STORES) {
    if (kind === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'yanbiao-bench-'));
      try {
        done(await runOne('sqlite', books, { YANBIAO_DATA: dir }));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      continue;
    }
    const bin = process.env.DATABASE_URL ? null : pgBinDir();
    if (!process.env.DATABASE_URL && !bin) {
      process.stdout.write('未安装 PostgreSQL，跳过 PostgreSQL 部分\n');
      continue;
    }
    const cluster = bin ? await startCluster(bin) : null;
    const base = process.env.DATABASE_URL ?? cluster!.url;
    try {
      const one = await runOne('postgres', books, { DATABASE_URL: await freshDatabase(base, 'bench_upload_1') });
      done(one);
      if (TWO) done(await runOne('postgres', books, { DATABASE_URL: await freshDatabase(base, 'bench_upload_2') }, 2), one);
    } finally {
      // On a server the operator gave (DATABASE_URL), the bench's databases are dropped again; its own cluster goes whole.
      if (cluster) stopCluster(bin!, cluster.dir);
      else for (const name of ['bench_upload_1', 'bench_upload_2']) await onCluster(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }
  mkdirSync(join(__dirname, 'out'), { recursive: true });
  writeFileSync(join(__dirname, 'out', 'upload.json'), JSON.stringify({ at: new Date().toISOString(), floorMs: floor, results }, null, 2));
  return { floorMs: floor, results };
}

if (require.main === module) {
  main().then(
    ({ results }) => {
      if (results.some((r) => r.lost > 0 || r.duplicated > 0)) process.exitCode = 1;
    },
    (err) => {
      process.stderr.write(`基准失败：${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
