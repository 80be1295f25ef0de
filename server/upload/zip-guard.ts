/**
 * Inspects an .xlsx before any XML parser sees it: reads the zip central directory with yauzl, refuses declared
 * sizes over the limits, then inflates every entry as a stream (yauzl verifies that the real size matches the
 * declared one, so a lying header cannot smuggle a bomb) while counting the cells and the used range of each sheet.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { HttpError } from '../http/errors';
import { tooLarge, type UploadLimits } from './limits';

const LT = 0x3c; // <
const C = 0x63; // c
const R = 0x72; // r
const QUOTE = 0x22; // "

/** Cells and used range of one worksheet XML, scanned as bytes chunk by chunk (no strings, no regexes). */
class SheetScan {
  cells = 0;
  maxRow = 0;
  maxCol = 0;
  private carry: Buffer = Buffer.alloc(0);

  /** Scans a chunk; a short tail is kept back so a tag split across chunks is seen once, whole. */
  push(chunk: Buffer, final = false): void {
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const limit = final ? buf.length : Math.max(0, buf.length - 32);
    let i = buf.indexOf(LT, 0);
    while (i !== -1 && i < limit) {
      if (buf[i + 1] === C) {
        const next = buf[i + 2];
        if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) {
          this.cells++;
          // Excel and exceljs write r="A1" as the first attribute; a cell without it adds no range here
          // (the reader's own cell cap still bounds it).
          if (next === 0x20 && buf[i + 3] === R && buf[i + 4] === 0x3d && buf[i + 5] === QUOTE) this.ref(buf, i + 6);
        }
      }
      i = buf.indexOf(LT, i + 1);
    }
    this.carry = Buffer.from(buf.subarray(limit));
  }

  private ref(buf: Buffer, at: number): void {
    let col = 0;
    let row = 0;
    let j = at;
    for (; j < buf.length && j < at + 3 && buf[j] >= 0x41 && buf[j] <= 0x5a; j++) col = col * 26 + (buf[j] - 0x40);
    for (; j < buf.length && j < at + 12 && buf[j] >= 0x30 && buf[j] <= 0x39; j++) row = row * 10 + (buf[j] - 0x30);
    if (col > this.maxCol) this.maxCol = col;
    if (row > this.maxRow) this.maxRow = row;
  }
}

function open(buf: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => (err || !zip ? reject(err) : resolve(zip))),
  );
}

function readStream(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, s) => (err || !s ? reject(err) : resolve(s))));
}

/** Facts learned about the workbook. */
export interface ZipFacts {
  uncompressed: number;
  cells: number;
}

/** Throws 413 for a workbook over the limits and 400 for something that is not a zip at all. */
export async function guardXlsx(buf: Buffer, limits: UploadLimits): Promise<ZipFacts> {
  let zip: ZipFile;
  try {
    zip = await open(buf);
  } catch {
    throw new HttpError(400, 'bad_file', '上传的文件不是有效的 .xlsx 工作簿（无法按 zip 格式读取）');
  }
  const entries: Entry[] = await new Promise((resolve, reject) => {
    const list: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      list.push(e);
      if (list.length > limits.entries) {
        zip.close();
        reject(tooLarge(`压缩包内文件数超过 ${limits.entries}`));
      } else zip.readEntry();
    });
    zip.on('end', () => resolve(list));
    zip.on('error', () => reject(new HttpError(400, 'bad_file', '上传的 .xlsx 文件已损坏')));
    zip.readEntry();
  });
  const declared = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (declared > limits.uncompressedBytes) throw tooLarge(`解压后 ${Math.round(declared / 1048576)} MB，超过上限 ${Math.round(limits.uncompressedBytes / 1048576)} MB`);
  let total = 0;
  let cells = 0;
  for (const entry of entries) {
    if (entry.fileName.endsWith('/')) continue;
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(entry.fileName);
    let stream: NodeJS.ReadableStream;
    try {
      stream = await readStream(zip, entry);
    } catch {
      throw new HttpError(400, 'bad_file', `上传的 .xlsx 文件已损坏（${entry.fileName}）`);
    }
    const scan = isSheet ? new SheetScan() : null;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > limits.uncompressedBytes) throw tooLarge(`解压后超过上限 ${Math.round(limits.uncompressedBytes / 1048576)} MB`);
        if (!scan) continue;
        scan.push(chunk);
        if (cells + scan.cells > limits.cells) throw tooLarge(`单元格超过 ${limits.cells} 个`);
      }
    } catch (err) {
      (stream as unknown as { destroy?: () => void }).destroy?.();
      zip.close();
      if (err instanceof HttpError) throw err;
      // yauzl's size validation: the entry inflated to more than its header claimed — a crafted bomb.
      if (/too many bytes|Too many bytes|expected/.test(String((err as Error)?.message))) throw tooLarge('压缩包声明的大小与实际不符');
      throw new HttpError(400, 'bad_file', `上传的 .xlsx 文件已损坏（${entry.fileName}）`);
    }
    if (scan) {
      scan.push(Buffer.alloc(0), true);
      cells += scan.cells;
      if (cells > limits.cells) throw tooLarge(`单元格超过 ${limits.cells} 个`);
      if (scan.maxRow * scan.maxCol > limits.area) throw tooLarge(`工作表使用区域达 ${scan.maxRow} 行 × ${scan.maxCol} 列，超过上限`);
    }
  }
  zip.close();
  return { uncompressed: total, cells };
}
