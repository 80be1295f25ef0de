/** The Excel host stand-in: `Office` and `Excel` globals over an in-memory workbook, faithful to the Office.js
 *  shapes the adapter uses (batched sync, load-before-read, null objects, requirement sets, 5 MB payloads). */
import { ClientObject, ClientResult, Ctx, HostStats, officeError, splitSheet, wire } from './excel-host-core';
import { parseRect, rectAddress, Value, WorkbookModel } from './excel-host-model';
import { WorksheetProxy } from './excel-host-sheet';

export { WorkbookModel } from './excel-host-model';

/** Options of one stand-in host. */
export interface HostOptions {
  /** Highest ExcelApi version the host supports (default 1.18). */
  excelApi?: string;
  /** Office.context.partitionKey (undefined on hosts without partitioned storage). */
  partitionKey?: string;
  platform?: string;
  /**
   * The add-in runs in a shared runtime (manifest <Runtimes>, SharedRuntime 1.1): a function command's runtime is
   * the pane's and does not end when the command completes. Default false: the command has a runtime of its own.
   */
  sharedRuntime?: boolean;
  /**
   * Windows' `extensionHardening` policy set to refuse mismatches: insertWorksheetsFromBase64 throws "This operation
   * is not allowed due to the extension hardening policy." (its @types/office-js description).
   */
  extensionHardening?: boolean;
  /** Decodes an .xlsx (base64) for insertWorksheetsFromBase64. */
  decodeXlsx?: (base64: string) => { name: string; grid: (Value | null | undefined)[][] }[];
}

/** What a test gets back: the model, counters, and what the add-in asked of Office outside Excel.run. */
export interface Host {
  model: WorkbookModel;
  stats: HostStats;
  dialogs: DialogState[];
  actions: Map<string, (event: { completed(): void }) => unknown>;
  /**
   * Runs a ribbon function command as Office does: the handler gets an event, and its promise settles when the
   * add-in calls event.completed(). Without a shared runtime, completing ends the command's runtime: its dialogs
   * close and its event handlers are gone.
   */
  runCommand(name: string): Promise<void>;
  /** False once the command runtime has ended. */
  readonly alive: boolean;
  Office: unknown;
  Excel: unknown;
}

/** A dialog opened with displayDialogAsync, as a test sees it. */
export interface DialogState {
  url: string;
  options: unknown;
  /** Still shown. */
  open: boolean;
  /** The dialog page calls Office.context.ui.messageParent(message) (the user pressed 确定). */
  message(message: string): void;
  /** The user closes the dialog with its own close button (DialogEventReceived, error 12006). */
  dismiss(): void;
}

function versionAtMost(v: string, max: string): boolean {
  const [a, b] = v.split('.').map(Number);
  const [x, y] = max.split('.').map(Number);
  return a < x || (a === x && (b ?? 0) <= (y ?? 0));
}

/** Workbook.comments (ExcelApi 1.10). */
class CommentProxy extends ClientObject {
  constructor(ctx: Ctx, private idOf: () => string | undefined, nullable = false) {
    super(ctx);
    if (nullable) this.settleNull(() => ctx.model.comments.some((x) => x.id === idOf()));
  }
  protected snapshot(): Record<string, unknown> {
    const id = this.idOf();
    const c = this.ctx.model.comments.find((x) => x.id === id);
    return c ? { id: c.id, content: c.content } : {};
  }
  get id(): string { return this.get('id') as string; }
  delete(): void {
    this.ctx.enqueue(() => {
      const id = this.idOf();
      const m = this.ctx.model;
      const c = m.comments.find((x) => x.id === id);
      if (!c) throw officeError('ItemNotFound', `找不到批注 ${id}`);
      m.comments = m.comments.filter((x) => x !== c);
      this.ctx.stats.log.push(`delcomment ${c.address}`);
      return 0;
    });
  }
}

