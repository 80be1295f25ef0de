/**
 * The zip container of an .xlsx, held in memory: its directory listed with yauzl, each part inflated once when it is
 * read. Every limit is checked before memory is spent on it: the entry count and the declared sizes while listing;
 * while inflating, the output is capped at the declared size (a lying header cannot smuggle a bomb). Quirks that Excel opens are tolerated: `\` in entry names, a leading `/`, names
 * differing in case from the relationship targets, and an end record whose comment length is wrong.
 */
import { isAscii } from 'node:buffer';
import { createInflateRaw } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { BrokenFileError, LimitError } from './errors';

/** What a package may hold. */
export interface ZipLimits {
  /** Inflated bytes over every part read. */
  maxUncompressed: number;
  /** Entries in the archive. */
  maxEntries: number;
}

const EOCD = 0x06054b50;

/**
 * An end-of-central-directory record whose comment length disagrees with the bytes that follow it (some writers
 * leave it, Excel ignores it) is mended in a copy; otherwise the buffer is returned as it is.
 */
export function mendEndRecord(buf: Buffer): Buffer {
  const from = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) !== EOCD) continue;
    const actual = buf.length - i - 22;
    if (buf.readUInt16LE(i + 20) === actual) return buf;
    const copy = Buffer.from(buf);
    copy.writeUInt16LE(actual, i + 20);
    return copy;
  }
  return buf;
}

/** A part's text decoder for UTF-16, chosen from its first bytes (a BOM, or `<` in UTF-16 without one); null for UTF-8. */
function decoderFor(head: Buffer): TextDecoder | null {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le');
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be');
  if (head[0] === 0x3c && head[1] === 0x00) return new TextDecoder('utf-16le');
  if (head[0] === 0x00 && head[1] === 0x3c) return new TextDecoder('utf-16be');
  return null;
}

/** An opened package: its parts by name (case-insensitive), read as text within the limits. */
export class Package {
  private inflated = 0;

  private constructor(
    private readonly buf: Buffer,
    private readonly zip: ZipFile,
    private readonly parts: Map<string, Entry>,
    private readonly limits: ZipLimits,
  ) {}

