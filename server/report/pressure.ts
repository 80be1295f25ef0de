/**
 * Back-pressure for exceljs's streaming writer. `row.commit()` is synchronous and exceljs's sheet buffer
 * (StreamBuf) writes into the zip entry without looking at the return value, so a loop that never waits
 * buffers the whole file. We wait on the zip entry's input stream (the PassThrough archiver puts behind the
 * sheet) and on the output, so at most a few MB are in flight however many rows there are.
 */
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Bytes allowed to wait in the sheet's zip entry before the writer pauses. */
const ENTRY_LIMIT = 1 << 20;

/** A Writable-like stream; archiver's PassThrough is readable-stream 2, which has `_writableState` but no `writableLength`. */
type Sink = Pick<Writable, 'once' | 'removeListener'> & {
  _writableState?: { length: number; ending?: boolean; finished?: boolean };
  destroyed?: boolean;
};

/** Bytes waiting in a writable's buffer. */
function pending(s: Sink): number {
  return s._writableState?.length ?? 0;
}

type Ev = 'drain' | 'finish' | 'close' | 'error';

/** Resolves on the first of the given events of any of the given streams, removing every listener it added. */
function first(waits: [Sink, readonly Ev[]][]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const [s, evs] of waits) for (const e of evs) s.removeListener(e, done);
      resolve();
    };
    for (const [s, evs] of waits) for (const e of evs) s.once(e, done);
  });
}

/**
 * Waits until the entry has taken what it holds: 'drain', or — for an entry already ended, which never emits
 * 'drain' again (readable-stream 2) — 'finish'; also ends when the output closes, so a dead download never hangs us.
 */
function drained(entry: Sink, out: Sink): Promise<void> {
  const st = entry._writableState;
  if (entry.destroyed || out.destroyed || st?.finished || (st && st.length === 0)) return Promise.resolve();
  return first([
    [entry, ['drain', 'finish', 'close', 'error']],
    [out, ['close', 'error']],
  ]);
}

/** The stream exceljs's sheet StreamBuf writes into (undefined if exceljs internals ever change). */
function entryOf(sheet: unknown): Sink | undefined {
  const pipes = (sheet as { _stream?: { pipes?: Sink[] } })._stream?.pipes;
  return pipes && pipes.length ? pipes[0] : undefined;
}

/**
 * Waits while the sheet's zip entry or the output holds too much; otherwise returns at once. Throws once the
 * output is gone (a cancelled download), so the caller stops reading its row source and releases it.
 */
export async function relieve(sheet: unknown, out: Writable): Promise<void> {
  const o = out as unknown as Sink;
  const entry = entryOf(sheet);
  if (entry && pending(entry) > ENTRY_LIMIT) await drained(entry, o);
  if (out.writableNeedDrain && !out.destroyed) await first([[o, ['drain', 'close', 'error']]]);
  else if (!entry) await nextTurn(); // internals not found: at least let the zip run between batches
  if (out.destroyed) throw new Error('报表输出已关闭，停止写入');
}