class CommentCollectionProxy extends ClientObject {
  constructor(ctx: Ctx) { super(ctx); }
  protected snapshot(): Record<string, unknown> {
    return { items: this.ctx.model.comments.map((c) => ({ id: c.id, address: c.address })) };
  }
  /** items: comments with id loaded; getLocation() gives their cell. */
  get items(): { id: string; getLocation(): { load(p: string): unknown; address: string } }[] {
    const list = this.get('items') as { id: string; address: string }[];
    return list.map((c) => ({
      id: c.id,
      getLocation: () => {
        const holder = { address: '' };
        let done = false;
        const loc = {
          load: () => { this.ctx.enqueue(() => { holder.address = c.address; done = true; return c.address.length; }); return loc; },
          get address() { if (!done) throw officeError('PropertyNotLoaded', 'address'); return holder.address; },
        };
        return loc;
      },
    }));
  }
  add(cellAddress: string, content: string): CommentProxy {
    this.ctx.requireSet('1.10');
    let id: string | undefined;
    this.ctx.enqueue(() => {
      const { sheet, address } = splitSheet(cellAddress);
      const s = this.ctx.model.mustSheet(sheet);
      const a = rectAddress(parseRect(address));
      const full = `${s.name}!${a}`;
      if (this.ctx.model.comments.some((c) => c.address === full)) throw officeError('InvalidOperation', `${full} 已有批注`);
      id = this.ctx.model.newId();
      this.ctx.model.comments.push({ id, address: full, content });
      this.ctx.stats.log.push(`comment ${full}`);
      return 0;
    }, wire(content));
    return new CommentProxy(this.ctx, () => id);
  }
  getItem(id: string): CommentProxy {
    this.ctx.requireSet('1.10');
    return new CommentProxy(this.ctx, () => id);
  }
  getItemOrNullObject(id: string): CommentProxy {
    this.ctx.requireSet('1.10');
    return new CommentProxy(this.ctx, () => id, true);
  }
}

/** Workbook.worksheets. */
class WorksheetCollectionProxy extends ClientObject {
  constructor(ctx: Ctx) { super(ctx); }
  protected snapshot(props: string[]): Record<string, unknown> {
    const items = this.ctx.model.sheets.map((s) => {
      const w = new WorksheetProxy(this.ctx, () => this.ctx.model.mustSheet(s.name));
      const loaded: Record<string, unknown> = {};
      for (const p of props.length ? props : ['name', 'id', 'visibility']) loaded[p] = (s as unknown as Record<string, unknown>)[p];
      (w as unknown as { loaded: Record<string, unknown> }).loaded = loaded;
      return w;
    });
    return { items };
  }
  get items(): WorksheetProxy[] { return this.get('items') as WorksheetProxy[]; }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.mustSheet(name));
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.mustSheet(name), true);
  }
  getActiveWorksheet(): WorksheetProxy {
    let name = '';
    this.ctx.enqueue(() => { name = this.ctx.model.active; return 0; });
    return new WorksheetProxy(this.ctx, () => this.ctx.model.mustSheet(name));
  }
  add(name: string): WorksheetProxy {
    this.ctx.enqueue(() => { this.ctx.model.addSheet(name); this.ctx.stats.log.push(`addsheet ${name}`); return 0; });
    return new WorksheetProxy(this.ctx, () => this.ctx.model.mustSheet(name));
  }
}

