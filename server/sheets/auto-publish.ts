/**
 * Keeps a Google spreadsheet current: watches the store for accepted uploads (and returns) of a term and
 * republishes through the debounced, rate-limited Republisher. Watching the store rather than hooking the
 * upload route means uploads taken by any server process (or the demo) are noticed the same way.
 */
import { termOf, todayIso } from '../../shared';
import type { Store } from '../store/schema';
import { createSheetsClient, type SheetsClient } from './client';
import { type Clock, systemClock } from './clock';
import { sheetsConfigFromEnv } from './config';
import { spreadsheetIdOf } from './links';
import { publishTerm } from './publish-term';
import { Republisher, type RepublishEvent } from './republisher';

/** Settings of the watcher. */
export interface AutoPublishOptions {
  store: Store;
  client: SheetsClient;
  spreadsheetId: string;
  /** A fixed term, or (default) the current term on each check, so a running server follows the calendar. */
  term?: string;
  clock?: Clock;
  /** How often the store is checked (default 15 s). */
  pollMs?: number;
  debounceMs?: number;
  minIntervalMs?: number;
  /** Publish once right away, without waiting for an upload. */
  initial?: boolean;
  onEvent?: (e: RepublishEvent | { type: 'watch-error'; error: unknown }) => void;
}

/** A running watcher. */
export interface AutoPublisher {
  republisher: Republisher;
  /** Checks the store now; true when something changed since the last check (and a publish was requested). */
  check(): Promise<boolean>;
  /** Stops watching; waits for a publish in flight. */
  stop(): Promise<void>;
}

/** What changes when a school uploads or the district returns a version: the newest upload id and return time. */
async function signature(store: Store, term: string): Promise<string> {
  const up = await store.db.selectFrom('uploads').select((eb) => eb.fn.max('id').as('id')).where('term', '=', term).executeTakeFirst();
  const ret = await store.db
    .selectFrom('submissions')
    .select((eb) => eb.fn.max('returned_at').as('at'))
    .where('term', '=', term)
    .executeTakeFirst();
  return `${term}|${up?.id ?? ''}|${ret?.at ?? ''}`;
}

/** Starts watching; the first check only takes note of the current state (unless `initial`). */
export function startAutoPublish(opts: AutoPublishOptions): AutoPublisher {
  const clock = opts.clock ?? systemClock;
  const termNow = () => opts.term ?? termOf(todayIso(new Date(clock.now())));
  const republisher = new Republisher({
    clock,
    debounceMs: opts.debounceMs,
    minIntervalMs: opts.minIntervalMs,
    publish: () => publishTerm(opts.store, opts.client, opts.spreadsheetId, termNow(), new Date(clock.now())),
    onEvent: opts.onEvent,
  });
  let last: string | null = null;
  let timer: unknown = null;
  let stopped = false;

  async function check(): Promise<boolean> {
    const sig = await signature(opts.store, termNow());
    const changed = last !== null && sig !== last;
    last = sig;
    if (changed) republisher.notify();
    return changed;
  }

  function loop(): void {
    timer = clock.setTimeout(async () => {
      try {
        await check();
      } catch (error) {
        opts.onEvent?.({ type: 'watch-error', error });
      }
      if (!stopped) loop();
    }, opts.pollMs ?? 15_000);
  }

  const first = check().catch((error) => {
    opts.onEvent?.({ type: 'watch-error', error });
    return false;
  });
  void first.then(() => {
    if (opts.initial) republisher.notify();
    if (!stopped) loop();
  });

  return {
    republisher,
    check,
    async stop() {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
      republisher.stop();
      await first;
      await republisher.idle();
    },
  };
}

/**
 * The server setting: with `YANBIAO_SHEETS_SPREADSHEET` (id or address) and Google credentials set, keeps that
 * spreadsheet current (`YANBIAO_SHEETS_TERM` pins a term; default the current one). Null when not configured.
 */
export function autoPublishFromEnv(
  store: Store,
  log: (level: 'info' | 'warn' | 'error', msg: string, detail?: unknown) => void,
  env: NodeJS.ProcessEnv = process.env,
): AutoPublisher | null {
  const raw = env.YANBIAO_SHEETS_SPREADSHEET?.trim();
  if (!raw) return null;
  const spreadsheetId = spreadsheetIdOf(raw);
  const config = sheetsConfigFromEnv(env);
  if (!spreadsheetId || !config) {
    log('warn', spreadsheetId ? 'YANBIAO_SHEETS_SPREADSHEET 已设置，但没有配置 Google 凭据，自动发布未启用' : `YANBIAO_SHEETS_SPREADSHEET 不是有效的表格 ID：${raw}`);
    return null;
  }
  let client: SheetsClient;
  try {
    client = createSheetsClient(config);
  } catch (err) {
    // A bad key file must not stop the server (it is already listening, and the demo tokens are yet to be shown).
    log('error', `自动发布未启用：${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
  log('info', `自动发布到 Google 表格 ${spreadsheetId}（每次上报后，最多每分钟一次）`);
  return startAutoPublish({
    store,
    client,
    spreadsheetId,
    term: env.YANBIAO_SHEETS_TERM?.trim() || undefined,
    initial: true,
    onEvent: (e) => {
      if (e.type === 'published') log('info', '已发布到 Google 表格', { spreadsheetId });
      if (e.type === 'retry') log('warn', `${e.error.message}（${Math.round(e.waitMs / 1000)} 秒后重试）`);
      if (e.type === 'failed') log('error', `发布到 Google 表格失败：${e.error instanceof Error ? e.error.message : String(e.error)}`);
      if (e.type === 'watch-error') log('error', '检查新上报时出错', e.error);
    },
  });
}
