/** Accepted rows parked on disk as NDJSON, one file per kind, so consolidating 900k rows keeps memory flat. */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { KINDS, type KindId, type NormRecord } from '../../../shared/types';

/** One parked row: the index of the file it came from, its Excel row and values. */
export interface Parked {
  file: number;
  row: number;
  values: NormRecord['values'];
}

const FLUSH = 1 << 20;

function parse(line: string): Parked {
  const [file, row, values] = JSON.parse(line) as [number, number, NormRecord['values']];
  return { file, row, values };
}

/** Writes rows per kind, batching lines and waiting on the disk when it is behind. */
export class Spill {
  private readonly streams = new Map<string, WriteStream>();
  private readonly pending = new Map<string, string>();

  constructor(private readonly dir: string) {}

  /** The NDJSON path of a kind. */
  path(kind: string): string {
    return join(this.dir, `${kind}.ndjson`);
  }

  /** Parks NDJSON lines (`[file, row, values]`, already serialised, possibly by a worker) of a kind. */
  async add(kind: string, lines: string): Promise<void> {
    const buf = (this.pending.get(kind) ?? '') + lines;
    if (buf.length > FLUSH) {
      this.pending.set(kind, '');
      await this.write(kind, buf);
    } else this.pending.set(kind, buf);
  }

  private async write(kind: string, text: string): Promise<void> {
    let s = this.streams.get(kind);
    if (!s) {
      s = createWriteStream(this.path(kind));
      this.streams.set(kind, s);
    }
    if (!s.write(text)) await once(s, 'drain');
  }

  /** Flushes and closes every kind's file (kinds never written get an empty file). */
  async close(kinds: readonly string[] = KINDS): Promise<void> {
    for (const kind of new Set([...kinds, ...this.pending.keys()])) {
      await this.write(kind, this.pending.get(kind) ?? '');
      const s = this.streams.get(kind)!;
      s.end();
      await once(s, 'close');
    }
  }

  /** Reads a kind's rows back in the order they were parked. */
  async *read(kind: string): AsyncGenerator<Parked> {
    for await (const page of this.readPages(kind)) yield* page;
  }

  /**
   * Reads a kind's rows back in the order they were parked, a page per 1 MB read (split on newlines: faster than
   * readline), so a reader pays one await per page rather than per row.
   */
  async *readPages(kind: string): AsyncGenerator<Parked[]> {
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for await (const chunk of createReadStream(this.path(kind), { highWaterMark: 1 << 20 })) {
      const text = rest + decoder.write(chunk as Buffer);
      const lines = text.split('\n');
      rest = lines.pop()!;
      const page: Parked[] = [];
      for (const line of lines) if (line) page.push(parse(line));
      if (page.length) yield page;
    }
    rest += decoder.end();
    if (rest) yield [parse(rest)];
  }
}
