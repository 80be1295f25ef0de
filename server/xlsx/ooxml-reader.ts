/**
 * Reads an .xlsx as Excel shows it, in one pass over the zip: parts found through the package relationships
 * (`_rels/.rels` → workbook → worksheets, shared strings, styles; parts.ts), each parsed by a streaming, linear-time
 * XML tokenizer (xml-stream.ts), each worksheet into a grid (worksheet.ts). Every limit is checked before memory is
 * spent on it: Excel's own bounds (16,384 columns, 1,048,576 rows, 32,767 characters a cell) and the caller's
 * (cells, used area, inflated bytes, merged cells, total text).
 *
 * What the engine gets is the grid Office.js would give: text, numbers, booleans, error text (`#N/A`), dates as
 * 1900-system serials (a 1904 workbook's date-formatted cells and ISO `t="d"` cells converted), formulas as their
 * cached results, rich text joined, phonetic guides left out, merged ranges filled as a reader sees them.
 */
import type { SheetInput } from '../../shared';
import type { OoxmlLimits } from './errors';
import { byType, fallback, readDateStyles, readRels, readSharedStrings, readWorkbookPart, workbookPart } from './parts';
import { readSheet, type Budget } from './worksheet';
import { Package } from './zip';

export { BrokenFileError, EXCEL, LimitError, type OoxmlLimits } from './errors';

/**
 * Reads every worksheet (tab order) of the .xlsx in `buf` into grids. Throws LimitError past a limit and
 * BrokenFileError for a file that is not a readable workbook; both say why in Chinese.
 */
export async function readOoxml(buf: Buffer, limits: OoxmlLimits): Promise<SheetInput[]> {
  const pkg = await Package.open(buf, { maxUncompressed: limits.maxUncompressed, maxEntries: limits.maxEntries });
  try {
    const wbPart = await workbookPart(pkg);
    const wb = await readWorkbookPart(pkg, wbPart);
    const rels = await readRels(pkg, wbPart);
    const shared = await readSharedStrings(pkg, byType(rels, 'sharedStrings') ?? fallback(pkg, wbPart, 'sharedStrings.xml'), limits.maxCells);
    const dateStyles = wb.date1904 ? await readDateStyles(pkg, byType(rels, 'styles') ?? fallback(pkg, wbPart, 'styles.xml')) : [];
    const budget: Budget = { cells: 0, chars: 0 };
    const out: SheetInput[] = [];
    for (const s of wb.sheets) {
      const rel = s.rid ? rels.get(s.rid) : undefined;
      // Chart sheets, dialog sheets and macro sheets have no cell grid.
      if (!rel || !rel.type.endsWith('/worksheet') || !pkg.has(rel.target)) continue;
      const grid = await readSheet(pkg, rel.target, { name: s.name, shared, dateStyles, date1904: wb.date1904, limits, budget });
      if (grid) out.push({ sheet: s.name, grid });
    }
    return out;
  } finally {
    pkg.close();
  }
}
