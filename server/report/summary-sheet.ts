/** 区级汇总: a row per school, district totals, targets and ranks; then 分类统计, the district's cross tables. */
import type { Writable } from 'node:stream';
import type { Summary } from '../../shared/metrics';
import { displayWidth, fitWidths, type PlainCell } from './cells';
import { relieve } from './pressure';
import { printSetup, TableSheet, type Book } from './sheet';
import { summaryTable } from './summary-table';

/** A figure's column: as wide as its figures, its (long, Chinese) header wrapping over up to three lines. */
function figureWidths(headers: string[], rows: PlainCell[][], lead: number): number[] {
  const byData = fitWidths(headers.map(() => ''), rows, [], 30);
  return headers.map((h, i) => (i < lead ? Math.max(byData[i], displayWidth(h) + 4) : Math.min(16, Math.max(byData[i], 8, Math.ceil(displayWidth(h) / 3) + 3))));
}

/** Writes 区级汇总 (all schools' lines: a school's view shows the district summary too), then 分类统计. */
export async function writeSummarySheet(book: Book, summary: Summary, out: Writable): Promise<void> {
  const t = summaryTable(summary);
  const lines = t.schools.map((s) => s.cells);
  const widths = figureWidths(t.headers, [...lines, t.total], 3);
  const sheet = new TableSheet(book, { name: '区级汇总', headers: t.headers, widths, formats: t.formats, freezeCols: 2 }, out);
  for (const s of t.schools) await sheet.add(s.cells, { formats: true, fills: s.marks.map((m) => (m === 'met' ? 'good' : m === 'missed' ? 'bad' : undefined)) });
  sheet.endFilter();
  await sheet.add(t.total, { bold: true, formats: true });
  if (t.target) await sheet.add(t.target, { formats: true });
  if (t.met) await sheet.add(t.met);
  await sheet.add([]);
  await sheet.add([t.note]);
  await sheet.finish();
  if (t.tables.length) await writeCrossSheet(book, t.tables, summary, out);
}

/**
 * 分类统计: the cross tables (交叉表 indicators), one under another with a blank row between, each with its own
 * title and header lines — on a sheet of their own, so they neither share 区级汇总's wide name column nor print
 * under its repeated header row. One page wide.
 */
async function writeCrossSheet(book: Book, tables: PlainCell[][][], summary: Summary, out: Writable): Promise<void> {
  const rows = tables.flatMap((t) => t.slice(1));
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, i) => Math.min(30, Math.max(i === 0 ? 10 : 7, ...rows.map((r) => displayWidth(String(r[i] ?? '')) + 2))));
  const ws = book.addWorksheet('分类统计', { pageSetup: { ...printSetup(widths, 0), printTitlesRow: undefined } });
  ws.columns = widths.map((width) => ({ width }));
  const bold = { font: { bold: true } };
  const title = ws.addRow([`全区分类统计（${summary.term}，统计截至 ${summary.asOf}）`]);
  title.font = { bold: true, size: 13 };
  title.commit();
  for (const t of tables) {
    ws.addRow([]).commit();
    t.forEach((r, i) => {
      const row = ws.addRow(r);
      if (i < 2) row.eachCell((c) => (c.style = bold));
      else row.getCell(1).style = bold;
      row.commit();
    });
  }
  ws.commit();
  await relieve(ws, out);
}
