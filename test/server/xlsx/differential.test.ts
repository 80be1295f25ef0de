/**
 * The reader against a second one: random workbooks written by exceljs (shared strings and inline strings, rich
 * text, dates, booleans, merged titles) are read by exceljs's own full reader and by ours; the grids must agree cell
 * by cell (exceljs's values turned into plain cells as Office.js gives them).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { plainCell, readWorkbook } from '../../../server/xlsx/read';
import type { Cell, Grid } from '../../../shared';

type Value = string | number | boolean | Date | { richText: { text: string }[] } | null;

// Text as schools type it: Chinese, Latin, digits, spaces inside, XML's special characters, a line break.
const textArb = fc
  .array(fc.constantFrom('张', '伟', '论', '文', '區', 'a', 'Z', '7', ' ', '&', '<', '>', '"', "'", '\n', '_', 'x', '·', '（', '）', '😀'), { minLength: 1, maxLength: 12 })
  .map((cs) => cs.join('').trim())
  .filter((s) => s.length > 0);
const valueArb: fc.Arbitrary<Value> = fc.oneof(
  { weight: 5, arbitrary: textArb },
  { weight: 2, arbitrary: fc.integer({ min: -1e6, max: 1e9 }) },
  { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((d) => new Date(Math.round(d.getTime() / 1000) * 1000)) },
  { weight: 1, arbitrary: fc.array(textArb, { minLength: 1, maxLength: 3 }).map((ts) => ({ richText: ts.map((text) => ({ text })) })) },
  { weight: 3, arbitrary: fc.constant(null) },
);
const sheetArb = fc.record({
  rows: fc.array(fc.array(valueArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
  mergeTitle: fc.boolean(),
});

async function write(sheets: { rows: Value[][]; mergeTitle: boolean }[], sharedStrings: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(`表${i + 1}`);
    if (s.mergeTitle) {
      ws.addRow(['标题']);
      ws.mergeCells(1, 1, 1, 3);
    }
    for (const r of s.rows) ws.addRow(r as ExcelJS.CellValue[]);
  });
  if (sharedStrings) return Buffer.from(await wb.xlsx.writeBuffer());
  // The streaming writer with inline strings, as the bench and some tools write.
  const chunks: Buffer[] = [];
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const sw = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  sheets.forEach((s, i) => {
    const ws = sw.addWorksheet(`表${i + 1}`);
    if (s.mergeTitle) {
      const title = ws.addRow(['标题']);
      ws.mergeCells(1, 1, 1, 3);
      title.commit();
    }
    for (const r of s.rows) ws.addRow(r as ExcelJS.CellValue[]).commit();
    ws.commit();
  });
  await sw.commit();
  return Buffer.concat(chunks);
}

/** exceljs's reading of the file, as grids of plain cells (merged cells given their value, as ours does). */
async function readWithExcelJS(buf: Buffer): Promise<{ sheet: string; grid: Grid }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const grid: Grid = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const out: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = plainCell(cell.isMerged ? cell.master.value : cell.value);
        if (v !== null && v !== '') out[c - 1] = v;
      });
      for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
      if (out.length) grid[r - 1] = out;
    });
    for (let i = 0; i < grid.length; i++) if (!grid[i]) grid[i] = [];
    return { sheet: ws.name, grid };
  });
}

describe('the reader agrees with exceljs on exceljs-written workbooks', () => {
  test.each([
    ['shared strings (Workbook.xlsx.writeBuffer)', true],
    ['inline strings (streaming writer)', false],
  ])('%s', async (_name, shared) => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheetArb, { minLength: 1, maxLength: 3 }), async (sheets) => {
        const buf = await write(sheets, shared);
        const ours = await readWorkbook(buf, 'd.xlsx');
        const theirs = await readWithExcelJS(buf);
        // exceljs hands dates back as Date objects; turned back into serials they may differ in the last bit.
        const fixed = (g: { sheet: string; grid: Grid }[]) => g.map((s) => ({ ...s, grid: s.grid.map((r) => r.map((v) => (typeof v === 'number' ? Math.round(v * 1e8) / 1e8 : v))) }));
        expect(fixed(ours)).toEqual(fixed(theirs));
      }),
      { numRuns: 60, seed: 42 },
    );
  });
});
