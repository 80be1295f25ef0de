/**
 * The regex-based .xlsx reader the product used until the streaming reader replaced it (server/xlsx/ooxml-reader.ts),
 * kept only as the reader benchmark's baseline (bench/reader.ts): it is wrong on many real files (see issue 10).
 */
import { StringDecoder } from 'node:string_decoder';
import yauzl from 'yauzl';
import type { Cell, Grid, SheetInput } from '../../shared';
import { fillMerged, type Area } from '../../shared/grid';

const ENTITY_RE = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// OOXML escapes control characters in strings as _xHHHH_.
const OOXML_ESCAPE_RE = /_x([0-9A-Fa-f]{4})_/g;

/** Decodes XML entities (and OOXML's _xHHHH_ escapes) in text content. */
export function decodeXml(s: string): string {
  if (s.indexOf('&') >= 0)
    s = s.replace(ENTITY_RE, (_, dec, hex, name) =>
      dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : NAMED[name],
    );
  if (s.indexOf('_x') >= 0) s = s.replace(OOXML_ESCAPE_RE, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  return s;
}

/** The value of attribute `name` in a tag's attribute text, or undefined. */
export function attr(tag: string, name: string): string | undefined {
  const i = tag.indexOf(` ${name}="`);
  if (i < 0) return undefined;
  const start = i + name.length + 3;
  return tag.slice(start, tag.indexOf('"', start));
}

const T_RE = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
const RPH_RE = /<rPh\b[\s\S]*?<\/rPh>/g;

/** The text of a string item (<si> or <is>): its <t> runs joined, phonetic guides (<rPh>) left out. */
export function runText(xml: string): string {
  if (xml.indexOf('<rPh') >= 0) xml = xml.replace(RPH_RE, '');
  let out = '';
  T_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = T_RE.exec(xml))) if (m[1]) out += m[1];
  return decodeXml(out);
}

/** Limits against hostile files, enforced on the bytes actually inflated. */
export interface OoxmlLimits {
  maxCells: number;
  maxUncompressed: number;
}

/** Raised when a limit is passed (the server answers 413). */
export class LimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LimitError';
  }
}

function open(input: string | Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    const cb = (err: Error | null, zip?: yauzl.ZipFile) => (err || !zip ? reject(err ?? new Error('zip')) : resolve(zip));
    if (typeof input === 'string') yauzl.open(input, { lazyEntries: true, autoClose: false }, cb);
    else yauzl.fromBuffer(input, { lazyEntries: true }, cb);
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const map = new Map<string, yauzl.Entry>();
    zip.on('entry', (e: yauzl.Entry) => {
      map.set(e.fileName.replace(/^\//, ''), e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(map));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Streams an entry as text chunks, UTF-8 decoded across chunk boundaries, counting inflated bytes. */
async function* textChunks(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: { left: number }): AsyncGenerator<string> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error('zip entry')) : resolve(s))),
  );
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    budget.left -= chunk.length;
    if (budget.left < 0) {
      (stream as unknown as { destroy(): void }).destroy();
      throw new LimitError('解压后的数据量超过上限');
    }
    yield decoder.write(chunk);
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

async function readText(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined, budget: { left: number }): Promise<string> {
  if (!entry) return '';
  let s = '';
  for await (const t of textChunks(zip, entry, budget)) s += t;
  return s;
}

/** Column letters of a cell reference (`AB12` → 27). */
function colOfRef(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const ROW_RE = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL_RE = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const V_RE = /<v>([\s\S]*?)<\/v>/;

function cellValue(attrs: string, inner: string | undefined, shared: string[]): Cell {
  if (!inner) return null;
  const t = attr(attrs, 't');
  if (t === 'inlineStr') return runText(inner);
  const v = V_RE.exec(inner)?.[1];
  if (v === undefined) return null;
  switch (t) {
    case 's':
      return shared[Number(v)] ?? null;
    case 'str':
      return decodeXml(v);
    case 'b':
      return v === '1';
    case 'e':
      return decodeXml(v);
    case 'd':
      return decodeXml(v);
    default: {
      const n = Number(v);
      return Number.isFinite(n) ? n : decodeXml(v);
    }
  }
}

/** Parses complete <row> elements of `xml` into `grid`; returns the count of cells read. */
function parseRows(xml: string, grid: Grid, shared: string[], state: { nextRow: number }): number {
  let cells = 0;
  ROW_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ROW_RE.exec(xml))) {
    const r = attr(m[1], 'r');
    const rowNo = r ? Number(r) : state.nextRow;
    state.nextRow = rowNo + 1;
    const row: Cell[] = [];
    const body = m[2];
    if (body) {
      CELL_RE.lastIndex = 0;
      let c: RegExpExecArray | null;
      let nextCol = 0;
      while ((c = CELL_RE.exec(body))) {
        const ref = attr(c[1], 'r');
        const col = ref ? colOfRef(ref) : nextCol;
        nextCol = col + 1;
        const v = cellValue(c[1], c[2], shared);
        if (v !== null) row[col] = v;
        cells++;
      }
      for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
    }
    grid[rowNo - 1] = row;
  }
  return cells;
}

