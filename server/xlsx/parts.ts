/**
 * The parts of a package around its worksheets, found through the relationships (ECMA-376 Part 2): the workbook
 * (sheet names and ids, the 1904 date system), shared strings, and the styles' date formats; with the text helpers
 * strings and cells share (runs without phonetic guides, `_xHHHH_` escapes, Excel's text limit).
 */
import { isDateFormat } from './dates';
import { BrokenFileError, EXCEL, LimitError } from './errors';
import { parsePart, type XmlHandler } from './xml-stream';
import type { Package } from './zip';

interface Rel {
  type: string;
  target: string;
}

/** `Target` of a relationship resolved against the part that holds it (ECMA-376 Part 2, 9.3). */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    /* keep as written */
  }
  const base = t.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export async function readRels(pkg: Package, part: string): Promise<Map<string, Rel>> {
  const rels = new Map<string, Rel>();
  const path = relsPathOf(part);
  if (!pkg.has(path)) return rels;
  await parsePart(pkg, path, {
    wantText: false,
    open(name, a) {
      if (name !== 'Relationship' || a.get('TargetMode') === 'External') return;
      const id = a.get('Id');
      const target = a.get('Target');
      if (id && target) rels.set(id, { type: a.get('Type') ?? '', target: resolveTarget(part, target) });
    },
    close() {},
    text() {},
  });
  return rels;
}

export function byType(rels: Map<string, Rel>, type: string): string | undefined {
  for (const r of rels.values()) if (r.type.endsWith(`/${type}`)) return r.target;
  return undefined;
}

/** The parts of other Office documents, to say what a renamed file really is. */
const NOT_EXCEL: [string, string][] = [
  ['word/document.xml', 'Word 文档（.docx）'],
  ['ppt/presentation.xml', 'PowerPoint 演示文稿（.pptx）'],
];

export async function workbookPart(pkg: Package): Promise<string> {
  const root = await readRels(pkg, '');
  const found = byType(root, 'officeDocument');
  if (found && pkg.has(found)) return found;
  if (pkg.has('xl/workbook.xml')) return 'xl/workbook.xml';
  for (const [part, what] of NOT_EXCEL) if (pkg.has(part)) throw new BrokenFileError(`是 ${what}，不是 Excel 工作簿`);
  throw new BrokenFileError('不是 Excel 工作簿（缺少工作簿部件 xl/workbook.xml）');
}

interface SheetRef {
  name: string;
  rid: string | undefined;
}

export async function readWorkbookPart(pkg: Package, part: string): Promise<{ sheets: SheetRef[]; date1904: boolean }> {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  await parsePart(pkg, part, {
    wantText: false,
    open(name, a) {
      if (name === 'sheet') sheets.push({ name: a.get('name') ?? `Sheet${sheets.length + 1}`, rid: a.any('id') });
      else if (name === 'workbookPr') date1904 = /^(1|true|on)$/i.test(a.get('date1904') ?? '');
    },
    close() {},
    text() {},
  });
  return { sheets, date1904 };
}

/** For each cell style (`s`), whether its number format shows a date. */
export async function readDateStyles(pkg: Package, part: string | undefined): Promise<boolean[]> {
  if (!part || !pkg.has(part)) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inXfs = false;
  await parsePart(pkg, part, {
    wantText: false,
    open(name, a) {
      const code = name === 'numFmt' ? a.get('formatCode') : undefined;
      if (code !== undefined) custom.set(Number(a.get('numFmtId')), code);
      else if (name === 'cellXfs') inXfs = true;
      else if (name === 'xf' && inXfs) xfFormats.push(Number(a.get('numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inXfs = false;
    },
    text() {},
  });
  return xfFormats.map((id) => isDateFormat(id, custom));
}

const ESCAPE_RE = /_x([0-9A-Fa-f]{4})_/g;

/** OOXML's `_xHHHH_` escapes of characters XML cannot hold (`_x000D_` is CR; `_x005F_` escapes the underscore). */
export function unescapeOoxml(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(ESCAPE_RE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function textTooLong(where: string): LimitError {
  return new LimitError(`${where}的文本超过 Excel 的上限 ${EXCEL.maxText.toLocaleString()} 个字符，文件可能已损坏`);
}

/** Collects the text of `<t>` runs, phonetic guides (`<rPh>`) left out, bounded by Excel's text limit. */
export class RunText {
  text = '';
  private inT = false;
  private rph = 0;

  open(name: string): boolean {
    if (name === 'rPh') this.rph++;
    else if (name === 't' && this.rph === 0) this.inT = true;
    return this.inT;
  }

  close(name: string): boolean {
    if (name === 'rPh') this.rph--;
    else if (name === 't') this.inT = false;
    return this.inT;
  }

  add(t: string, where: () => string): void {
    if (this.text.length + t.length > EXCEL.maxText) throw textTooLong(where());
    this.text += t;
  }

  reset(): void {
    this.text = '';
    this.inT = false;
    this.rph = 0;
  }
}

export async function readSharedStrings(pkg: Package, part: string | undefined, maxCount: number): Promise<string[]> {
  const out: string[] = [];
  if (!part || !pkg.has(part)) return out;
  const run = new RunText();
  let inSi = false;
  const where = () => `共享字符串第 ${out.length + 1} 项`;
  const h: XmlHandler = {
    wantText: false,
    open(name) {
      if (name === 'si') {
        inSi = true;
        run.reset();
      } else if (inSi) h.wantText = run.open(name);
    },
    close(name) {
      if (name === 'si') {
        inSi = false;
        h.wantText = false;
        if (out.length >= maxCount) throw new LimitError(`共享字符串超过 ${maxCount.toLocaleString()} 个`);
        out.push(unescapeOoxml(run.text));
      } else if (inSi) h.wantText = run.close(name);
    },
    text(t) {
      run.add(t, where);
    },
  };
  await parsePart(pkg, part, h);
  return out;
}

/** A part beside the workbook at its usual name, for packages whose relationships leave it out. */
export function fallback(pkg: Package, wbPart: string, name: string): string | undefined {
  const p = resolveTarget(wbPart, name);
  return pkg.has(p) ? p : undefined;
}
