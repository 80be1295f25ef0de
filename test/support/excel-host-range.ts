/** Range and RangeAreas of the Excel stand-in: values, number formats, fills, cell properties, validation. */
import { ClientObject, ClientResult, Ctx, officeError, SheetRef, wire } from './excel-host-core';
import { parseRect, Rect, rectAddress, SheetModel, Value } from './excel-host-model';

/** getMergedAreasOrNullObject answers for at most this many merged areas. */
export const MERGED_AREAS_LIMIT = 512;

/** Quotes a sheet name for an address when Excel would. */
function qualified(sheet: string, address: string): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${address}`;
}

function forEachCell(rect: Rect, fn: (r: number, c: number, i: number, j: number) => void): void {
  for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) fn(r, c, r - rect.r0, c - rect.c0);
}

/** Fill of a range or of range areas. */
class Fill {
  constructor(private ctx: Ctx, private targets: () => { sheet: SheetModel; rects: Rect[] }, private label: string) {}
  set color(color: string) {
    this.ctx.enqueue(() => {
      const { sheet, rects } = this.targets();
      // setting the colour gives a plain solid fill: no pattern colour, no tint
      for (const rect of rects) forEachCell(rect, (r, c) => { sheet.cell(r, c, true)!.fill = { color: color.toUpperCase(), pattern: 'Solid' }; });
      this.ctx.stats.log.push(`fill ${sheet.name}!${this.label} ${color.toUpperCase()}`);
      return 0;
    }, wire(color));
  }
  clear(): void {
    this.ctx.enqueue(() => {
      const { sheet, rects } = this.targets();
      for (const rect of rects) forEachCell(rect, (r, c) => { const cell = sheet.cell(r, c); if (cell) cell.fill = { color: '#FFFFFF', pattern: 'None' }; });
      this.ctx.stats.log.push(`clearfill ${sheet.name}!${this.label}`);
      return 0;
    });
  }
}

/** Range.format / RangeAreas.format. */
class Format {
  readonly fill: Fill;
  readonly font: { bold: boolean; color: string };
  constructor(private ctx: Ctx, private targets: () => { sheet: SheetModel; rects: Rect[] }, label: string) {
    this.fill = new Fill(ctx, targets, label);
    const self = this;
    this.font = {
      set bold(b: boolean) { self.each((cell) => { cell.bold = b; }); },
      get bold(): boolean { throw officeError('PropertyNotLoaded', 'font.bold'); },
      set color(_c: string) { /* colour of text is cosmetic here */ },
      get color(): string { throw officeError('PropertyNotLoaded', 'font.color'); },
    };
  }
  private each(fn: (cell: NonNullable<ReturnType<SheetModel['cell']>>) => void): void {
    this.ctx.enqueue(() => {
      const { sheet, rects } = this.targets();
      for (const rect of rects) forEachCell(rect, (r, c) => fn(sheet.cell(r, c, true)!));
      return 0;
    });
  }
  set columnWidth(w: number) {
    this.ctx.enqueue(() => {
      const { sheet, rects } = this.targets();
      for (const rect of rects) for (let c = rect.c0; c <= rect.c1; c++) sheet.colWidths.set(c, w);
      return 0;
    });
  }
  set wrapText(_w: boolean) { /* layout only */ }
  set horizontalAlignment(_a: string) { /* layout only */ }
  set verticalAlignment(_a: string) { /* layout only */ }
  autofitColumns(): void {
    this.ctx.enqueue(() => {
      const { sheet, rects } = this.targets();
      for (const rect of rects) for (let c = rect.c0; c <= rect.c1; c++) sheet.colWidths.set(c, -1); // -1: autofit
      return 0;
    });
  }
}

/** Excel.Range over one rectangle of one sheet. */
export class RangeProxy extends ClientObject {
  readonly format: Format;
  readonly dataValidation: { clear(): void; rule: unknown; errorAlert: unknown; prompt: unknown };
  promptSet: unknown;
  constructor(ctx: Ctx, private sheetRef: SheetRef, public rect: Rect, public nullable = false) {
    super(ctx);
    this.format = new Format(ctx, () => ({ sheet: sheetRef(), rects: [rect] }), rectAddress(rect));
    const self = this;
    this.dataValidation = {
      set errorAlert(_a: unknown) { /* message texts only */ },
      set prompt(p: unknown) { ctx.enqueue(() => { self.promptSet = p; return 0; }, wire(p)); },
      clear() { ctx.enqueue(() => { const s = sheetRef(); s.validations = s.validations.filter((v) => v.address !== rectAddress(rect)); return 0; }); },
      set rule(rule: unknown) {
        const source = (rule as { list?: { source: string } }).list?.source;
        ctx.enqueue(() => {
          const list = (rule as { list?: { source: string } }).list;
          if (!list) throw officeError('InvalidArgument', '替身只支持列表校验');
          // A list's source is at most 255 characters (Excel's data-validation limit; past it Excel refuses the rule).
          if (list.source.length > 255) throw officeError('InvalidArgument', `列表来源超过 255 个字符（${list.source.length}）`);
          const s = sheetRef();
          s.validations.push({ address: rectAddress(rect), source: list.source });
          return 0;
        }, wire(source));
      },
      get rule(): unknown { return self.get('rule'); },
    };
  }
  protected snapshot(props: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (this.nullable && this.rect.r1 < 0) return out; // loading a null object yields nothing
    const sheet = this.sheetRef();
    const rect = this.rect;
    for (const p of props.length ? props : ['address', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'values']) {
      if (p === 'values') {
        const grid: Value[][] = [];
        for (let r = rect.r0; r <= rect.r1; r++) {
          const row: Value[] = [];
          for (let c = rect.c0; c <= rect.c1; c++) row.push(sheet.value(r, c));
          grid.push(row);
        }
        out.values = grid;
        this.ctx.stats.log.push(`read ${sheet.name}!${rectAddress(rect)}`);
      } else if (p === 'numberFormat') {
        out.numberFormat = this.map(sheet, (cell) => cell?.numberFormat ?? 'General');
      } else if (p === 'formulas') {
        out.formulas = this.map(sheet, (cell) => cell?.formula ?? cell?.value ?? '');
      } else if (p === 'address') out.address = qualified(sheet.name, rectAddress(rect));
      else if (p === 'rowCount') out.rowCount = rect.r1 - rect.r0 + 1;
      else if (p === 'columnCount') out.columnCount = rect.c1 - rect.c0 + 1;
      else if (p === 'rowIndex') out.rowIndex = rect.r0;
      else if (p === 'columnIndex') out.columnIndex = rect.c0;
      else throw officeError('InvalidArgument', `替身不支持加载 Range.${p}`);
    }
    return out;
  }
  private map<T>(sheet: SheetModel, fn: (cell: ReturnType<SheetModel['cell']>) => T): T[][] {
    const out: T[][] = [];
    for (let r = this.rect.r0; r <= this.rect.r1; r++) {
      const row: T[] = [];
      for (let c = this.rect.c0; c <= this.rect.c1; c++) row.push(fn(sheet.cell(r, c)));
      out.push(row);
    }
    return out;
  }
  private checkShape(v: unknown[][], what: string): void {
    const rows = this.rect.r1 - this.rect.r0 + 1, cols = this.rect.c1 - this.rect.c0 + 1;
    if (v.length !== rows || v.some((row) => row.length !== cols)) {
      throw officeError('InvalidArgument', `${what} 的行列数与区域 ${rectAddress(this.rect)} 不一致`);
    }
  }
  get values(): Value[][] { return this.get('values') as Value[][]; }
  set values(v: Value[][]) {
    this.ctx.enqueue(() => {
      this.checkShape(v, 'values');
      const sheet = this.sheetRef();
      forEachCell(this.rect, (r, c, i, j) => sheet.enter(r, c, v[i][j]));
      this.ctx.stats.log.push(`write ${sheet.name}!${rectAddress(this.rect)}`);
      return 0;
    }, wire(v));
  }
  get formulas(): Value[][] { return this.get('formulas') as Value[][]; }
  set formulas(v: Value[][]) {
    this.ctx.enqueue(() => {
      this.checkShape(v, 'formulas');
      const sheet = this.sheetRef();
      forEachCell(this.rect, (r, c, i, j) => sheet.enterFormula(r, c, v[i][j]));
      this.ctx.stats.log.push(`write ${sheet.name}!${rectAddress(this.rect)}`);
      return 0;
    }, wire(v));
  }
  get numberFormat(): string[][] { return this.get('numberFormat') as string[][]; }
  set numberFormat(v: string[][]) {
    this.ctx.enqueue(() => {
      this.checkShape(v, 'numberFormat');
      const sheet = this.sheetRef();
      forEachCell(this.rect, (r, c, i, j) => { sheet.cell(r, c, true)!.numberFormat = v[i][j]; });
      return 0;
    }, wire(v));
  }
  get address(): string { return this.get('address') as string; }
  get rowCount(): number { return this.get('rowCount') as number; }
  get columnCount(): number { return this.get('columnCount') as number; }
  get rowIndex(): number { return this.get('rowIndex') as number; }
  get columnIndex(): number { return this.get('columnIndex') as number; }
  /** getCellProperties: fill colour/pattern per cell, shaped like CellProperties[][]. */
  getCellProperties(_opts: unknown): ClientResult<unknown[][]> {
    const result = new ClientResult<unknown[][]>();
    this.ctx.enqueue(() => {
      const sheet = this.sheetRef();
      // No Fill comes back as white with a null pattern, not as pattern 'None' (OfficeDev/office-js #4900, #6218);
      // a patterned or tinted fill comes back with its pattern, pattern colour and tint.
      const v = this.map(sheet, (cell) => {
        const f = cell?.fill ?? { color: '#FFFFFF', pattern: 'None' };
        return f.pattern === 'None'
          ? { format: { fill: { color: '#FFFFFF', pattern: null, patternColor: null, tintAndShade: 0 } } }
          : { format: { fill: { color: f.color, pattern: f.pattern, patternColor: f.patternColor ?? null, tintAndShade: f.tintAndShade ?? 0 } } };
      });
      result.set(v);
      return wire(v);
    });
    return result;
  }
  /** setCellProperties: restores fills cell by cell. */
  setCellProperties(v: { format?: { fill?: { color?: string; pattern?: string; patternColor?: string; tintAndShade?: number } } }[][]): void {
    this.ctx.enqueue(() => {
      this.checkShape(v, 'cellProperties');
      const sheet = this.sheetRef();
      forEachCell(this.rect, (r, c, i, j) => {
        const fill = v[i][j]?.format?.fill;
        if (!fill) return;
        const cell = sheet.cell(r, c, true)!;
        const next = { ...cell.fill };
        if (fill.color !== undefined) { next.color = fill.color.toUpperCase(); if (next.pattern === 'None') next.pattern = 'Solid'; }
        if (fill.pattern !== undefined) next.pattern = fill.pattern;
        if (fill.patternColor !== undefined) next.patternColor = fill.patternColor.toUpperCase();
        if (fill.tintAndShade !== undefined) next.tintAndShade = fill.tintAndShade;
        cell.fill = next;
      });
      return 0;
    }, wire(v));
  }
  /** Selects the range (and activates its sheet). */
  select(): void {
    this.ctx.enqueue(() => {
      const sheet = this.sheetRef();
      this.ctx.model.active = sheet.name;
      this.ctx.model.selection = { sheet: sheet.name, address: rectAddress(this.rect) };
      return 0;
    });
  }
  /** Sheet name this range lives on (for collections built on ranges). */
  sheetName(): string { return this.sheetRef().name; }
  /** The merged areas touching this range (ExcelApi 1.13); a null object when there are none. */
  getMergedAreasOrNullObject(): MergedAreasProxy {
    this.ctx.requireSet('1.13');
    const proxy = new MergedAreasProxy(this.ctx, this.sheetRef);
    this.ctx.enqueue(() => {
      const r = this.rect;
      proxy.rects = this.sheetRef().merges.filter((m) => !(m.r1 < r.r0 || m.r0 > r.r1 || m.c1 < r.c0 || m.c0 > r.c1));
      // @types/office-js, Range.getMergedAreasOrNullObject: "if the merged areas count in this range is more than
      // 512, then this method will fail to return the result" (the error code is not documented).
      if (proxy.rects.length > MERGED_AREAS_LIMIT) throw officeError('GeneralException', `区域内的合并区域超过 ${MERGED_AREAS_LIMIT} 个`);
      return 0;
    });
    proxy.settleNull(() => proxy.rects.length > 0);
    return proxy;
  }
}

/** The RangeAreas answered by getMergedAreasOrNullObject: `address` lists the areas, sheet-qualified, comma-separated. */
export class MergedAreasProxy extends ClientObject {
  rects: Rect[] = [];
  constructor(ctx: Ctx, private sheetRef: SheetRef) {
    super(ctx);
  }
  protected snapshot(props: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (!this.rects.length) return out; // loading a null object yields nothing
    const sheet = this.sheetRef();
    for (const p of props) {
      if (p === 'address') out.address = this.rects.map((r) => qualified(sheet.name, rectAddress(r))).join(',');
      else if (p === 'areaCount') out.areaCount = this.rects.length;
      else throw officeError('InvalidArgument', `替身不支持加载 RangeAreas.${p}`);
    }
    return out;
  }
  get address(): string { return this.get('address') as string; }
  get areaCount(): number { return this.get('areaCount') as number; }
}

/** Excel.RangeAreas: several rectangles of one sheet (getRanges("A1:A5, C3")). */
export class RangeAreasProxy extends ClientObject {
  readonly format: Format;
  readonly rects: Rect[];
  constructor(ctx: Ctx, sheetRef: SheetRef, address: string) {
    super(ctx);
    this.rects = address.split(',').map((a) => parseRect(a));
    const label = this.rects.map(rectAddress).join(',');
    this.format = new Format(ctx, () => ({ sheet: sheetRef(), rects: this.rects }), label);
  }
  protected snapshot(props: string[]): Record<string, unknown> {
    return props.includes('areaCount') ? { areaCount: this.rects.length } : {};
  }
}