const MERGE_RE = /<mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;

/** The merged ranges of a sheet's XML tail (<mergeCells> follow <sheetData>). */
function* mergedAreas(xml: string): Generator<Area> {
  MERGE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MERGE_RE.exec(xml))) yield { r0: Number(m[2]) - 1, c0: colOfRef(m[1]), r1: Number(m[4]) - 1, c1: colOfRef(m[3]) };
}

/** Reads every worksheet (in tab order) into grids. Throws LimitError past the limits, Error on broken files. */
export async function readOoxml(input: string | Buffer, limits: OoxmlLimits): Promise<SheetInput[]> {
  const zip = await open(input);
  try {
    const entries = await listEntries(zip);
    const budget = { left: limits.maxUncompressed };
    const wbXml = await readText(zip, entries.get('xl/workbook.xml'), budget);
    if (!wbXml) throw new Error('缺少 xl/workbook.xml');
    const relsXml = await readText(zip, entries.get('xl/_rels/workbook.xml.rels'), budget);
    const targets = new Map<string, string>();
    for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = attr(m[0], 'Id');
      const target = attr(m[0], 'Target');
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
    const shared: string[] = [];
    const ssXml = await readText(zip, entries.get('xl/sharedStrings.xml'), budget);
    for (const m of ssXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(m[1] ? runText(m[1]) : '');

    const out: SheetInput[] = [];
    let cells = 0;
    for (const m of wbXml.matchAll(/<sheet\b[^>]*\/?>/g)) {
      const name = decodeXml(attr(m[0], 'name') ?? `Sheet${out.length + 1}`);
      const rid = attr(m[0], 'r:id');
      const path = rid ? targets.get(rid) : undefined;
      const entry = path ? entries.get(path) : undefined;
      if (!entry) continue; // chart sheets and dialog sheets have no cell grid
      const grid: Grid = [];
      const state = { nextRow: 1 };
      let buf = '';
      for await (const chunk of textChunks(zip, entry, budget)) {
        buf += chunk;
        const end = buf.lastIndexOf('</row>');
        if (end < 0) continue;
        cells += parseRows(buf.slice(0, end + 6), grid, shared, state);
        buf = buf.slice(end + 6);
        if (cells > limits.maxCells) throw new LimitError(`单元格数量超过上限（${limits.maxCells.toLocaleString()}）`);
      }
      cells += parseRows(buf, grid, shared, state); // rows written as <row/> after the last full row
      for (let r = 0; r < grid.length; r++) if (!grid[r]) grid[r] = [];
      try {
        cells += fillMerged(grid, mergedAreas(buf), limits.maxCells - cells);
      } catch (e) {
        if (e instanceof RangeError) throw new LimitError(e.message);
        throw e;
      }
      out.push({ sheet: name, grid });
    }
    return out;
  } finally {
    zip.close();
  }
}
