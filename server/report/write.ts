/** writeReport: the merged workbook of DOMAIN.md, streamed with our own lean .xlsx writer (./xlsx) at flat memory. */
import type { Writable } from 'node:stream';
import { registersOf } from '../../shared/registers/list';
import { writeIssuesSheet } from './issues-sheet';
import { writeKindSheet } from './kind-sheet';
import { writeStatusSheet } from './status-sheet';
import { writeSummarySheet } from './summary-sheet';
import type { ReportData, ReportOptions } from './types';
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
  try {
    return await Promise.race([write(out, data, opts), failed]);
  } finally {
    out.removeListener('error', onError);
    out.removeListener('close', onClose);
  }
}

async function write(out: Writable, data: ReportData, opts: ReportOptions): Promise<ReportStats> {
  const book = new WorkbookWriter(out, { creator: '研表 Yanbiao' });
  const names = new Map(data.summary.schools.map((s) => [s.code, s.name]));
  for (const s of data.status?.schools ?? []) if (!names.has(s.code)) names.set(s.code, s.name);
  const only = opts.school;
  await writeSummarySheet(book, data.summary);
  await writeStatusSheet(book, data.summary, data.status, only);
  const rows: Record<string, number> = {};
  const registers = data.registers ?? registersOf();
  for (const reg of registers) rows[reg.code] = await writeKindSheet(book, reg, data.rows[reg.code], names, only, opts.checkEvery);
  const issues = await writeIssuesSheet(book, data.issues, names, only, new Map(registers.map((r) => [r.code, r.title])));
  await book.finish();
  return { rows, issues };
}

export type { ReportData, ReportOptions, ReportRow, ReportIssue, Source } from './types';