  /** Opens a package held in memory. Throws BrokenFileError for what is not a zip, LimitError past the limits. */
  static async open(buf: Buffer, limits: ZipLimits): Promise<Package> {
    let zip: ZipFile;
    const mended = mendEndRecord(buf);
    try {
      zip = await new Promise<ZipFile>((resolve, reject) =>
        yauzl.fromBuffer(mended, { lazyEntries: true, validateEntrySizes: true, decodeStrings: false }, (err, z) =>
          err || !z ? reject(err ?? new Error('zip')) : resolve(z),
        ),
      );
    } catch {
      throw new BrokenFileError('无法读取：不是有效的 zip 压缩包（文件不完整或已损坏）');
    }
    const parts = new Map<string, Entry>();
    let declared = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (e: Entry) => {
          if (parts.size >= limits.maxEntries) return reject(new LimitError(`压缩包内文件数超过 ${limits.maxEntries} 个`));
          declared += e.uncompressedSize;
          if (declared > limits.maxUncompressed) return reject(new LimitError(`解压后超过 ${mb(limits.maxUncompressed)} MB`));
          parts.set(partKey(entryName(e)), e);
          zip.readEntry();
        });
        zip.on('end', () => resolve());
        zip.on('error', () => reject(new BrokenFileError('无法读取：zip 目录已损坏')));
        zip.readEntry();
      });
    } catch (e) {
      zip.close();
      throw e;
    }
    return new Package(mended, zip, parts, limits);
  }

  /** Whether a part exists. */
  has(name: string): boolean {
    return this.parts.has(partKey(name));
  }

  /**
   * A part's bytes as a stream of chunks: inflated by zlib in the thread pool in 1 MB chunks, so inflating the next
   * chunk overlaps parsing this one. The output is capped at the declared size and what is left of the budget, so a
   * bomb stops at the cap, and a part that inflates to another size than declared is refused.
   */
  private async *chunks(name: string): AsyncGenerator<Buffer> {
    const entry = this.parts.get(partKey(name));
    if (!entry) return;
    if (entry.isEncrypted()) throw new BrokenFileError('已加密（设置了打开密码），请取消密码后再上传');
    const at = entry.relativeOffsetOfLocalHeader;
    if (at + 30 > this.buf.length || this.buf.readUInt32LE(at) !== 0x04034b50) throw new BrokenFileError(`无法读取：压缩包中的“${name}”已损坏`);
    const from = at + 30 + this.buf.readUInt16LE(at + 26) + this.buf.readUInt16LE(at + 28);
    const raw = this.buf.subarray(from, from + entry.compressedSize);
    if (raw.length < entry.compressedSize) throw new BrokenFileError(`无法读取：压缩包中的“${name}”不完整`);
    if (entry.uncompressedSize > this.limits.maxUncompressed - this.inflated) throw new LimitError(`解压后超过 ${mb(this.limits.maxUncompressed)} MB`);
    if (entry.compressionMethod === 0) {
      this.inflated += raw.length;
      yield raw;
      return;
    }
    if (entry.compressionMethod !== 8) throw new BrokenFileError(`无法读取：压缩包中的“${name}”使用了不支持的压缩方式`);
    const inflate = createInflateRaw({ chunkSize: 1 << 20 });
    inflate.end(raw);
    let size = 0;
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        size += chunk.length;
        this.inflated += chunk.length;
        if (size > entry.uncompressedSize) throw new LimitError('压缩包声明的大小与实际不符');
        yield chunk;
      }
    } catch (e) {
      if (e instanceof LimitError) throw e;
      throw new BrokenFileError(`无法读取：压缩包中的“${name}”已损坏（解压失败）`);
    } finally {
      inflate.destroy();
    }
    if (size < entry.uncompressedSize) throw new BrokenFileError(`无法读取：压缩包中的“${name}”不完整`);
  }

  /** A part as decoded text, a piece per inflated chunk (no string the size of the part is ever made). */
  async *text(name: string): AsyncGenerator<string> {
    let decoder: TextDecoder | null | undefined;
    let carry: Buffer | null = null;
    for await (let chunk of this.chunks(name)) {
      if (decoder === undefined) {
        decoder = decoderFor(chunk);
        if (decoder === null && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      }
      if (decoder) {
        const s = decoder.decode(chunk, { stream: true });
        if (s) yield s;
        continue;
      }
      // UTF-8: a character split at the chunk's end waits for the next chunk; ASCII decodes on the fast path.
      if (carry) chunk = Buffer.concat([carry, chunk]);
      let end = chunk.length;
      let back = 0;
      while (back < 3 && end > 0 && (chunk[end - 1] & 0xc0) === 0x80) end--, back++;
      if (end > 0 && chunk[end - 1] >= 0xc0) end--;
      carry = end < chunk.length ? Buffer.from(chunk.subarray(end)) : null;
      if (end) yield isAscii(chunk.subarray(0, end)) ? chunk.toString('latin1', 0, end) : chunk.toString('utf8', 0, end);
    }
    if (decoder) {
      const rest = decoder.decode();
      if (rest) yield rest;
    } else if (carry) yield carry.toString('utf8');
  }

  close(): void {
    this.zip.close();
  }
}

/** An entry's name as a part name: UTF-8 or CP437 bytes decoded, `\` as `/`, no leading `/`. */
function entryName(e: Entry): string {
  const raw = e.fileName as unknown as Buffer | string;
  const name = typeof raw === 'string' ? raw : raw.toString((e.generalPurposeBitFlag & 0x800) !== 0 ? 'utf8' : 'latin1');
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

/** Part names are case-insensitive (ECMA-376 Part 2, 9.1.1.1). */
function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

function mb(bytes: number): number {
  return Math.round(bytes / 1048576);
}
