/** consolidate: loose school files → one merged report, no server. Rows are parked on disk, so memory stays flat. */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { assembleSummary, SchoolTally, type Summary } from '../../../shared/metrics';
import { LSH_BANDS } from '../../../shared/similarity';
import { compileDefinition } from '../../../shared/registers/compile';
import { registersOf } from '../../../shared/registers/list';
import type { RegisterDefinition } from '../../../shared/registers/schema';
import type { KindRow, ReportIssue } from '../types';
import { writeReport, type ReportStats } from '../write';
import { boardOf } from './board';
import { resolveSchools, type ResolvedSchool } from './identity';
import { defaultJobs, examineAll, type ThreadOptions } from './pool';
import { rosterFirst, type FileOutcome } from './read-files';
import { Spill } from './spill';
import { collectGarbage, GcPacer } from './collect';
import { ReflectionCheck } from './near-dup';
import { TitleCheck } from './titles';
import { crossTargets, targetKey } from './targets';

/** How to consolidate. */
export interface ConsolidateOptions {
  term: string;
  asOf: string;
  /** The report's path (written to `<out>.part`, then renamed, so a failed run never leaves half a file). */
  out: string;
  reflectionDeadlines?: Record<string, string>;
  /** Files found beside the workbooks that were not read (.xls, .pdf …), listed in 问题清单 with their reason. */
  skipped?: { file: string; reason: string }[];
  /** The register definition to check with and report by (default: the built-in one). */
  definition?: RegisterDefinition;
  /** Worker threads for reading and checking files (default: the cores there are, at most 4; 1 = none). */
  jobs?: number;
  /** The reading threads' heap limit (default WORKER_HEAP_MB), and who to tell when a file is read in the main thread. */
  threads?: ThreadOptions;
  /** Called after each file (progress). */
  onFile?: (o: FileOutcome, done: number, total: number) => void;
}

/** What the run did. */
export interface ConsolidateResult {
  outcomes: FileOutcome[];
  schools: ResolvedSchool[];
  summary: Summary;
  stats: ReportStats;
  /** Cross-school warnings: same paper 题目 under different teachers, near-copied reflection titles. */
  duplicates: number;
}

