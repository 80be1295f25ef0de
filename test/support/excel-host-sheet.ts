/** Worksheet-level proxies of the Excel stand-in: worksheet, notes, tables, charts, freeze panes. */
import { ClientObject, Ctx, officeError, SheetRef, wire } from './excel-host-core';
import { colIndex, parseRect, rectAddress, SheetModel } from './excel-host-model';
import { RangeAreasProxy, RangeProxy } from './excel-host-range';

/** Excel.Note (ExcelApi 1.18). */
class NoteProxy extends ClientObject {
  constructor(ctx: Ctx, private sheetRef: SheetRef, private address: string, nullable: boolean) {
    super(ctx);
    if (nullable) this.settleNull(() => this.find() !== undefined);
  }
  private find(): string | undefined { return this.sheetRef().notes.get(this.address); }
  protected snapshot(props: string[]): Record<string, unknown> {
    const content = this.find();
    if (content === undefined && !this.nullObjectLookup()) throw officeError('ItemNotFound', `单元格 ${this.address} 没有备注`);
    return props.includes('content') && content !== undefined ? { content } : {};
  }
  private nullObjectLookup(): boolean { return 'isNullObject' in this.loaded; }
  get content(): string { return this.get('content') as string; }
  delete(): void {
    this.ctx.enqueue(() => {
      const sheet = this.sheetRef();
      if (!sheet.notes.delete(this.address)) throw officeError('ItemNotFound', `单元格 ${this.address} 没有批注`);
      this.ctx.stats.log.push(`delnote ${sheet.name}!${this.address}`);
      return 0;
    });
  }
}

/** Worksheet.notes. */
class NoteCollectionProxy {
  constructor(private ctx: Ctx, private sheetRef: SheetRef) {}
  add(cellAddress: string, content: string): NoteProxy {
    this.ctx.requireSet('1.18');
    const address = rectAddress(parseRect(cellAddress));
    this.ctx.enqueue(() => {
      if (address.includes(':')) throw officeError('InvalidCellAddress', `备注只能加在单个单元格上：${cellAddress}`);
      const sheet = this.sheetRef();
      if (sheet.notes.has(address)) throw officeError('InvalidOperation', `单元格 ${address} 已有备注`);
      sheet.notes.set(address, content);
      this.ctx.stats.log.push(`note ${sheet.name}!${address}`);
      return 0;
    }, wire(content));
    return new NoteProxy(this.ctx, this.sheetRef, address, true);
  }
  getItemOrNullObject(key: string): NoteProxy {
    this.ctx.requireSet('1.18');
    return new NoteProxy(this.ctx, this.sheetRef, rectAddress(parseRect(key)), true);
  }
  getItem(key: string): NoteProxy {
    this.ctx.requireSet('1.18');
    return new NoteProxy(this.ctx, this.sheetRef, rectAddress(parseRect(key)), false);
  }
}

/** Excel.Table. */
class TableProxy extends ClientObject {
  constructor(ctx: Ctx, private find: () => { name: string; address: string; style?: string }) { super(ctx); }
  protected snapshot(): Record<string, unknown> { const t = this.find(); return { name: t.name, style: t.style }; }
  set name(n: string) { this.ctx.enqueue(() => { this.find().name = n; return 0; }); }
  get name(): string { return this.get('name') as string; }
  set style(s: string) { this.ctx.enqueue(() => { this.find().style = s; return 0; }); }
  set showFilterButton(_b: boolean) { /* on by default */ }
}

/** Worksheet.tables. */
class TableCollectionProxy extends ClientObject {
  private itemsList: TableProxy[] = [];
  constructor(ctx: Ctx, private sheetRef: SheetRef) { super(ctx); }
  protected snapshot(): Record<string, unknown> {
    const sheet = this.sheetRef();
    this.itemsList = sheet.tables.map((t) => new TableProxy(this.ctx, () => t));
    for (const t of this.itemsList) (t as unknown as { loaded: Record<string, unknown> }).loaded = { name: sheet.tables[this.itemsList.indexOf(t)].name };
    return { items: true };
  }
  get items(): TableProxy[] { this.get('items'); return this.itemsList; }
  add(address: string, hasHeaders: boolean): TableProxy {
    const rect = parseRect(address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address);
    let model: { name: string; address: string; style?: string } | undefined;
    this.ctx.enqueue(() => {
      // TableCollection.add (@types/office-js): "If the address does not contain a sheet name, the currently-active
      // sheet is used" — even through a worksheet's own `tables`; a qualified address names its sheet.
      const named = address.includes('!') ? address.slice(0, address.lastIndexOf('!')).replace(/^'(.*)'$/, '$1').replace(/''/g, "'") : null;
      const sheet = named !== null ? this.ctx.model.sheet(named) : this.ctx.model.sheet(this.ctx.model.active);
      if (!sheet) throw officeError('ItemNotFound', `没有工作表 ${named ?? this.ctx.model.active}`);
      const clash = sheet.tables.find((t) => {
        const o = parseRect(t.address);
        return !(o.r1 < rect.r0 || o.r0 > rect.r1 || o.c1 < rect.c0 || o.c0 > rect.c1);
      });
      if (clash) throw officeError('InvalidOperation', `区域与表 ${clash.name} 重叠`);
      if (!hasHeaders) throw officeError('InvalidArgument', '替身只支持带标题的表');
      model = { name: `表${sheet.tables.length + 1}`, address: rectAddress(rect) };
      sheet.tables.push(model);
      this.ctx.stats.log.push(`table ${sheet.name}!${model.address}`);
      return 0;
    });
    return new TableProxy(this.ctx, () => model!);
  }
}

