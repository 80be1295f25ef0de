/**
 * The suites that need "today" (terms, deadlines, 迟交/按时, the demo district, reminders, the web harness), run again
 * with the system clock set by libfaketime (Debian's `faketime`) to the first and the last day of each term in China
 * time (秋 1 August – 31 January, 春 1 February – 31 July): every test that needs today takes an injected clock, so the
 * system's must change nothing; and `yanbiao serve`, whose only clock is the system's, must make the demo district for
 * the term of that day.
 *
 * The first days start at 00:00 in China, when the day (and the term) in UTC is still the one before; the last days
 * at 23:00, an hour before the term ends (the clock keeps running while the suites do).
 *
 * Slow (each date runs the suites below in a jest of its own), so opt-in: YANBIAO_FAKETIME=1 (CI sets it).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const FAKETIME = '/usr/bin/faketime';
const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');

/** The suites run under each date. */
const SUITES = [
  'test/server/cli/serve.test.ts',
  'test/server/status.test.ts',
  'test/server/summary.test.ts',
  'test/server/reminders.test.ts',
  'test/server/demo/district.test.ts',
  'test/web/reminders.test.ts',
  'test/web/flow.test.ts',
  // The add-in's client and task pane: the rig's server and page share one injected clock (test/support/district-app.ts).
  'test/addin/core/api.test.ts',
  'test/browser/addin.test.ts',
  'test/browser/addin-older-excel.test.ts',
  'test/browser/addin-pane-ux.test.ts',
];

/** [the system clock's start, in UTC; what day that is]. */
const DATES = [
  ['2026-07-31 16:00:00', '2026-08-01 00:00 in China: 2026秋’s first day'],
  ['2027-01-31 15:00:00', '2027-01-31 23:00 in China: 2026秋’s last day'],
  ['2027-01-31 16:00:00', '2027-02-01 00:00 in China: 2027春’s first day'],
  ['2027-07-31 15:00:00', '2027-07-31 23:00 in China: 2027春’s last day'],
] as const;

/** Runs a command to its end; resolves to its exit code and everything it printed. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.on('close', (code) => resolve({ code, out }));
  });
}

/**
 * The environment for faketime: dates in UTC. The monotonic clock is moved too (with it left alone, libfaketime makes
 * Chromium's many threads crawl: a page takes a minute); it moves once and then runs at the real pace, as timers need.
 */
function fakeEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC' };
  delete env.FAKETIME_DONT_FAKE_MONOTONIC;
  // The inner jest uses this run's PostgreSQL cluster, and must not stop it when it ends (global-teardown.ts).
  delete env.YANBIAO_TEST_PG_DIR;
  delete env.YANBIAO_TEST_PG_BIN;
  return env;
}

const optIn = process.env.YANBIAO_FAKETIME === '1';

(optIn ? describe : describe.skip)('with the system clock on a term’s first or last day (faketime)', () => {
  beforeAll(() => {
    if (!existsSync(FAKETIME)) throw new Error(`找不到 ${FAKETIME}：请先运行 .ci/deps（安装 Debian 的 faketime）`);
  });

  test.each(DATES)('system clock from %s UTC (%s)', async (utc) => {
    // libfaketime reaches Node's clock (or this test proves nothing).
    const probe = await run(FAKETIME, ['-f', `@${utc}`, process.execPath, '-e', 'process.stdout.write(new Date().toISOString())'], fakeEnv());
    expect(probe.out.slice(0, 16)).toBe(utc.replace(' ', 'T').slice(0, 16));
    const r = await run(FAKETIME, ['-f', `@${utc}`, process.execPath, JEST, '--ci', ...SUITES], fakeEnv());
    // On failure, the start of jest's report of each failed test (which, and why) is what the reader needs.
    const failures = r.out
      .split(/\n(?= {2}● )/)
      .slice(1)
      .map((block) => block.split('\n').slice(0, 16).join('\n'));
    expect({ code: r.code, failures }).toEqual({ code: 0, failures: [] });
    expect(r.out).toMatch(new RegExp(`^Test Suites: ${SUITES.length} passed`, 'm'));
  }, 20 * 60_000);
});
