/** The batching core of the Excel stand-in: a request context that queues commands and runs them on sync(), and
 *  proxy objects whose properties throw until loaded — the same contract Office.js enforces. */
import type { SheetModel, WorkbookModel } from './excel-host-model';

/**
 * Excel on the web refuses a request larger than 5 MB with `RequestPayloadSizeLimitExceeded` and a response larger
 * than 5 MB with `ResponsePayloadSizeLimitExceeded`; Excel on Windows, Mac and iPad have no such limit.
 * ("Resource limits and performance optimization for Office Add-ins", Excel add-ins: "Payload size for requests and
 * responses: 5MB limit in Excel on the web"; "Error handling with the application-specific JavaScript APIs", error
 * codes RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded: "This error only occurs in Excel on the
 * web"; Excel.ErrorCodes.responsePayloadSizeLimitExceeded in @types/office-js.)
 */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * Bytes each queued action adds to a request besides its values (the JSON that names the object, the method or
 * property and its arguments). Sized from Microsoft's guidance that writing 10,000 single-cell ranges in one batch is
 * likely to pass the 5 MB request limit ("Read or write to a large range"; resource-limits page): 10,000 × 520 B > 5 MB.
 */
export const ACTION_BYTES = 520;

/** An error shaped like OfficeExtension.Error. */
export function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'RichApi.Error', code, debugInfo: { code, message } });
}

/** Host-wide counters the tests read. */
export interface HostStats {
  syncs: number;
  payloads: number[]; // per successful sync, the larger of its request and its response, in bytes
  requests: number[]; // request bytes per sync (refused ones too)
  responses: number[]; // response bytes per sync that ran
  refused: number; // syncs Excel on the web refused for passing 5 MB (request or response)
  log: string[]; // one line per command that changes or reads cells: `read 名册!A1:L5000`, `fill …`, `note …`
  leakedTracked: number;
}

/** A command: runs at sync and returns the bytes of its answer; `request` is what it sends. */
interface Op { run: () => number; request: number }

/** Request context: queue of commands, one round trip per sync(). */
export class Ctx {
  private queue: Op[] = [];
  tracked = new Set<object>();
  readonly trackedObjects = {
    add: (o: object | object[]) => { for (const x of Array.isArray(o) ? o : [o]) this.tracked.add(x); },
    remove: (o: object | object[]) => { for (const x of Array.isArray(o) ? o : [o]) this.tracked.delete(x); },
  };
  /** `web`: Office on the web, the only host with the 5 MB payload limits. */
  constructor(public model: WorkbookModel, public stats: HostStats, public api: (set: string) => boolean, public web = true) {}
  /** Queues a command; `run` returns its response bytes, `request` is the bytes it sends (values written). */
  enqueue(run: () => number, request = 0): void { this.queue.push({ run, request }); }
  /** True when commands wait for the next sync. */
  get pending(): boolean { return this.queue.length > 0; }
  /**
   * One round trip. A request past the limit is refused whole before anything runs (Excel applies none of it);
   * otherwise the queue runs in order, the first failure rejects and drops the rest, as Excel does; an answer past
   * the limit is refused after the commands ran.
   */
  async sync(): Promise<void> {
    const q = this.queue;
    this.queue = [];
    this.stats.syncs++;
    const request = q.reduce((n, op) => n + op.request + ACTION_BYTES, 0);
    this.stats.requests.push(request);
    if (this.web && request > PAYLOAD_LIMIT) {
      this.stats.refused++;
      throw officeError('RequestPayloadSizeLimitExceeded', `请求负载 ${request} 字节超过 5 MB`);
    }
    let response = 0;
    for (const op of q) response += op.run();
    this.stats.responses.push(response);
    if (this.web && response > PAYLOAD_LIMIT) {
      this.stats.refused++;
      throw officeError('ResponsePayloadSizeLimitExceeded', `响应负载 ${response} 字节超过 5 MB`);
    }
    this.stats.payloads.push(Math.max(request, response));
    await Promise.resolve();
  }
  /** Guards an API that needs a requirement set (ApiNotFound at sync, as in an older Excel). */
  requireSet(version: string): void {
    if (!this.api(version)) this.enqueue(() => { throw officeError('ApiNotFound', `此版本的 Excel 不支持 ExcelApi ${version}`); });
  }
}

const utf8 = new TextEncoder();

/** Bytes a value would take on the wire (UTF-8 JSON; proxies count as a small reference). */
export function wire(v: unknown): number {
  if (v === undefined) return 0;
  const json = JSON.stringify(v, (_k, x) => (x instanceof ClientObject ? '{ref}' : x));
  return utf8.encode(json).length;
}

/** Normalises load() arguments to a list of property names (items/name → name for collections). */
export function loadList(arg?: string | string[] | { select?: string }): string[] {
  if (!arg) return [];
  const s = typeof arg === 'string' ? arg : Array.isArray(arg) ? arg.join(',') : arg.select ?? '';
  return s.split(',').map((p) => p.trim().replace(/^items\//, '')).filter(Boolean);
}

/** Base of every proxy: load() snapshots properties at sync; reading an unloaded one throws PropertyNotLoaded. */
export abstract class ClientObject {
  protected loaded: Record<string, unknown> = {};
  protected nullObject = false;
  constructor(protected ctx: Ctx) {}
  /** Properties this proxy can snapshot. */
  protected abstract snapshot(props: string[]): Record<string, unknown>;
  /** Queues a load of the named properties. */
  load(arg?: string | string[] | { select?: string }): this {
    const props = loadList(arg);
    // isNullObject is no property: Office.js fills it in on sync for *OrNullObject proxies, no load needed
    if (props.includes('isNullObject')) throw officeError('InvalidArgument', "isNullObject 不是可加载的属性");
    this.ctx.enqueue(() => {
      const snap = this.snapshot(props);
      Object.assign(this.loaded, snap);
      return wire(snap);
    });
    return this;
  }
  /** Marks the proxy tracked across batches. */
  track(): this { this.ctx.trackedObjects.add(this); return this; }
  /** Releases tracking. */
  untrack(): this { this.ctx.trackedObjects.remove(this); return this; }
  protected get(prop: string): unknown {
    if (!(prop in this.loaded)) {
      throw officeError('PropertyNotLoaded', `The property '${prop}' is not available. Call load() and context.sync() first.`);
    }
    return this.loaded[prop];
  }
  /** Queues the settling of isNullObject (a *OrNullObject proxy knows after the next sync). */
  settleNull(found: () => boolean): void {
    this.ctx.enqueue(() => { this.loaded.isNullObject = !found(); return 8; });
  }
  /** True when a *OrNullObject lookup found nothing (known after sync). */
  get isNullObject(): boolean { return this.get('isNullObject') as boolean; }
}

/** A value computed at sync (OfficeExtension.ClientResult). */
export class ClientResult<T> {
  private done = false;
  private v?: T;
  /** Settles the result (called by the command at sync). */
  set(v: T): void { this.v = v; this.done = true; }
  /** The value; throws before sync like Office.js. */
  get value(): T {
    if (!this.done) throw officeError('PropertyNotLoaded', 'ClientResult 在 context.sync() 之前不可读取');
    return this.v as T;
  }
}

/** Splits `'My sheet'!A1` into sheet and address; sheet is '' when absent. */
export function splitSheet(address: string): { sheet: string; address: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(address);
  if (!m) return { sheet: '', address };
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), address: m[3] };
}

/** Resolves a sheet lazily at sync (so a bad name fails at sync, as in Office.js). */
export type SheetRef = () => SheetModel;
