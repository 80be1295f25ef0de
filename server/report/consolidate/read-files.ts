/** Pass 1 of consolidate, one file at a time (in this thread or a worker): read, validate, serialise the accepted rows. */
import { basename } from 'node:path';
import { validateWorkbook } from '../../../shared/engine';
import type { Finding } from '../../../shared/findings/finding';
import type { CompiledRegisters, KindId, RosterEntry, ValidateOptions } from '../../../shared/types';
import { compileDefinition } from '../../../shared/registers/compile';
import type { RegisterDefinition } from '../../../shared/registers/schema';
import { readWorkbook } from '../../xlsx/read';
import { bandTable } from './near-dup';
import { crossTargets, targetKey } from './targets';
import { schoolOf, type FileSchool } from './school-of';

/** What happened to one input file. */
export interface FileOutcome {
  file: string;
  /** merged: rows taken; rejected: had errors, nothing taken; unusable: not a readable workbook or no register in it. */
  status: 'merged' | 'rejected' | 'unusable';
  found: FileSchool;
  /** Rows per kind (of the recognised sheets, whether merged or not). */
  kinds: Partial<Record<string, number>>;
  /** Sheet name per kind, for messages. */
  sheets: Partial<Record<string, string>>;
  errors: number;
  warnings: number;
  /** Findings to list in 问题清单 (warnings of merged files; everything of rejected ones). */
  findings: (Finding & { kind: string | null })[];
  reason?: string;
}

/** A file name that says it holds a roster. */
export const ROSTER_HINT = /名册|花名册|名单|roster/i;

/** Files whose name says 名册 go first, so later files of the school are checked against that roster. */
export function rosterFirst(files: string[]): string[] {
  const hint = (f: string) => (ROSTER_HINT.test(basename(f)) ? 0 : 1);
  return [...files].sort((a, b) => hint(a) - hint(b) || a.localeCompare(b, 'zh'));
}

/** One file examined: its outcome, its accepted rows as NDJSON lines per kind, and what later files may check against. */
export interface Examined {
  outcome: FileOutcome;
  /** `[fileIndex, row, values]` lines per kind (empty unless merged). */
  lines: Partial<Record<string, string>>;
  roster?: RosterEntry[];
  projectCodes?: string[];
  /** Band hashes of each near-copy target's texts (by targetKey), in row order (the costly part, done here). */
  bands?: Record<string, Uint32Array>;
}

/** What earlier files of the same school left for this one (roster, project codes). */
export interface Prior {
  roster?: RosterEntry[];
  projectCodes?: string[];
}

/** Validation options of consolidate: plain data, so they cross to workers (a definition, not its compiled form). */
export type ExamineOptions = Omit<ValidateOptions, 'registers'> & { definition?: RegisterDefinition };

let compiled: { text: string; registers: CompiledRegisters } | null = null;
/** A definition compiled once per thread: every job of a run carries the same one (a fresh copy, in a worker). */
function registersOf(d: RegisterDefinition | undefined): CompiledRegisters | undefined {
  if (!d) return undefined;
  const text = JSON.stringify(d);
  if (compiled?.text !== text) compiled = { text, registers: compileDefinition(d) };
  return compiled.registers;
}

/** Reads and validates one file (in this thread or a worker): nothing is written, everything is returned. */
export async function examine(
  file: string,
  index: number,
  examineOpts: ExamineOptions,
  priorOf: (key: string) => Prior | undefined | Promise<Prior | undefined>,
): Promise<Examined> {
  const name = basename(file);
  const { definition, ...rest } = examineOpts;
  const registers = registersOf(definition);
  const opts: ValidateOptions = registers ? { ...rest, registers } : rest;
  const outcome: FileOutcome = { file, status: 'unusable', found: {}, kinds: {}, sheets: {}, errors: 0, warnings: 0, findings: [] };
  const lines: Examined['lines'] = {};
  let sheets;
  try {
    sheets = await readWorkbook(file, name);
  } catch (e) {
    outcome.reason = (e as Error).message;
    outcome.errors = 1;
    return { outcome, lines };
  }
  outcome.found = schoolOf(file, sheets.map((s) => s.grid));
  const prior = (await priorOf(schoolKey(outcome.found, name))) ?? {};
  let result;
  try {
    result = validateWorkbook(sheets, { ...opts, roster: prior.roster, projectCodes: prior.projectCodes });
  } catch (e) {
    // One odd file must not stop the district's run: it is listed as unusable with the reason.
    outcome.reason = `校验时出错：${(e as Error).message}`;
    outcome.errors = 1;
    return { outcome, lines };
  }
  sheets = undefined; // let the grids go before the rows are serialised
  outcome.errors = result.errors;
  outcome.warnings = result.warnings;
  const recognised = result.sheets.filter((s) => s.kind);
  for (const s of result.sheets) for (const f of s.findings) outcome.findings.push({ ...f, sheet: `${name}［${f.sheet}］`, kind: s.kind });
  if (!recognised.length) {
    outcome.reason = '没有识别出任何登记表（表头与模板都不符）';
    outcome.errors = Math.max(outcome.errors, 1);
    return { outcome, lines };
  }
  for (const s of recognised) {
    outcome.kinds[s.kind!] = (outcome.kinds[s.kind!] ?? 0) + s.records.length;
    outcome.sheets[s.kind!] ??= s.sheet;
  }
  if (result.errors) {
    outcome.status = 'rejected';
    return { outcome, lines };
  }
  outcome.status = 'merged';
  outcome.findings = outcome.findings.filter((f) => f.severity === 'warning');
  const out: Examined = { outcome, lines };
  for (const s of recognised) {
    let text = lines[s.kind!] ?? '';
    for (const r of s.records) text += JSON.stringify([index, r.row, r.values]) + '\n';
    lines[s.kind!] = text;
    if (s.kind === 'roster')
      out.roster = s.records.map((r) => ({ name: String(r.values['姓名'] ?? ''), id: r.values['工号'] ? String(r.values['工号']) : undefined }));
    if (s.kind === 'projects') out.projectCodes = s.records.map((r) => String(r.values['课题编号'] ?? '')).filter(Boolean);
  }
  for (const target of crossTargets(registers).texts) {
    const texts = recognised.filter((s) => s.kind === target.kind).flatMap((s) => s.records.map((r) => String(r.values[target.field] ?? '')));
    if (texts.length) (out.bands ??= {})[targetKey(target)] = bandTable(texts);
  }
  return out;
}

/** The provisional school key used to share rosters between files while reading (code, else name, else file name). */
export function schoolKey(found: FileSchool, fileName: string): string {
  return found.code ?? found.name ?? fileName;
}
