/** writeReport: the merged workbook of DOMAIN.md, streamed with our own lean .xlsx writer (./xlsx) at flat memory. */
import type { Writable } from 'node:stream';
import { registersOf } from '../../shared/registers/list';
import { writeIssuesSheet } from './issues-sheet';
import { KindSheet, sheetName, writeKindSheet } from './kind-sheet';
import { drain, iteratorOf } from './source';
import { writeStatusSheet } from './status-sheet';
import { writeSummarySheet } from './summary-sheet';
import type { ReportData, ReportOptions, ReportRow } from './types';
import { WorkbookWriter } from './xlsx/workbook';

/** What was written, for logs and the CLI's summary. */
export interface ReportStats {
  rows: Record<string, number>;
  issues: number;
}

/**
 * Writes 区级汇总, 上报情况, one sheet per kind and 问题清单 to `out`, sheet after sheet, waiting for the
 * stream whenever it is behind. Resolves when `out` has finished. With `opts.school` it is that school's view:
 * the district summary and only its own rows, board lines and problems.
 */
export async function writeReport(out: Writable, data: ReportData, opts: ReportOptions = {}): Promise<ReportStats> {
  // An output that fails (a missing folder, a client that hangs up) must fail the report loudly, even while the
  // writer is busy pulling rows or waiting on back-pressure: the race settles the moment the output goes.
  let onError: (e: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (onError = reject));
  const onClose = () => {
    if (!out.writableFinished) onError(new Error('报表尚未写完，输出已被关闭（如下载被取消）'));
  };
  out.once('error', onError);
  out.once('close', onClose);
  const book = new WorkbookWriter(out, { creator: '研表 Yanbiao' });
  try {
    return await Promise.race([writeBook(book, data, opts), failed]);
  } finally {
    out.removeListener('error', onError);
    out.removeListener('close', onClose);
    // Sheets spooled aside go with the report, at once (the writer, still waiting on a row, stops at its next write).
    book.dispose();
  }
}

async function writeBook(book: WorkbookWriter, data: ReportData, opts: ReportOptions): Promise<ReportStats> {
  const names = new Map<string, string>();
  const known = [...(data.schools ?? []), ...(typeof data.summary === 'function' ? [] : data.summary.schools), ...(typeof data.status === 'object' ? data.status.schools : [])];
  for (const s of known) if (!names.has(s.code)) names.set(s.code, s.name);
  const only = opts.school;
  const keep = only ? (r: ReportRow) => r.school === only : () => true;
  const registers = data.registers ?? registersOf();
  const rows: Record<string, number> = {};
  // One stream of every register's rows: the sheets are filled side by side, aside, before the summary is asked for.
  let aside: KindSheet[] | undefined;
  if (data.allRows) {
    const taken: string[] = []; // the report's own sheet names are reserved by sheetName
    aside = registers.map((reg) => {
      const name = sheetName(reg.title, taken);
      taken.push(name);
      return new KindSheet(book, reg, names, { name, checkEvery: opts.checkEvery, spool: true });
    });
    const byCode = new Map(registers.map((r, i) => [r.code, aside![i]]));
    await drain(iteratorOf(data.allRows), () => true, async (page) => {
      for (const r of page) {
        if (!keep(r)) continue;
        const wait = byCode.get(r.kind)?.add(r);
        if (wait) await wait;
      }
    });
    for (let i = 0; i < registers.length; i++) rows[registers[i].code] = await aside[i].finish();
  }
  const summary = typeof data.summary === 'function' ? data.summary() : data.summary;
  const status = typeof data.status === 'function' ? data.status() : data.status;
  for (const s of [...summary.schools, ...(status?.schools ?? [])]) if (!names.has(s.code)) names.set(s.code, s.name);
  await writeSummarySheet(book, summary);
  await writeStatusSheet(book, summary, status, only);
  for (const [i, reg] of registers.entries()) {
    const sheet = aside?.[i];
    if (sheet) await book.placeSheet(sheet.spooled!);
    else rows[reg.code] = await writeKindSheet(book, reg, data.rows?.[reg.code], names, only, opts.checkEvery);
  }
  const issues = await writeIssuesSheet(book, data.issues, names, only, new Map(registers.map((r) => [r.code, r.title])));
  await book.finish();
  return { rows, issues };
}

export type { KindRow, ReportData, ReportOptions, ReportRow, ReportIssue, Source } from './types';
