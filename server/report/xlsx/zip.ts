/**
 * A streaming .zip writer: entries one after another, deflated on zlib's thread pool while the caller builds the
 * next chunk, CRC and sizes in a data descriptor after each entry (so nothing is held back), then the central
 * directory. No ZIP64: a report past 4 GB or 65,535 entries is refused with an error, never written corrupt.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import zlib from 'node:zlib';

/** What plain (non-ZIP64) zip fields can hold. */
const MAX_U32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;
/** Bit 3: sizes and CRC follow the data; bit 11: names are UTF-8. */
const FLAGS = 0x0808;
/** Bytes of a chunk the deflater may queue before the writer waits: enough to keep its thread busy. */
const QUEUE = 1 << 20;

interface Done {
  name: Buffer;
  crc: number;
  csize: number;
  size: number;
  offset: number;
}

/** Date and time in MS-DOS form (local time, two-second steps), as zip headers hold them. */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * A member deflated aside into a temporary file while other members are written, copied into the zip later by
 * `place()`: how several sheets are filled in one pass over rows that come school by school.
 */
export interface Spooled {
  readonly entry: ZipEntry;
  readonly file: WriteStream;
  readonly path: string;
  /** CRC and sizes, once `entry.end()` has resolved. */
  sums?: { crc: number; csize: number; size: number };
}

/**
 * Writes a zip to `out`; `entry()` opens the next member, whose `end()` must be awaited before the next. Members
 * may also be `spool()`ed aside (any number at once) and `place()`d later. `dispose()` removes the spool files.
 */
export class ZipWriter {
  private offset = 0;
  private readonly done: Done[] = [];
  private readonly stamp: { time: number; date: number };
  private failure: Error | undefined;
  private readonly wake = new Set<() => void>();
  private dir: string | undefined;
  private spools = 0;
  private readonly open = new Set<WriteStream>();

  /** `limit`: bytes the zip may reach (plain zip fields hold 4 GB; smaller in tests). */
  constructor(private readonly out: Writable, private readonly level = 2, date = new Date(), readonly limit = MAX_U32) {
    this.stamp = dosTime(date);
    out.on('error', (e: Error) => this.fail(e));
    // A close before 'finish' (a client that hung up, even while the zip was ending) is a failure.
    out.on('close', () => {
      if (!out.writableFinished) this.fail(new Error('报表输出已关闭，停止写入'));
    });
  }

  /** Stops the zip: every wait rejects with `e`, every later write throws it. */
  fail(e: Error): void {
    this.failure ??= e;
    for (const w of [...this.wake]) w();
  }

  /** Counts bytes written to the output; past the limit the zip fails (no ZIP64 here). */
  count(n: number): void {
    this.offset += n;
    if (this.offset > this.limit) this.fail(new Error('报表超过 4 GB，无法写成 .xlsx 文件'));
  }

  /** The error that stopped the output, if it has stopped. */
  get error(): Error | undefined {
    return this.failure;
  }

  /** Throws if the output has failed or closed early. */
  check(): void {
    if (this.failure) throw this.failure;
  }

  /**
   * Resolves on the first of `events` on `emitter` ('error' among them rejects with its error), or rejects when
   * the output fails or closes early — so no wait outlives a cancelled download.
   */
  wait(emitter: NodeJS.EventEmitter, events: string[]): Promise<void> {
    this.check();
    return new Promise<void>((resolve, reject) => {
      const handlers = events.map((e) => [e, (err?: unknown) => done(e === 'error' ? err : undefined)] as const);
      const done = (err?: unknown) => {
        for (const [e, h] of handlers) emitter.removeListener(e, h);
        this.wake.delete(done);
        if (err || this.failure) reject(err ?? this.failure);
        else resolve();
      };
      for (const [e, h] of handlers) emitter.once(e, h);
      this.wake.add(done);
    });
  }

  /** Writes raw bytes (headers) to the output, counting the offset. */
  raw(b: Buffer): void {
    this.check();
    this.count(b.length);
    this.check();
    this.out.write(b);
  }

  /** Writes the local header of the next member; returns what its data descriptor and directory record need. */
  private header(name: string): { nameBuf: Buffer; offset: number } {
    if (this.done.length >= MAX_ENTRIES) throw new Error('报表的部件过多，无法写成 .xlsx 文件');
    const nameBuf = Buffer.from(name, 'utf8');
    const offset = this.offset;
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    h.writeUInt16LE(FLAGS, 6);
    h.writeUInt16LE(8, 8); // deflate
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    // CRC and sizes (14..25) stay 0: they follow the data.
    h.writeUInt16LE(nameBuf.length, 26);
    this.raw(Buffer.concat([h, nameBuf]));
    return { nameBuf, offset };
  }

  /** The data descriptor after a member's data, and its record for the central directory. */
  private descriptor(at: { nameBuf: Buffer; offset: number }, crc: number, csize: number, size: number): void {
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(crc, 4);
    d.writeUInt32LE(csize, 8);
    d.writeUInt32LE(size, 12);
    this.raw(d);
    this.done.push({ name: at.nameBuf, crc, csize, size, offset: at.offset });
  }

  /** Opens a deflated member named `name` (UTF-8). */
  entry(name: string): ZipEntry {
    const at = this.header(name);
    return new ZipEntry(this, this.out, this.level, true, (crc, csize, size) => this.descriptor(at, crc, csize, size));
  }

