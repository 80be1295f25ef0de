/** A real `yanbiao serve` child process on 127.0.0.1 (port chosen by the OS), for crash and CLI tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { SERVER_NODE_FLAG } from '../../server/cli/serve';

const ROOT = join(__dirname, '..', '..');

/** Every child started by this file that has not exited yet. */
const running = new Set<ChildProcess>();

// Whatever a test did (a failed expectation, a sibling that failed to start), no child outlives its test file:
// a live child's pipes would keep jest's worker from ever exiting.
if (typeof afterAll === 'function') afterAll(() => Promise.all([...running].map((child) => (child.kill('SIGKILL'), exited(child)))));

/** A running child server. */
export interface ChildServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** What the child wrote on stdout alone (the JSON request logs). */
  stdout: () => string;
  /** SIGKILL: no cleanup of any kind. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Environment for a child that uses the given store and no demo (PostgreSQL only when the store env names one). */
export function childEnv(storeEnv: Record<string, string>, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', YANBIAO_DEMO: '0', LOG_LEVEL: 'warn', ...storeEnv, ...extra };
  if (!storeEnv.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/**
 * Starts `node --single-threaded-gc bin/yanbiao serve` (as `npm start` does; `nodeFlags: []` without it) and waits
 * (up to 30 s) for the line with its URL.
 */
export function startChild(env: NodeJS.ProcessEnv, nodeFlags: readonly string[] = [SERVER_NODE_FLAG]): Promise<ChildServer> {
  const child = spawn(process.execPath, [...nodeFlags, join(ROOT, 'bin', 'yanbiao'), 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  let stdout = '';
  child.stdout!.on('data', (c: Buffer) => ((out += c.toString('utf8')), (stdout += c.toString('utf8'))));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`服务器 30 秒内未启动：\n${out}`));
    }, 30_000);
    const onData = () => {
      const m = /研表服务器已启动：(\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stderr!.off('data', onData);
      resolve({
        url: m[1].replace(/\/$/, ''),
        child,
        output: () => out,
        stdout: () => stdout,
        kill: async () => {
          child.kill('SIGKILL');
          await exited(child);
        },
        stop: async () => {
          child.kill('SIGTERM');
          await exited(child);
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`服务器退出（${code}）：\n${out}`));
    });
  });
}
