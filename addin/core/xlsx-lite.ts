/** A small .xlsx reader for the pane (values and number formats): unzips with the platform's DecompressionStream and reads
 *  workbook, shared strings and sheets. Enough to chart the report and to write it where Excel cannot insert it. */
import { colIndex } from '../../shared/a1';
import type { Cell, Grid } from '../../shared/types';

/** One sheet of a workbook file; `formats` holds each cell's number format where it is not General. */
export interface XlsxSheet { name: string; grid: Grid; formats?: (string | null)[][] }

/** Excel's built-in number formats by id (the ones a report can carry without a <numFmt> of its own). */
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'yyyy-mm-dd', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'yyyy-mm-dd h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** Number format per cell style index (cellXfs order), null for General: the values fallback keeps 0.0% etc. */
export function styleFormats(stylesXml: string): (string | null)[] {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\s[^>]*>/g)) {
    const id = attr(m[0], 'numFmtId');
    const code = attr(m[0], 'formatCode');
    if (id !== undefined && code !== undefined) custom.set(Number(id), code);
  }
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\s[^>]*>/g)].map((m) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    return id === 0 ? null : custom.get(id) ?? BUILTIN_FORMATS[id] ?? null;
  });
}

interface Entry { name: string; method: number; size: number; offset: number }

function entries(buf: Uint8Array): Entry[] {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('文件不是有效的 Excel 工作簿（找不到 ZIP 目录）');
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const out: Entry[] = [];
  const dec = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (dv.getUint32(p, true) !== 0x02014b50) throw new Error('Excel 工作簿的 ZIP 目录已损坏');
    const method = dv.getUint16(p + 10, true);
    const size = dv.getUint32(p + 20, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const offset = dv.getUint32(p + 42, true);
    out.push({ name: dec.decode(buf.subarray(p + 46, p + 46 + nameLen)), method, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function readEntry(buf: Uint8Array, e: Entry): Promise<string> {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const start = e.offset + 30 + dv.getUint16(e.offset + 26, true) + dv.getUint16(e.offset + 28, true);
  const raw = buf.subarray(start, start + e.size);
  const bytes = e.method === 0 ? raw : await inflate(raw);
  return new TextDecoder().decode(bytes);
}

/** Decodes XML entities. */
export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()];
  });
}

function texts(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += unescapeXml(m[1]);
  return out;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
}

/**
 * A sheet's cells by position. A cell's reference (r="B4") is optional in SpreadsheetML: a cell without one is the
 * one after the cell before it in its row (the server's report writes references only after gaps), and a row
 * without one is the row after the one before it.
 */
function parseSheet(xml: string, shared: string[], styles: (string | null)[]): { grid: Grid; formats: (string | null)[][] } {
  const grid: Grid = [];
  const formats: (string | null)[][] = [];
  let r = -1;
  for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowRef = attr(row[1], 'r');
    r = rowRef && /^\d+$/.test(rowRef) ? Number(rowRef) - 1 : r + 1;
    let c = -1;
    for (const m of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attr(m[1], 'r');
      if (ref) {
        const rc = /^([A-Z]+)(\d+)$/.exec(ref);
        if (!rc) continue;
        c = colIndex(rc[1]);
      } else c++;
      const t = attr(m[1], 't');
      const body = m[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: Cell = null;
      if (t === 's') value = v === undefined ? null : shared[Number(v)] ?? null;
      else if (t === 'inlineStr') value = texts(body);
      else if (t === 'str') value = v === undefined ? null : unescapeXml(v);
      else if (t === 'b') value = v === '1';
      else if (t === 'e') value = v === undefined ? null : unescapeXml(v);
      else if (v !== undefined) value = Number(v);
      while (grid.length <= r) grid.push([]);
      const cells = grid[r];
      while (cells.length < c) cells.push(null);
      cells[c] = value;
      const fmt = styles[Number(attr(m[1], 's') ?? 0)] ?? null;
      if (fmt) {
        while (formats.length <= r) formats.push([]);
        const f = formats[r];
        while (f.length < c) f.push(null);
        f[c] = fmt;
      }
    }
  }
  return { grid, formats };
}

/** Reads every sheet of an .xlsx (values; formulas give their cached result). */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxSheet[]> {
  const list = entries(bytes);
  const get = async (name: string) => {
    const e = list.find((x) => x.name === name);
    return e ? readEntry(bytes, e) : undefined;
  };
  const workbook = await get('xl/workbook.xml');
  if (!workbook) throw new Error('文件不是有效的 Excel 工作簿（缺少 xl/workbook.xml）');
  const rels = (await get('xl/_rels/workbook.xml.rels')) ?? '';
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\s[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const t = attr(m[0], 'Target');
    if (id && t) target.set(id, t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  const sharedXml = (await get('xl/sharedStrings.xml')) ?? '';
  const shared = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]));
  const styles = styleFormats((await get('xl/styles.xml')) ?? '');
  const out: XlsxSheet[] = [];
  for (const m of workbook.matchAll(/<sheet\s[^>]*>/g)) {
    const name = attr(m[0], 'name') ?? '';
    const rid = attr(m[0], 'r:id');
    const path = rid ? target.get(rid) : undefined;
    const xml = path ? await get(path) : undefined;
    const parsed = xml ? parseSheet(xml, shared, styles) : { grid: [], formats: [] };
    out.push(parsed.formats.length ? { name, ...parsed } : { name, grid: parsed.grid });
  }
  return out;
}

/** Base64 of bytes (chunked: String.fromCharCode over a whole report would overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
