/** Runs a command in a child process and reports its wall time and peak memory (via report-rss.js). */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Wall time (ms), peak RSS (MB) and exit code of `node <args>`. */
export function measureNode(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ ms: number; peakMb: number; code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const t = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-r', join(__dirname, 'report-rss.js'), ...args], { env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      const kb = Number(/MAXRSS_KB=(\d+)/.exec(err)?.[1] ?? 0);
      resolve({ ms, peakMb: kb / 1024, code: code ?? -1, stdout: out });
    });
  });
}
