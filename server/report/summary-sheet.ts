/** 区级汇总: a row per school, district totals, targets and ranks; then 分类统计, the district's cross tables. */
import type { Summary } from '../../shared/metrics';
import { displayWidth, fitWidths, type PlainCell } from './cells';
import { printSetup, TableSheet, type Book } from './sheet';
import { summaryTable } from './summary-table';
import { PLAIN, styleOf, TITLE } from './xlsx/styles';

/** A figure's column: as wide as its figures, its (long, Chinese) header wrapping over up to three lines. */
function figureWidths(headers: string[], rows: PlainCell[][], lead: number): number[] {
  const byData = fitWidths(headers.map(() => ''), rows, [], 30);
  return headers.map((h, i) => (i < lead ? Math.max(byData[i], displayWidth(h) + 4) : Math.min(16, Math.max(byData[i], 8, Math.ceil(displayWidth(h) / 3) + 3))));
}

/** Writes 区级汇总 (all schools' lines: a school's view shows the district summary too), then 分类统计. */
export async function writeSummarySheet(book: Book, summary: Summary): Promise<void> {
  const t = summaryTable(summary);
  const lines = t.schools.map((s) => s.cells);
  const widths = figureWidths(t.headers, [...lines, t.total], 3);
  const sheet = new TableSheet(book, { name: '区级汇总', headers: t.headers, widths, formats: t.formats, freezeCols: 2 });
  for (const s of t.schools) await sheet.add(s.cells, { formats: true, fills: s.marks.map((m) => (m === 'met' ? 'good' : m === 'missed' ? 'bad' : undefined)) });
  sheet.endFilter();
  await sheet.add(t.total, { bold: true, formats: true });
  if (t.target) await sheet.add(t.target, { formats: true });
  if (t.met) await sheet.add(t.met);
  await sheet.add([]);
  await sheet.add([t.note]);
  await sheet.finish();
  if (t.tables.length) await writeCrossSheet(book, t.tables, summary);
}

/**
 * 分类统计: the cross tables (交叉表 indicators), one under another with a blank row between, each with its own
 * title and header lines — on a sheet of their own, so they neither share 区级汇总's wide name column nor print
 * under its repeated header row. One page wide.
 */
async function writeCrossSheet(book: Book, tables: PlainCell[][][], summary: Summary): Promise<void> {
  const rows = tables.flatMap((t) => t.slice(1));
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, i) => Math.min(30, Math.max(i === 0 ? 10 : 7, ...rows.map((r) => displayWidth(String(r[i] ?? '')) + 2))));
  const ws = book.addSheet('分类统计', { widths, print: { ...printSetup(widths, 0), titleRows: undefined } });
  const bold = styleOf({ bold: true });
  ws.row([`全区分类统计（${summary.term}，统计截至 ${summary.asOf}）`], TITLE);
  for (const t of tables) {
    ws.row([]);
    // The title and header lines bold, then each line's label (its first cell) bold.
    t.forEach((r, i) => ws.row(r, i < 2 ? bold : [bold, PLAIN]));
  }
  await ws.finish();
}
