/**
 * Runs every test of the given test files alone, one jest process per test (`-t` with the test's full name as an
 * exact pattern), and lists those that fail alone: a test leaning on what an earlier test left passes in the
 * file's run and fails here. Slow (a few seconds per test), so not part of `npm test`; `npm run test:alone -- FILE…`.
 * Without files it takes the server, web and Sheets suites, where tests share districts, stores and servers.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const JEST = join(ROOT, 'node_modules', '.bin', 'jest');

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? testFiles(p) : p.endsWith('.test.ts') ? [p] : [];
  });
}

/** The full names of a file's tests, as jest's JSON report gives them. */
function testNames(file: string): string[] {
  const r = spawnSync(JEST, [file, '--json', '--randomize=false'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const report = JSON.parse(r.stdout) as { testResults: { assertionResults: { fullName: string; status: string }[] }[] };
  return report.testResults.flatMap((t) => t.assertionResults.filter((a) => a.status !== 'pending').map((a) => a.fullName));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const args = process.argv.slice(2);
const files = args.length ? args : ['server', 'web', 'sheets'].flatMap((d) => testFiles(join(ROOT, 'test', d)));
const failed: string[] = [];
let count = 0;
for (const file of files) {
  for (const name of testNames(file)) {
    count++;
    const r = spawnSync(JEST, [file, '-t', `^${escape(name)}$`], { cwd: ROOT, encoding: 'utf8' });
    const ran = /Tests:.*(\d+) passed/.test(r.stderr);
    if (r.status !== 0 || !ran) {
      failed.push(`${relative(ROOT, file)} › ${name}`);
      console.log(`失败  ${relative(ROOT, file)} › ${name}`);
    }
  }
  console.log(`${relative(ROOT, file)}：完成`);
}
console.log(`单独运行 ${count} 个测试，失败 ${failed.length} 个`);
process.exitCode = failed.length ? 1 : 0;
