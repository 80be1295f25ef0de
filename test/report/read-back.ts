/** Test helpers: write a report into memory, read it back with exceljs, and list the raw XML of its parts. */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { writeReport, type ReportData, type ReportOptions } from '../../server/report/write';

/** The report as bytes. */
export async function reportBuffer(data: ReportData, opts?: ReportOptions): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeReport(out, data, opts);
  return Buffer.concat(chunks);
}

/** The workbook read back by exceljs. */
export async function readBack(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** Every part of the .xlsx zip as text, by path. */
export function zipParts(buf: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const parts = new Map<string, string>();
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, s) => {
          if (e || !s) return reject(e);
          const bits: Buffer[] = [];
          s.on('data', (b: Buffer) => bits.push(b));
          s.on('end', () => {
            parts.set(entry.fileName.replace(/^\//, ''), Buffer.concat(bits).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(parts));
      zip.readEntry();
    });
  });
}

/** A sheet's rows as arrays of values (column A first). */
export function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (r) => out.push((r.values as unknown[]).slice(1)));
  return out;
}