/** Creates a host over `model` and returns the globals plus counters. */
export function createHost(model = new WorkbookModel(), opts: HostOptions = {}): Host {
  const maxApi = opts.excelApi ?? '1.18';
  const stats: HostStats = { syncs: 0, payloads: [], requests: [], responses: [], refused: 0, log: [], leakedTracked: 0 };
  const platform = opts.platform ?? 'OfficeOnline';
  const web = platform === 'OfficeOnline';
  const dialogs: Host['dialogs'] = [];
  const actions: Host['actions'] = new Map();
  // A function command's runtime ends when it calls event.completed() (or times out), unless the add-in uses a
  // shared runtime ("Add-in commands": ExecuteFunction; "Configure your Office Add-in to use a shared runtime").
  // A dialog belongs to the runtime that opened it: when that runtime ends, the dialog closes and its
  // DialogMessageReceived handler is gone, so 确定 can no longer reach the add-in.
  let alive = true;
  const endRuntime = () => {
    if (opts.sharedRuntime) return;
    alive = false;
    for (const d of dialogs) d.open = false;
  };
  const api = (v: string) => versionAtMost(v, maxApi);

  const makeWorkbook = (ctx: Ctx) => ({
    worksheets: new WorksheetCollectionProxy(ctx),
    comments: new CommentCollectionProxy(ctx),
    application: {
      suspendApiCalculationUntilNextSync: () => {
        ctx.enqueue(() => { stats.log.push('suspendcalc'); return 0; });
      },
    },
    insertWorksheetsFromBase64: (base64: string, options?: { sheetNamesToInsert?: string[] }) => {
      ctx.requireSet('1.13');
      const result = new ClientResult<string[]>();
      // Excel on iPad reports ExcelApi 1.13 but has no insertWorksheetsFromBase64: "This API is currently only
      // supported for Office on Windows, Mac, and the web" (@types/office-js, Workbook.insertWorksheetsFromBase64).
      if (platform === 'iOS') ctx.enqueue(() => { throw officeError('ApiNotFound', 'insertWorksheetsFromBase64 在 iPad 上不可用'); });
      if (opts.extensionHardening) ctx.enqueue(() => { throw officeError('InvalidOperation', 'This operation is not allowed due to the extension hardening policy.'); });
      ctx.enqueue(() => {
        const sheets = (opts.decodeXlsx?.(base64) ?? []).filter((s) => !options?.sheetNamesToInsert || options.sheetNamesToInsert.includes(s.name));
        const clash = sheets.find((s) => ctx.model.sheet(s.name));
        if (clash) throw officeError('InvalidOperation', `工作簿中已有工作表“${clash.name}”`);
        const ids: string[] = [];
        for (const s of sheets) {
          const sheet = ctx.model.addSheet(s.name);
          sheet.setGrid(s.grid);
          ids.push(sheet.id);
          stats.log.push(`insertsheet ${s.name}`);
        }
        result.set(ids);
        return 0;
      }, base64.length);
      return result;
    },
  });

  const Excel = {
    /** Excel.run: one context, a final sync for anything still queued, tracked objects counted as leaks. */
    async run<T>(batch: (ctx: Ctx & { workbook: ReturnType<typeof makeWorkbook> }) => Promise<T>): Promise<T> {
      const ctx = new Ctx(model, stats, api, web) as Ctx & { workbook: ReturnType<typeof makeWorkbook> };
      ctx.workbook = makeWorkbook(ctx);
      const out = await batch(ctx);
      if (ctx.pending) await ctx.sync();
      stats.leakedTracked += ctx.tracked.size;
      return out;
    },
  };

  // One copy of the document settings per runtime, loaded when the runtime starts: a host is one runtime (the task
  // pane, or a ribbon command's own runtime without a shared runtime). saveAsync writes *all* of this copy into the
  // document, over whatever another runtime saved; refreshAsync reads the document's settings back into this copy.
  // (Office.Settings.refreshAsync, @types/office-js: "each add-in is working against an in-memory copy of the settings
  // loaded from the document … This can happen whenever an instance of the add-in calls the Settings.saveAsync method
  // to persist all of that user's settings to the document.")
  const clone = (o: Record<string, unknown>) => JSON.parse(JSON.stringify(o)) as Record<string, unknown>;
  let memory = clone(model.savedSettings);
  const settings = {
    get: (name: string) => memory[name] ?? null,
    set: (name: string, value: unknown) => { memory[name] = JSON.parse(JSON.stringify(value)); },
    remove: (name: string) => { delete memory[name]; },
    saveAsync: (cb?: (r: { status: string }) => void) => {
      model.savedSettings = clone(memory);
      setTimeout(() => cb?.({ status: 'succeeded' }), 0);
    },
    refreshAsync: (cb?: (r: { status: string; value: unknown }) => void) => {
      memory = clone(model.savedSettings);
      setTimeout(() => cb?.({ status: 'succeeded', value: settings }), 0);
    },
  };

  const Office = {
    HostType: { Excel: 'Excel' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    onReady(cb?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform };
      cb?.(info);
      return Promise.resolve(info);
    },
    actions: { associate: (name: string, fn: Host['actions'] extends Map<string, infer F> ? F : never) => { actions.set(name, fn); } },
    context: {
      displayLanguage: 'zh-CN',
      platform,
      partitionKey: opts.partitionKey,
      requirements: { isSetSupported: (name: string, v = '1.1') => name === 'ExcelApi' && api(v) },
      document: { settings },
      ui: {
        displayDialogAsync(url: string, options: unknown, cb?: (r: unknown) => void) {
          const handlers = new Map<string, (arg: unknown) => void>();
          const state: DialogState = {
            url,
            options,
            open: true,
            message: (message: string) => { if (state.open && alive) handlers.get('dialogMessageReceived')?.({ message, origin: new URL(url).origin }); },
            dismiss: () => {
              if (!state.open) return;
              state.open = false;
              if (alive) handlers.get('dialogEventReceived')?.({ error: 12006 });
            },
          };
          const dialog = {
            close() { state.open = false; },
            addEventHandler(type: string, fn: (arg: unknown) => void) { handlers.set(type, fn); },
          };
          // shown, and handed to the add-in, in one step
          setTimeout(() => { dialogs.push(state); cb?.({ status: 'succeeded', value: dialog }); }, 0);
        },
        messageParent() { /* dialog side */ },
      },
    },
  };
  const runCommand = (name: string) =>
    new Promise<void>((resolve, reject) => {
      const fn = actions.get(name);
      if (!fn) return reject(new Error(`没有注册函数命令 ${name}`));
      fn({ completed: () => { endRuntime(); resolve(); } });
    });
  return { model, stats, dialogs, actions, runCommand, get alive() { return alive; }, Office, Excel };
}

/** Installs a host's `Office` and `Excel` as globals (what office.js does in a real pane). */
export function installHost(host: Host): void {
  const g = globalThis as Record<string, unknown>;
  g.Office = host.Office;
  g.Excel = host.Excel;
}
