/** 下载: fetch the merged report, put its sheets into the workbook, and chart the school against the district. */
import { ApiError, fetchReport, type ApiTarget } from '../core/api';
import { compareSchool } from '../core/compare';
import { readXlsx, toBase64 } from '../core/xlsx-lite';
import { addComparisonChart, insertReport, type InsertOutcome } from '../excel';

/** Name of the chart sheet. */
export const CHART_SHEET = '本校对比';

/** Outcome of a download. */
export type DownloadOutcome = { ok: true; insert: InsertOutcome; chart: boolean } | { ok: false; message: string };

/** Downloads the report of `term` for `school` (code) and inserts it. */
export async function downloadReport(target: ApiTarget, term: string, school: string): Promise<DownloadOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await fetchReport(target, term);
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, message: err.message };
    throw err;
  }
  let sheets;
  try {
    sheets = await readXlsx(bytes);
  } catch (err) {
    return { ok: false, message: `服务器返回的汇总表无法读取：${err instanceof Error ? err.message : String(err)}` };
  }
  const insert = await insertReport(toBase64(bytes), sheets);
  const summary = sheets.find((s) => s.name === '区级汇总');
  const cmp = summary ? compareSchool(summary.grid, school) : null;
  if (cmp && cmp.rows.length) await addComparisonChart(CHART_SHEET, cmp.name, cmp.rows);
  return { ok: true, insert, chart: !!cmp && cmp.rows.length > 0 };
}