  /** Opens a member deflated into a temporary file, to be `place()`d once its `entry.end()` has resolved. */
  spool(): Spooled {
    this.check();
    this.dir ??= mkdtempSync(join(tmpdir(), 'yanbiao-report-'));
    const path = join(this.dir, `${this.spools++}.deflate`);
    const file = createWriteStream(path);
    file.on('error', (e) => this.fail(e));
    this.open.add(file);
    const sp: Spooled = {
      file,
      path,
      entry: new ZipEntry(this, file, this.level, false, (crc, csize, size) => {
        sp.sums = { crc, csize, size };
      }),
    };
    return sp;
  }

  /** Copies a spooled member (its entry ended) into the zip as `name`, waiting for the output as it goes. */
  async place(name: string, sp: Spooled): Promise<void> {
    const sums = sp.sums;
    if (!sums) throw new Error(`部件“${name}”尚未写完`);
    if (!sp.file.writableFinished) {
      const flushed = this.wait(sp.file, ['finish', 'error']);
      sp.file.end();
      await flushed;
    }
    const at = this.header(name);
    const src = createReadStream(sp.path, { highWaterMark: 1 << 18 });
    try {
      for await (const c of src as AsyncIterable<Buffer>) {
        this.check();
        this.count(c.length);
        this.check();
        if (!this.out.write(c)) await this.wait(this.out, ['drain', 'error']);
      }
    } finally {
      src.destroy();
    }
    this.open.delete(sp.file);
    rmSync(sp.path, { force: true });
    this.descriptor(at, sums.crc, sums.csize, sums.size);
  }

  /** The folder of the spool files, while there is one. */
  get spoolDir(): string | undefined {
    return this.dir;
  }

  /** Removes the spool files (called by finish, and by whoever abandons the zip). */
  dispose(): void {
    for (const f of this.open) f.destroy();
    this.open.clear();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }

  /** Writes a whole small member at once. */
  async file(name: string, text: string): Promise<void> {
    const e = this.entry(name);
    e.write(Buffer.from(text, 'utf8'));
    await e.end();
  }

  /** Writes the central directory, ends the output and resolves when it has finished. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const f of this.done) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(FLAGS, 8);
      c.writeUInt16LE(8, 10);
      c.writeUInt16LE(this.stamp.time, 12);
      c.writeUInt16LE(this.stamp.date, 14);
      c.writeUInt32LE(f.crc, 16);
      c.writeUInt32LE(f.csize, 20);
      c.writeUInt32LE(f.size, 24);
      c.writeUInt16LE(f.name.length, 28);
      c.writeUInt32LE(f.offset, 42);
      this.raw(Buffer.concat([c, f.name]));
    }
    const e = Buffer.alloc(22);
    e.writeUInt32LE(0x06054b50, 0);
    e.writeUInt16LE(this.done.length, 8);
    e.writeUInt16LE(this.done.length, 10);
    e.writeUInt32LE(this.offset - start, 12);
    e.writeUInt32LE(start, 16);
    this.raw(e);
    this.dispose();
    const ended = this.wait(this.out, ['finish', 'error']);
    this.out.end();
    await ended;
  }
}

/** One member being written: bytes in, CRC counted here, deflated on the thread pool, out in order. */
export class ZipEntry {
  private crc = 0;
  private size = 0;
  private csize = 0;
  private readonly deflate: zlib.DeflateRaw;

  /** `counted`: the deflated bytes go straight into the zip (a spooled member's are counted when placed). */
  constructor(private readonly zip: ZipWriter, out: Writable, level: number, counted: boolean, private readonly close: (crc: number, csize: number, size: number) => void) {
    // zlib passes stream options through to the Transform (its typings only list the zlib ones).
    const opts: zlib.ZlibOptions & { highWaterMark: number } = { level, highWaterMark: QUEUE, chunkSize: 64 * 1024 };
    this.deflate = zlib.createDeflateRaw(opts);
    const resume = () => this.deflate.resume();
    this.deflate.on('data', (c: Buffer) => {
      if (out.destroyed || zip.error) return;
      this.csize += c.length;
      if (counted) zip.count(c.length);
      if (zip.error) return;
      // The output is behind: hold the deflater until it drains (its queue then fills and the writer waits).
      if (!out.write(c)) {
        this.deflate.pause();
        out.once('drain', resume);
      }
    });
  }

  /** Queues bytes; false once enough is queued that the caller should await `ready()`. */
  write(b: Buffer): boolean {
    this.zip.check();
    this.crc = zlib.crc32(b, this.crc);
    this.size += b.length;
    if (this.size > this.zip.limit) this.zip.fail(new Error('报表超过 4 GB，无法写成 .xlsx 文件'));
    this.zip.check();
    return this.deflate.write(b);
  }

  /** Whether the deflater's queue is full (the caller should await `ready()`). */
  get blocked(): boolean {
    return this.deflate.writableNeedDrain;
  }

  /** Resolves when the deflater can take more; rejects once the output has failed or closed. */
  ready(): Promise<void> {
    this.zip.check();
    return this.blocked ? this.zip.wait(this.deflate, ['drain', 'error']) : Promise.resolve();
  }

  /** Flushes the member and writes its data descriptor. */
  async end(): Promise<void> {
    const ended = this.zip.wait(this.deflate, ['end', 'error']);
    this.deflate.end();
    try {
      await ended;
    } catch (e) {
      this.deflate.destroy();
      throw e;
    }
    this.close(this.crc >>> 0, this.csize, this.size);
  }
}
