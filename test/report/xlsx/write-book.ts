/** Test helpers: a workbook written by our writer into memory, and that file read back by openpyxl. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { WorkbookWriter } from '../../../server/report/xlsx/workbook';

/** Writes a workbook through `fill` and returns its bytes. */
export async function bookBytes(fill: (book: WorkbookWriter) => Promise<void>, opts?: ConstructorParameters<typeof WorkbookWriter>[1]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new WorkbookWriter(out, opts);
  await fill(book);
  await book.finish();
  return Buffer.concat(chunks);
}

/** One cell as openpyxl reads it (see dump.py). */
export interface PyCell {
  ref: string;
  value: unknown;
  type: string;
  bold: boolean;
  size: number | null;
  fontColor: string | null;
  fill: string | null;
  numFmt: string;
  wrap: boolean;
  horizontal: string | null;
}

/** One sheet as openpyxl reads it. */
export interface PySheet {
  name: string;
  freeze: string | null;
  autoFilter: string | null;
  widths: Record<string, number>;
  heights: Record<string, number>;
  printTitleRows: string | null;
  printTitleCols: string | null;
  fitToPage: boolean;
  page: { orientation: string; paperSize: number; fitToWidth: number; fitToHeight: number };
  margins: number[];
  cells: PyCell[];
}

/** The workbook as Debian's python3-openpyxl reads it (a missing openpyxl fails the test, saying what to install). */
export function openpyxlRead(buf: Buffer): { sheets: PySheet[]; creator: string } {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import openpyxl'], { stdio: 'ignore' });
  } catch {
    throw new Error('这些测试用 Debian 的 python3-openpyxl 读回报表：apt-get install -y python3-openpyxl');
  }
  const dir = mkdtempSync(join(tmpdir(), 'yanbiao-openpyxl-'));
  try {
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, buf);
    const json = execFileSync('/usr/bin/python3', [join(__dirname, 'dump.py'), file], { encoding: 'utf8', maxBuffer: 64 << 20 });
    return JSON.parse(json);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
