/** Reading .xlsx into plain grids (values as Excel holds them: dates as serials), with Chinese errors for unusable files. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isoToSerial } from '../../shared';
import type { Cell, SheetInput } from '../../shared';
import { BrokenFileError, LimitError, readOoxml } from './ooxml-reader';

/** A file that cannot be used as a workbook; the message says why, in Chinese. */
export class XlsxError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'XlsxError';
  }
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/** Looks at the first bytes to give a precise reason when the file is not an .xlsx workbook. */
export function sniff(head: Buffer, name: string): void {
  if (head.subarray(0, 4).equals(ZIP)) return;
  if (head.subarray(0, 4).equals(CFB)) {
    if (head.includes(ENCRYPTION_INFO)) throw new XlsxError(`“${name}”已加密（设置了打开密码），请取消密码后再上传`);
    throw new XlsxError(`“${name}”是旧版 .xls 格式，请在 Excel 中“另存为” .xlsx 后再上传`);
  }
  if (head.length === 0) throw new XlsxError(`“${name}”是空文件`);
  throw new XlsxError(`“${name}”不是 Excel 工作簿（.xlsx）`);
}

/** One exceljs cell value → a plain cell as Office.js would give it. */
export function plainCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    // Dates become serials (with the time as a fraction), the form Excel itself stores.
    const iso = v.toISOString();
    const frac = (v.getUTCHours() * 3600 + v.getUTCMinutes() * 60 + v.getUTCSeconds()) / 86400;
    return isoToSerial(iso.slice(0, 10)) + frac;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o) return plainCell(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null; // a formula never calculated has no value
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('text' in o) return plainCell(o.text);
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

/** Limits that keep a hostile or broken file from exhausting memory (the server passes its upload limits). */
export interface ReadLimits {
  maxCells?: number;
  /** Cap on the bytes inflated from the zip (zip bombs). */
  maxUncompressed?: number;
  maxEntries?: number;
  /** Rows × columns of one sheet's grid. */
  maxArea?: number;
  /** Characters of text over all cells as read (shared strings and merges repeat text). */
  maxTextChars?: number;
}

/** Limits for files read on the command line: far above any real register, still short of exhausting memory. */
export const LOCAL_LIMITS: Required<ReadLimits> = { maxCells: 20_000_000, maxUncompressed: 2 * 1024 ** 3, maxEntries: 20_000, maxArea: 200_000_000, maxTextChars: 1_000_000_000 };

/** A file past the read limits (too many cells, or inflating past the cap); the server answers 413. */
export class XlsxLimitError extends XlsxError {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxLimitError';
  }
}

async function load(path: string, name: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new XlsxError(`“${name}”是文件夹，不是 Excel 工作簿`);
    if (code === 'EACCES' || code === 'EPERM') throw new XlsxError(`无法打开文件“${name}”：没有读取权限`);
    throw new XlsxError(`无法打开文件“${name}”：文件不存在或无权读取`);
  }
}

/**
 * Reads every worksheet of an .xlsx (path or buffer) into grids, in tab order, in one pass over the zip.
 * Throws XlsxLimitError past a limit and XlsxError for anything that is not a readable workbook, each naming the file.
 */
export async function readWorkbook(
  input: string | Buffer,
  name = typeof input === 'string' ? basename(input) : '上传的文件',
  limits: ReadLimits = {},
): Promise<SheetInput[]> {
  const buf = typeof input === 'string' ? await load(input, name) : input;
  sniff(buf.subarray(0, 65536), name);
  let sheets: SheetInput[];
  try {
    sheets = await readOoxml(buf, { ...LOCAL_LIMITS, ...limits });
  } catch (e) {
    if (e instanceof LimitError) throw new XlsxLimitError(`“${name}”${e.message}，请检查或拆分后再上传`);
    if (e instanceof BrokenFileError) throw new XlsxError(`“${name}”${e.message}`);
    // Not a failure the reader anticipated (a bug): still a Chinese answer, with the original kept as the cause.
    throw new XlsxError(`“${name}”无法读取，文件可能已损坏`, { cause: e });
  }
  if (!sheets.length) throw new XlsxError(`“${name}”中没有工作表`);
  return sheets;
}
