/**
 * The CPU-heavy part of an upload: read the workbook (an .xlsx's bytes, or grids sent as JSON), refuse text
 * PostgreSQL cannot hold, fingerprint the content for Idempotency-Key, and validate it with the shared engine.
 * It runs in a worker thread on the server (server/upload/pool.ts) and in the calling thread elsewhere; it touches
 * no store, so the same function serves both. Failures come back as data (status, code, Chinese message).
 */
import { createHash } from 'node:crypto';
import { isMainThread } from 'node:worker_threads';
import { TEMPLATES, validateWorkbook, type CompiledRegisters, type SheetInput, type ValidateOptions, type WorkbookResult } from '../../shared';
import type { Finding } from '../../shared/findings/finding';
import type { RegisterDefinition } from '../../shared/registers/schema';
import { parseDefinitionWorkbook, type DefinitionProblem } from '../../shared/registers/workbook';
import { colLetter } from '../../shared/a1';
import { fixedCopy } from '../xlsx/fix';
import { readWorkbook, XlsxError, XlsxLimitError, type ReadLimits } from '../xlsx/read';
import { prepareRows, type PreparedRows } from '../store/index-keys';
import { msSince } from './timing';

/** What to examine: an upload (an .xlsx's bytes or grids) to validate, or a register definition workbook to check. */
export type ExamineJob =
  | (({ type: 'xlsx' | 'fix'; file: Uint8Array; name: string; limits: ReadLimits } | { type: 'grids'; sheets: SheetInput[] }) & {
      opts: ValidateOptions;
      term: string;
      /** The stored version of `opts.registers` and a hash of its stored text, so a worker compiles each one once. */
      definitionVersion?: number;
      definitionHash?: string;
    })
  | { type: 'definition'; file: Uint8Array; name: string; limits: ReadLimits };

/** Milliseconds the examining thread spent reading the workbook and checking it (fingerprint, U+0000, validation). */
export interface ExaminePhases {
  read: number;
  validate: number;
}

/** A refusal, as the HTTP answer it becomes. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** What came of it. */
export type Examined =
  | {
      ok: true;
      fingerprint: string;
      /** Sheets of an accepted upload carry no records: their rows come prepared for the store instead. */
      result: WorkbookResult;
      /** Per sheet of `result`, its rows ready to store (null for a sheet of no register or without rows). */
      prepared: (PreparedRows | null)[];
      phases: ExaminePhases;
    }
  | { ok: true; definition: RegisterDefinition | null; problems: DefinitionProblem[] }
  | { ok: true; fixed: Uint8Array; applied: number; remainingErrors: number; remainingWarnings: number }
  | { ok: false; refusal: Refusal };

/** A 422 carries at most this many findings (the add-in and the CLI show the rest after fixing these). */
export const MAX_FINDINGS = 1000;
/** A cell value in an answer is cut to this many characters (a 32,767-character cell repeated per finding made a 422 MB answer). */
export const MAX_VALUE_CHARS = 200;

function shorten(text: string): string {
  return text.length <= MAX_VALUE_CHARS ? text : `${text.slice(0, MAX_VALUE_CHARS)}…（共 ${text.length} 字，已截断）`;
}

/**
 * Findings as an answer may carry them: at most `max`, each long cell value shortened (and marked so) in `value`,
 * `fix` and `message`, so no answer grows with the length of a cell.
 */
export function boundFindings(list: Finding[], max = MAX_FINDINGS): Finding[] {
  return list.slice(0, max).map((f) => {
    const long = (v: unknown): v is string => typeof v === 'string' && v.length > MAX_VALUE_CHARS;
    const params = f.params as Record<string, unknown> | undefined;
    const longParam = params !== undefined && Object.values(params).some((v) => long(v) || (Array.isArray(v) && v.length > 50));
    if (!long(f.value) && !long(f.fix) && !longParam && f.message.length <= MAX_VALUE_CHARS * 2) return f;
    const out: Finding = { ...f };
    let message = f.message;
    if (long(f.value)) {
      message = message.split(f.value).join(shorten(f.value));
      out.value = shorten(f.value);
    }
    if (long(f.fix)) {
      message = message.split(f.fix).join(shorten(f.fix));
      out.fix = shorten(f.fix);
    }
    if (params) {
      const p: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(params)) p[k] = long(v) ? shorten(v) : Array.isArray(v) && v.length > 50 ? v.slice(0, 50) : v;
      out.params = p as Finding['params'];
    }
    out.message = message.length > MAX_VALUE_CHARS * 2 ? `${message.slice(0, MAX_VALUE_CHARS * 2)}…` : message;
    return out;
  });
}

/** Findings a sheet's result carries back from the worker (the counts stay true; the list is for showing). */
const KEPT_FINDINGS = 10_000;

