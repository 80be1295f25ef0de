/**
 * The floor of `yanbiao consolidate` (issue 14): the work no merge can avoid, measured on this machine in the same
 * bench run. (1) Inflate every entry of every input file and scan its bytes once, on all cores (one worker thread
 * per core, files handed out in turn). (2) Deflate the XML of the report consolidate wrote, at zlib's default level,
 * all its parts at once in zlib's thread pool. Prints {inflateMs, deflateMs, ms} as JSON.
 *   node -r tsx/cjs bench/consolidate-floor.ts <input folder> <report.xlsx>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { deflateRaw, inflateRawSync } from 'node:zlib';

/** The stored bytes of each entry of a zip held in memory (central directory walked by hand; no ZIP64). */
export function zipEntries(buf: Buffer): { name: string; method: number; data: Buffer }[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('不是 zip 文件');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const skip = nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const from = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({ name, method, data: buf.subarray(from, from + size) });
    at += 46 + skip;
  }
  return out;
}

// The worker: inflate each entry of the files it is given and count its '<' (touching every byte once).
const WORKER = `
const { parentPort } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { inflateRawSync } = require('node:zlib');
const { zipEntries } = require(${JSON.stringify(__filename)});
parentPort.on('message', (file) => {
  if (file === null) return process.exit(0);
  let tags = 0;
  for (const e of zipEntries(readFileSync(file))) {
    const xml = e.method === 8 ? inflateRawSync(e.data) : e.data;
    for (let i = xml.indexOf(60); i >= 0; i = xml.indexOf(60, i + 1)) tags++;
  }
  parentPort.postMessage(tags);
});`;

async function inflateAll(files: string[]): Promise<number> {
  const t = performance.now();
  const queue = [...files];
  await Promise.all(
    Array.from({ length: Math.min(availableParallelism(), files.length) }, async () => {
      const w = new Worker(WORKER, { eval: true });
      await new Promise<void>((resolve, reject) => {
        const next = () => w.postMessage(queue.shift() ?? null);
        w.on('message', next);
        w.on('error', reject);
        w.on('exit', () => resolve());
        next();
      });
    }),
  );
  return performance.now() - t;
}

async function deflateAll(report: string): Promise<number> {
  const parts = zipEntries(readFileSync(report)).map((e) => (e.method === 8 ? inflateRawSync(e.data) : e.data));
  const t = performance.now();
  await Promise.all(parts.map((p) => new Promise((resolve, reject) => deflateRaw(p, (err, out) => (err ? reject(err) : resolve(out))))));
  return performance.now() - t;
}

async function main(): Promise<void> {
  const [dir, report] = process.argv.slice(2);
  const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).map((f) => join(dir, f));
  const inflateMs = await inflateAll(files);
  const deflateMs = await deflateAll(report);
  process.stdout.write(JSON.stringify({ inflateMs: Math.round(inflateMs), deflateMs: Math.round(deflateMs), ms: Math.round(inflateMs + deflateMs) }) + '\n');
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
