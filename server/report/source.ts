/** Walking sync or async row sources the same way. */
import type { Source } from './types';

/** An iterator over either kind of source (async iterators are awaited, sync ones are not). */
export function iteratorOf<T>(src: Source<T>): Iterator<T> | AsyncIterator<T> {
  const a = (src as AsyncIterable<T>)[Symbol.asyncIterator];
  return a ? a.call(src) : (src as Iterable<T>)[Symbol.iterator]();
}

/**
 * Calls `each` for every remaining item that passes `keep`, awaiting it only when it returns a promise. When
 * `each` fails (e.g. the download was cancelled) the source is closed, so a store cursor is released.
 */
export async function drain<T>(it: Iterator<T> | AsyncIterator<T>, keep: (t: T) => boolean, each: (t: T) => void | Promise<void>) {
  try {
    for (;;) {
      const r0 = it.next();
      const r = r0 instanceof Promise ? await r0 : r0;
      if (r.done) return;
      if (!keep(r.value)) continue;
      const p = each(r.value);
      if (p) await p;
    }
  } catch (e) {
    await it.return?.();
    throw e;
  }
}