/** Excel.Chart (only what a chart of two series needs). */
class ChartProxy {
  readonly title: { text: string };
  constructor(ctx: Ctx, find: () => { title?: string; name: string }) {
    this.title = { set text(t: string) { ctx.enqueue(() => { find().title = t; return 0; }); }, get text() { return find().title ?? ''; } };
  }
  setPosition(_start: unknown, _end?: unknown): void { /* layout only */ }
  set name(_n: string) { /* names are assigned at add */ }
  readonly legend = { set position(_p: string) { /* layout */ }, set visible(_v: boolean) { /* layout */ } };
}

/** Worksheet.charts. */
class ChartCollectionProxy {
  constructor(private ctx: Ctx, private sheetRef: SheetRef) {}
  add(type: string, source: RangeProxy, _seriesBy?: string): ChartProxy {
    let model: { name: string; type: string; source: string; title?: string } | undefined;
    this.ctx.enqueue(() => {
      const sheet = this.sheetRef();
      model = { name: `图表 ${sheet.charts.length + 1}`, type, source: `${source.sheetName()}!${rectAddress(source.rect)}` };
      sheet.charts.push(model);
      this.ctx.stats.log.push(`chart ${sheet.name} ${type} ${model.source}`);
      return 0;
    });
    return new ChartProxy(this.ctx, () => model!);
  }
}

/** Excel.Worksheet. */
export class WorksheetProxy extends ClientObject {
  readonly notes: NoteCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly freezePanes: { freezeRows(n: number): void; unfreeze(): void };
  constructor(ctx: Ctx, public sheetRef: SheetRef, nullable = false) {
    super(ctx);
    if (nullable) {
      this.nullObject = true;
      this.settleNull(() => { try { sheetRef(); return true; } catch { return false; } });
    }
    this.notes = new NoteCollectionProxy(ctx, sheetRef);
    this.tables = new TableCollectionProxy(ctx, sheetRef);
    this.charts = new ChartCollectionProxy(ctx, sheetRef);
    this.freezePanes = {
      freezeRows: (n: number) => ctx.enqueue(() => { sheetRef().frozenRows = n; return 0; }),
      unfreeze: () => ctx.enqueue(() => { sheetRef().frozenRows = 0; return 0; }),
    };
  }
  protected snapshot(props: string[]): Record<string, unknown> {
    let sheet: SheetModel | undefined;
    try { sheet = this.sheetRef(); } catch (err) { if (!this.nullObject) throw err; }
    if (!sheet) return {};
    const out: Record<string, unknown> = {};
    for (const p of props.length ? props : ['name', 'id', 'visibility']) {
      if (p === 'name') out.name = sheet.name;
      else if (p === 'id') out.id = sheet.id;
      else if (p === 'visibility') out.visibility = sheet.visibility;
      else if (p === 'position') out.position = this.ctx.model.sheets.indexOf(sheet);
    }
    return out;
  }
  get name(): string { return this.get('name') as string; }
  set name(n: string) { this.ctx.enqueue(() => { this.sheetRef().name = n; return 0; }); }
  get id(): string { return this.get('id') as string; }
  get visibility(): string { return this.get('visibility') as string; }
  getRange(address = ''): RangeProxy {
    return new RangeProxy(this.ctx, this.sheetRef, parseRect(address || 'A1:XFD1048576'));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, this.sheetRef, { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 });
  }
  getRanges(address: string): RangeAreasProxy {
    if (address.length > 8192) throw officeError('InvalidArgument', 'RangeAreas 地址过长');
    return new RangeAreasProxy(this.ctx, this.sheetRef, address);
  }
  /** Used range (values only when asked); a null object on an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    const proxy = new RangeProxy(this.ctx, this.sheetRef, { r0: 0, c0: 0, r1: -1, c1: -1 }, true);
    // the rectangle is only known at sync: resolve it in the queue, before any load queued after this call
    this.ctx.enqueue(() => {
      const sheet = this.sheetRef();
      const u = sheet.usedValues();
      if (!valuesOnly) {
        // formats count as "used" too; the stand-in keeps both views equal except for blank formatted cells
      }
      Object.assign(proxy.rect, u ?? { r0: 0, c0: 0, r1: -1, c1: -1 });
      return 0;
    });
    proxy.settleNull(() => proxy.rect.r1 >= 0);
    return proxy;
  }
  activate(): void { this.ctx.enqueue(() => { this.ctx.model.active = this.sheetRef().name; return 0; }); }
  delete(): void {
    this.ctx.enqueue(() => {
      const sheet = this.sheetRef();
      const m = this.ctx.model;
      m.sheets = m.sheets.filter((s) => s !== sheet);
      if (m.active === sheet.name) m.active = m.sheets[0]?.name ?? '';
      this.ctx.stats.log.push(`delsheet ${sheet.name}`);
      return 0;
    });
  }
}

/** Column letters used by tests. */
export const letterIndex = colIndex;
