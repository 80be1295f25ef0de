/**
 * The streaming zip writer: what it writes is read back by yauzl and checked by Python's zipfile (CRC of every
 * member); it waits for a slow output, fails loudly when the output fails or closes early, and refuses a zip
 * past its size limit (4 GB: no ZIP64) instead of writing a corrupt one.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { ZipWriter } from '../../../server/report/xlsx/zip';

/** Each member's name and bytes, read with yauzl. */
function unzip(buf: Buffer): Promise<[string, Buffer][]> {
  return new Promise((resolve, reject) => {
    const out: [string, Buffer][] = [];
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (e: yauzl.Entry) =>
        zip.openReadStream(e, (er, s) => {
          if (er || !s) return reject(er);
          const bits: Buffer[] = [];
          s.on('data', (b: Buffer) => bits.push(b));
          s.on('end', () => {
            out.push([e.fileName, Buffer.concat(bits)]);
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Writes members one after another, each in pieces, awaiting the writer when it asks. */
async function writeAll(zip: ZipWriter, members: [string, Buffer][], piece = 50_000): Promise<void> {
  for (const [name, data] of members) {
    const e = zip.entry(name);
    for (let i = 0; i < data.length; i += piece) if (!e.write(data.subarray(i, i + piece))) await e.ready();
    await e.end();
  }
  await zip.finish();
}

function collect(): { out: PassThrough; bytes: () => Buffer } {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  return { out, bytes: () => Buffer.concat(chunks) };
}

const MEMBERS: [string, Buffer][] = [
  ['empty.txt', Buffer.alloc(0)],
  ['xl/工作表.xml', Buffer.from('<a>研表</a>'.repeat(20_000))],
  ['noise.bin', randomBytes(3_000_000)], // incompressible: deflate output larger than its chunks
  ['last.xml', Buffer.from('<end/>')],
];

test('members come back byte for byte; Python zipfile finds every CRC right', async () => {
  const { out, bytes } = collect();
  await writeAll(new ZipWriter(out, 2, new Date(2025, 2, 14, 9, 30, 10)), MEMBERS);
  const buf = bytes();
  const back = await unzip(buf);
  // Compared as names and hex digests: jest's deep equality walks a 3 MB buffer byte by byte for seconds.
  const digest = (m: [string, Buffer][]) => m.map(([n, d]) => [n, d.length, createHash('sha256').update(d).digest('hex')]);
  expect(digest(back)).toEqual(digest(MEMBERS));
  const dir = mkdtempSync(join(tmpdir(), 'yanbiao-zip-'));
  try {
    writeFileSync(join(dir, 'a.zip'), buf);
    const py = 'import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({"bad":z.testzip(),"m":[[i.filename,i.file_size,i.CRC,i.compress_type,list(i.date_time)] for i in z.infolist()]}))';
    const got = JSON.parse(execFileSync('/usr/bin/python3', ['-c', py, join(dir, 'a.zip')], { encoding: 'utf8' }));
    expect(got.bad).toBeNull();
    expect(got.m).toEqual(MEMBERS.map(([n, d]) => [n, d.length, zlib.crc32(d), 8, [2025, 3, 14, 9, 30, 10]]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a slow output holds the writer back: little is buffered however much is written', async () => {
  let received = 0;
  let given = 0;
  let most = 0;
  // Slower than the deflater (incompressible data goes through at its full size): ~13 MB/s at most.
  const out = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _e, cb) {
      setTimeout(() => {
        received += chunk.length;
        cb();
      }, 5);
    },
  });
  const zip = new ZipWriter(out, 1);
  const e = zip.entry('big.bin');
  const piece = randomBytes(256 * 1024);
  for (let i = 0; i < 96; i++) {
    given += piece.length;
    if (!e.write(piece)) await e.ready();
    most = Math.max(most, given - received);
  }
  await e.end();
  await zip.finish();
  expect(received).toBeGreaterThan(24_000_000);
  // 24 MB went through; never more than a few MB of it waited (the deflater's queues plus the output's).
  expect(most).toBeLessThan(4_000_000);
});

test('an output that fails rejects the writer with its error', async () => {
  const out = new Writable({ write: (_c, _e, cb) => cb(new Error('磁盘已满')) });
  const zip = new ZipWriter(out, 1);
  await expect(writeAll(zip, [['a.bin', randomBytes(5_000_000)]])).rejects.toThrow('磁盘已满');
  expect(() => zip.entry('b.bin')).toThrow('磁盘已满');
});

test('an output closed early (a cancelled download) wakes a waiting writer with an error', async () => {
  const out: Writable = new Writable({
    highWaterMark: 1024,
    write(_c, _e, cb) {
      setTimeout(() => out.destroy(), 5); // the client hangs up while the writer waits for it
      void cb;
    },
  });
  const zip = new ZipWriter(out, 1);
  await expect(writeAll(zip, [['a.bin', randomBytes(20_000_000)]])).rejects.toThrow(/关闭/);
});

test('an output closed while the zip is ending (before its finish) rejects, not hangs', async () => {
  const out: Writable = new Writable({
    write: (_c, _e, cb) => cb(),
    final() {
      setTimeout(() => out.destroy(), 5); // everything was written, but the download went before it was done
    },
  });
  await expect(writeAll(new ZipWriter(out, 1), [['a.xml', Buffer.from('<a/>')]])).rejects.toThrow(/关闭/);
});

test('a zip past its limit is refused while it is written, not finished corrupt', async () => {
  const { out } = collect();
  // The limit stands in for 4 GB: stored sizes and offsets past it would not fit plain zip fields.
  const zip = new ZipWriter(out, 1, new Date(), 1_000_000);
  await expect(writeAll(zip, [['a.bin', randomBytes(900_000)], ['b.bin', randomBytes(900_000)]])).rejects.toThrow(/4 GB/);
  // The uncompressed size counts too (deflate may shrink 4 GB of XML well under the limit).
  const z2 = new ZipWriter(collect().out, 1, new Date(), 1_000_000);
  await expect(writeAll(z2, [['a.xml', Buffer.alloc(3_000_000, 'a')]])).rejects.toThrow(/4 GB/);
});

test('members spooled aside while others are written, placed later: read back whole, CRCs right, spool files gone', async () => {
  const { out, bytes } = collect();
  const tmp = mkdtempSync(join(tmpdir(), 'yanbiao-spool-test-'));
  try {
    const zip = new ZipWriter(out, 2, new Date(2025, 2, 14, 9, 30, 10));
    const a = zip.spool();
    const b = zip.spool();
    const dataA = Buffer.from('<row>甲</row>'.repeat(50_000));
    const dataB = randomBytes(1_500_000);
    // Filled side by side, in pieces, as a report's register sheets are.
    for (let i = 0; i < 10; i++) {
      if (!a.entry.write(dataA.subarray((i * dataA.length) / 10, ((i + 1) * dataA.length) / 10))) await a.entry.ready();
      if (!b.entry.write(dataB.subarray((i * dataB.length) / 10, ((i + 1) * dataB.length) / 10))) await b.entry.ready();
    }
    await a.entry.end();
    await expect(zip.place('b.bin', b)).rejects.toThrow(/尚未写完/);
    await b.entry.end();
    const first = zip.entry('first.xml');
    first.write(Buffer.from('<first/>'));
    await first.end();
    const dir = zip.spoolDir!;
    expect(readdirSync(dir).sort()).toEqual(['0.deflate', '1.deflate']);
    await zip.place('b.bin', b);
    expect(readdirSync(dir)).toEqual(['0.deflate']);
    await zip.place('xl/甲.xml', a);
    await zip.finish();
    expect(existsSync(dir)).toBe(false);
    const back = await unzip(bytes());
    const digest = (m: [string, Buffer][]) => m.map(([n, d]) => [n, d.length, createHash('sha256').update(d).digest('hex')]);
    expect(digest(back)).toEqual(digest([['first.xml', Buffer.from('<first/>')], ['b.bin', dataB], ['xl/甲.xml', dataA]]));
    writeFileSync(join(tmp, 'a.zip'), bytes());
    const py = 'import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({"bad":z.testzip(),"n":[i.filename for i in z.infolist()]}))';
    const got = JSON.parse(execFileSync('/usr/bin/python3', ['-c', py, join(tmp, 'a.zip')], { encoding: 'utf8' }));
    expect(got).toEqual({ bad: null, n: ['first.xml', 'b.bin', 'xl/甲.xml'] });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('an abandoned zip disposes of its spool files; a spooled member counts toward the limit when placed', async () => {
  {
    const zip = new ZipWriter(collect().out, 1, new Date(), 1_000_000);
    const a = zip.spool();
    a.entry.write(randomBytes(600_000));
    await a.entry.end();
    const b = zip.spool();
    b.entry.write(randomBytes(600_000));
    await b.entry.end();
    const c = zip.spool(); // still being written when the zip is abandoned
    c.entry.write(Buffer.from('x'));
    await zip.place('a.bin', a);
    // Two incompressible 600 KB members pass the 1 MB limit only once both are in the zip.
    await expect(zip.place('b.bin', b)).rejects.toThrow(/4 GB/);
    expect(() => zip.spool()).toThrow(/4 GB/);
    const dir = zip.spoolDir!;
    expect(readdirSync(dir).sort()).toEqual(['1.deflate', '2.deflate']);
    zip.dispose();
    expect(existsSync(dir)).toBe(false);
  }
});
