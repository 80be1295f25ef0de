/** 区级汇总: a row per school, district totals, targets and ranks, then the district's cross tables. */
import type { Writable } from 'node:stream';
import type { Summary } from '../../shared/metrics';
import { fitWidths } from './cells';
import { TableSheet, type Book } from './sheet';
import { summaryTable } from './summary-table';

/** Writes 区级汇总 (all schools' lines: a school's view shows the district summary too). */
export async function writeSummarySheet(book: Book, summary: Summary, out: Writable): Promise<void> {
  const t = summaryTable(summary);
  const lines = t.schools.map((s) => s.cells);
  const sheet = new TableSheet(
    book,
    { name: '区级汇总', headers: t.headers, widths: fitWidths(t.headers, [...lines, t.total], [], 30), formats: t.formats, freezeCols: 2 },
    out,
  );
  for (const s of t.schools) await sheet.add(s.cells, { formats: true, fills: s.marks.map((m) => (m === 'met' ? 'good' : m === 'missed' ? 'bad' : undefined)) });
  sheet.endFilter();
  await sheet.add(t.total, { bold: true, formats: true });
  if (t.target) await sheet.add(t.target, { formats: true });
  if (t.met) await sheet.add(t.met);
  for (const table of t.tables) {
    await sheet.add([]);
    for (const [i, r] of table.entries()) await sheet.add(r, { bold: i < 2 });
  }
  await sheet.add([]);
  await sheet.add([t.note]);
  await sheet.finish();
}
