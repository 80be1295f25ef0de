/**
 * A throwaway PostgreSQL cluster for the test run: initdb in a temp dir (as user `postgres` when we are root),
 * started on 127.0.0.1 on a free port. Used by jest's globalSetup/globalTeardown and by nothing else.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest installed PostgreSQL's bin directory, or null. */
export function pgBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : null;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function asPostgres(bin: string, args: string[]): void {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  // PostgreSQL refuses to run as root: drop to the `postgres` user the Debian package creates.
  if (root) execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'pipe' });
  else execFileSync(bin, args, { stdio: 'pipe' });
}

/** A running cluster. */
export interface Cluster {
  url: string;
  dir: string;
}

/** initdb + start; throws with PostgreSQL's own output when it fails. */
export async function startCluster(bin: string): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'yanbiao-pg-'));
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    asPostgres(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
    // -F: no fsync (a test cluster); -k: the socket in our temp dir, never /var/run.
    asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-o', `-h 127.0.0.1 -p ${port} -k ${dir} -F -c max_connections=200`, '-l', join(dir, 'log'), '-w', 'start']);
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string };
    throw new Error(`无法启动测试用 PostgreSQL：${e.stderr?.toString() || e.message}`);
  }
  // Who started it: a later run stops clusters whose jest was killed before its teardown (see reapStale).
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops and removes test clusters left behind by runs that died without their teardown. */
export function reapStale(bin: string): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('yanbiao-pg-')) continue;
    const dir = join(tmpdir(), name);
    const ownerFile = join(dir, 'owner.pid');
    if (!existsSync(ownerFile)) continue;
    const owner = Number(readFileSync(ownerFile, 'utf8'));
    if (!Number.isInteger(owner) || alive(owner)) continue;
    try {
      stopCluster(bin, dir);
    } catch {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Stops the cluster at once and removes its files. */
export function stopCluster(bin: string, dir: string): void {
  try {
    asPostgres(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