/** SHA-256 of what an upload is about (term and every sheet's grid): the same Idempotency-Key must carry the same content. */
export function fingerprint(term: string, sheets: SheetInput[]): string {
  const h = createHash('sha256');
  h.update(term);
  for (const s of sheets) h.update('\u0000').update(s.sheet).update('\u0000').update(JSON.stringify(s.grid));
  return h.digest('hex');
}

/**
 * Text holding U+0000 (a JSON grid can carry it; no real cell does) is refused: PostgreSQL text cannot store it,
 * so it would otherwise end as a 500 on PostgreSQL while SQLite took it.
 */
function nulRefusal(sheets: SheetInput[]): Refusal | null {
  const bad = (message: string): Refusal => ({ status: 400, code: 'bad_text', message });
  for (const s of sheets) {
    if (s.sheet.includes('\u0000')) return bad(`工作表名“${s.sheet.replace(/\u0000/g, '')}”含有空字符（U+0000），请删除后重新上报`);
    for (let r = 0; r < s.grid.length; r++) {
      const row = s.grid[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === 'string' && v.includes('\u0000')) return bad(`工作表“${s.sheet}”第 ${r + 1} 行 ${colLetter(c)} 列含有空字符（U+0000），请删除后重新上报`);
      }
    }
  }
  return null;
}

// A district definition arrives in each job as a copy; in a worker the first copy of a definition is kept, so the
// header lookups and value-set matchers built for it (cached by object) are built once per worker, not once per
// upload. Kept by version and the hash of its text: a version number alone names another definition in another
// store (a pool serving two, a store rebuilt from a backup). The calling thread keeps none.
const definitions = new Map<string, CompiledRegisters>();
/** Definitions a worker keeps (a district has a handful). */
const KEPT_DEFINITIONS = 20;

function sameDefinition(opts: ValidateOptions, version: number | undefined, hash: string | undefined): ValidateOptions {
  if (!opts.registers || !version || !hash || isMainThread) return opts;
  const key = `${version}:${hash}`;
  let kept = definitions.get(key);
  if (!kept) {
    if (definitions.size >= KEPT_DEFINITIONS) definitions.delete(definitions.keys().next().value!);
    definitions.set(key, (kept = opts.registers));
  }
  return { ...opts, registers: kept };
}

/** Reads and validates one upload. Never throws for anything the file holds: a refusal is returned. */
export async function examineUpload(job: ExamineJob): Promise<Examined> {
  const start = process.hrtime.bigint();
  let sheets: SheetInput[];
  if (job.type !== 'grids') {
    try {
      sheets = await readWorkbook(Buffer.from(job.file.buffer, job.file.byteOffset, job.file.byteLength), job.name, job.limits);
    } catch (err) {
      if (err instanceof XlsxLimitError) return { ok: false, refusal: { status: 413, code: 'too_large', message: err.message } };
      if (err instanceof XlsxError) return { ok: false, refusal: { status: 400, code: 'bad_file', message: err.message } };
      throw err;
    }
  } else sheets = job.sheets;
  if (job.type === 'definition') return { ok: true, ...parseDefinitionWorkbook(sheets, job.name.replace(/\.xlsx$/i, '')) };
  const read = msSince(start);
  const nul = nulRefusal(sheets);
  if (nul) return { ok: false, refusal: nul };
  const opts = sameDefinition(job.opts, job.definitionVersion, job.definitionHash);
  if (job.type === 'fix') return fixUpload(job.file, sheets, opts, job.name, job.limits);
  const fp = fingerprint(job.term, sheets);
  const result = validateWorkbook(sheets, opts);
  const templates = opts.registers?.templates ?? TEMPLATES;
  const prepared = result.sheets.map((sheet) => {
    sheet.findings = boundFindings(sheet.findings, KEPT_FINDINGS);
    // A refused upload stores nothing: its records are not built, let alone sent back. An accepted one's are sent
    // as the store keeps them (JSON text and index keys), worked out here rather than on the server's one thread.
    const rows = result.errors === 0 && sheet.kind !== null && sheet.dataRows > 0 ? prepareRows(sheet.kind, templates[sheet.kind]?.rules ?? [], sheet.records) : null;
    sheet.records = [];
    return rows;
  });
  return { ok: true, fingerprint: fp, result, prepared, phases: { read, validate: msSince(start) - read } };
}

/**
 * 修正 of an upload: the safe fixes applied to the workbook itself (ExcelJS, here in the worker, only after the
 * bounded reader has accepted the file), and what is left for a person once they are applied.
 */
async function fixUpload(file: Uint8Array, sheets: SheetInput[], opts: ValidateOptions, name: string, limits: ReadLimits): Promise<Examined> {
  const before = validateWorkbook(sheets, opts);
  const findings = before.sheets.flatMap((s) => s.findings);
  const { bytes, applied } = await fixedCopy(Buffer.from(file.buffer, file.byteOffset, file.byteLength), findings);
  const after = validateWorkbook(await readWorkbook(bytes, name, limits), opts);
  return { ok: true, fixed: new Uint8Array(bytes), applied, remainingErrors: after.errors, remainingWarnings: after.warnings };
}
