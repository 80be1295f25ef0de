/** A small .xlsx reader for the pane (values only): unzips with the platform's DecompressionStream and reads
 *  workbook, shared strings and sheets. Enough to chart the report and to write it where Excel cannot insert it. */
import { colIndex } from '../../shared/a1';
import type { Cell, Grid } from '../../shared/types';

/** One sheet of a workbook file. */
export interface XlsxSheet { name: string; grid: Grid }

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

function parseSheet(xml: string, shared: string[]): Grid {
  const grid: Grid = [];
  for (const m of xml.matchAll(/<c(\s[^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const ref = attr(m[1], 'r');
    if (!ref) continue;
    const rc = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!rc) continue;
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
    const r = Number(rc[2]) - 1;
    const c = colIndex(rc[1]);
    while (grid.length <= r) grid.push([]);
    const row = grid[r];
    while (row.length < c) row.push(null);
    row[c] = value;
  }
  return grid;
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
  const out: XlsxSheet[] = [];
  for (const m of workbook.matchAll(/<sheet\s[^>]*>/g)) {
    const name = attr(m[0], 'name') ?? '';
    const rid = attr(m[0], 'r:id');
    const path = rid ? target.get(rid) : undefined;
    const xml = path ? await get(path) : undefined;
    out.push({ name, grid: xml ? parseSheet(xml, shared) : [] });
  }
  return out;
}

/** Base64 of bytes (chunked: String.fromCharCode over a whole report would overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