/** Reads every file, validates it with the engine, merges the files without errors and writes the report. */
export async function consolidate(files: string[], opts: ConsolidateOptions): Promise<ConsolidateResult> {
  const dir = await mkdtemp(join(tmpdir(), 'yanbiao-consolidate-'));
  try {
    const spill = new Spill(dir);
    const ordered = rosterFirst(files);
    const outcomes: FileOutcome[] = [];
    const bands: (Record<string, Uint32Array> | undefined)[] = [];
    const vopts = { term: opts.term, asOf: opts.asOf, reflectionDeadlines: opts.reflectionDeadlines, definition: opts.definition };
    const compiled = opts.definition ? compileDefinition(opts.definition) : undefined;
    const registers = registersOf(compiled);
    const targets = crossTargets(compiled);
    const codes = registers.map((r) => r.code);
    await examineAll(ordered, vopts, opts.jobs ?? defaultJobs(), async (i, res) => {
      outcomes[i] = res.outcome;
      bands[i] = res.bands;
      for (const [kind, lines] of Object.entries(res.lines)) await spill.add(kind, lines!);
      opts.onFile?.(res.outcome, i + 1, ordered.length);
    }, opts.threads);
    await spill.close(codes);
    // Each phase leaves its garbage behind: collected at its end, so the next one starts from what is live (the
    // tally's peak otherwise sat on the reading's garbage, and the writer's on the tally's).
    collectGarbage();

    const { byFile, schools: all } = resolveSchools(ordered, outcomes.map((o) => o.found));
    // A file that named no school and could not be read does not make up a school of its own.
    const real = new Set(byFile.filter((code, i) => outcomes[i].status !== 'unusable' || outcomes[i].found.code || outcomes[i].found.name));
    const schools = [...all.values()].filter((s) => real.has(s.code)).sort((a, b) => a.code.localeCompare(b.code, 'zh'));
    // One label string per file and kind, shared by all its rows (the checks below keep one per row).
    const labels = new Map<string, string>();
    const sheetOf = (file: number, kind: string) => {
      const key = `${file}:${kind}`;
      let label = labels.get(key);
      if (label === undefined) labels.set(key, (label = `${basename(ordered[file])}［${outcomes[file].sheets[kind] ?? ''}］`));
      return label;
    };

    // One pass over the parked rows: each is counted, checked across schools and written into its register's sheet
    // (filled aside); the summary, the board (it counts the cross-school warnings) and 问题清单 follow the last row.
    const pass = tallyAndCheck(spill, opts, schools, byFile, codes, targets, rowsOfKind(outcomes), all, bands, sheetOf);
    const mtimes = await Promise.all(ordered.map((f) => stat(f).then((s) => s.mtime.toISOString(), () => '')));
    let checked: { summary: Summary; crossIssues: ReportIssue[] } | undefined;
    const result = () => (checked ??= pass.result());
    const status = () => {
      const cross = new Map<string, number>(); // school + kind → cross-school warnings
      for (const i of result().crossIssues) cross.set(`${i.school}\u0000${i.kind}`, (cross.get(`${i.school}\u0000${i.kind}`) ?? 0) + 1);
      return boardOf(opts.term, opts.asOf, schools, outcomes, byFile, mtimes, cross, registers);
    };
    function* issuesOf(): Generator<ReportIssue> {
      const issues: ReportIssue[] = [];
      outcomes.forEach((o, i) => {
        if (o.reason) issues.push({ school: byFile[i], kind: null, sheet: basename(o.file), row: 0, col: '', field: '', code: 'file', severity: 'error', message: o.reason });
        for (const f of o.findings)
          issues.push({ school: byFile[i], kind: f.kind, sheet: f.sheet, row: f.row, col: f.col, field: f.field, code: f.code, severity: f.severity, value: f.value, message: f.message });
        // The issues hold them now; the run's result keeps a file's first error only (what the summary printed names).
        const first = o.findings.find((f) => f.severity === 'error');
        o.findings = first ? [first] : [];
      });
      for (const s of opts.skipped ?? [])
        issues.push({ school: basename(s.file).replace(/\.[^.]*$/, ''), kind: null, sheet: basename(s.file), row: 0, col: '', field: '', code: 'file', severity: 'error', message: `未汇总：${s.reason}` });
      for (const i of result().crossIssues) issues.push(i); // (a spread of 100k+ items would overflow the stack)
      const order = new Map(schools.map((s, i) => [s.code, i]));
      issues.sort((a, b) => (order.get(a.school) ?? 1e9) - (order.get(b.school) ?? 1e9)); // stable: file order within a school
      yield* issues;
    }
    const part = `${opts.out}.part`;
    let stats: ReportStats;
    try {
      stats = await writeReport(createWriteStream(part), {
        summary: () => result().summary,
        status,
        schools,
        allRows: pass.rows,
        issues: issuesOf(),
        registers,
      });
      await rename(part, opts.out);
    } catch (e) {
      await rm(part, { force: true });
      throw e;
    }
    const { summary, crossIssues } = result();
    return { outcomes, schools, summary, stats, duplicates: crossIssues.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** How far (MB) the tally's heap may grow past what was live at its last collection (looked at every 4,096 rows). */
const TALLY_SLACK_MB = 64;

/** Rows merged per register (to size the near-copy checks' arrays once). */
function rowsOfKind(outcomes: FileOutcome[]): (kind: string) => number {
  return (kind) => outcomes.reduce((n, o) => n + (o.status === 'merged' ? (o.kinds[kind] ?? 0) : 0), 0);
}

/**
 * Metrics and the district-wide checks (the registers' 同题 and 相似文本 rules) over the parked rows as they are
 * read, register by register, in pages: `rows` hands each page on (to the report's sheets); `result()`, once `rows`
 * has ended, gives the summary and the cross-school warnings.
 */
function tallyAndCheck(
  spill: Spill,
  opts: ConsolidateOptions,
  schools: ResolvedSchool[],
  byFile: string[],
  codes: string[],
  targets: ReturnType<typeof crossTargets>,
  rowsOfKind: (kind: string) => number,
  all: Map<string, ResolvedSchool>,
  bands: (Record<string, Uint32Array> | undefined)[],
  sheetOf: (file: number, kind: string) => string,
): { rows: AsyncGenerator<KindRow[]>; result(): { summary: Summary; crossIssues: ReportIssue[] } } {
  // The district's reflection deadlines say what was on time (the validation had them too).
  const ctx = { term: opts.term, asOf: opts.asOf, deadlines: opts.reflectionDeadlines, definition: opts.definition };
  const tallies = new Map(schools.map((s) => [s.code, new SchoolTally(s, ctx)]));
  const nameOf = (code: string) => all.get(code)?.name ?? code;
  const titleChecks = targets.titles.map((t) => new TitleCheck(nameOf, t));
  const textChecks = targets.texts.map((t) => ({ target: t, check: new ReflectionCheck(nameOf, rowsOfKind(t.kind), t) as ReflectionCheck | null, key: targetKey(t), issues: [] as ReportIssue[] }));
  // The band tables serve only the near-copy checks: let go once the last register they read is done.
  const lastTextKind = codes.filter((k) => textChecks.some((c) => c.target.kind === k)).pop();
  const pacer = new GcPacer(TALLY_SLACK_MB);
  let done: { summary: Summary; crossIssues: ReportIssue[] } | undefined;
  async function* rows(): AsyncGenerator<KindRow[]> {
    for (const kind of codes) {
      const titlesHere = titleChecks.filter((c) => c.target.kind === kind);
      const textsHere = textChecks.filter((c) => c.target.kind === kind);
      const seen = new Map<number, number>(); // rows of this register read so far per file, to find their band hashes
      let count = 0;
      for await (const page of spill.readPages(kind)) {
        const out: KindRow[] = new Array(page.length);
        for (let i = 0; i < page.length; i++) {
          const p = page[i];
          // Parsing the parked rows makes garbage fast: V8 let the heap grow to ~190 MB with 30–110 MB live, where
          // this pacing collects about 8 times in the run (~0.5 s).
          if ((++count & 4095) === 0) pacer.tick();
          const school = byFile[p.file];
          out[i] = { school, kind, values: p.values };
          tallies.get(school)?.add(kind, p.values);
          if (!titlesHere.length && !textsHere.length) continue;
          const sheet = sheetOf(p.file, kind);
          for (const c of titlesHere) c.add(school, sheet, p.row, p.values);
          const n = seen.get(p.file) ?? 0;
          seen.set(p.file, n + 1);
          for (const { check, key } of textsHere) check!.add(school, sheet, p.row, p.values, bands[p.file]?.[key]?.subarray(n * LSH_BANDS, (n + 1) * LSH_BANDS));
        }
        yield out;
      }
      // A register's near-copy check is finished as soon as its rows are read: its titles, hashes and row references
      // go before the next register's checks grow.
      for (const t of textsHere) {
        t.issues = t.check!.finish();
        t.check = null;
      }
      if (kind === lastTextKind) bands.length = 0;
    }
    // The figures and warnings are taken as soon as the last row is read, and the tallies and checks let go (the
    // papers' title index alone is tens of MB): the summary, board, 问题清单 and the placing of the sheets follow.
    done = {
      summary: assembleSummary(ctx, [...tallies.values()].map((t) => t.finish())),
      crossIssues: [...titleChecks.flatMap((c) => c.issues), ...textChecks.flatMap((c) => c.issues)],
    };
    tallies.clear();
    titleChecks.length = 0;
    textChecks.length = 0;
    collectGarbage();
  }
  const result = () => {
    if (!done) throw new Error('汇总须在全部行读完之后得出');
    return done;
  };
  return { rows: rows(), result };
}
