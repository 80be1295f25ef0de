/** Builds the browser bundles (task pane → addin/dist, web page → server/web/dist). Runs on `npm install` (prepare). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

async function main(): Promise<void> {
  const steps: [string, string, string][] = [
    ['addin/build.ts', 'buildAddin', '加载项'],
    ['server/web/build.ts', 'buildWeb', '网页'],
  ];
  for (const [file, fn, label] of steps) {
    const full = join(__dirname, '..', file);
    if (!existsSync(full)) continue;
    const mod = require(full);
    await mod[fn]();
    process.stdout.write(`已构建${label}\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`构建失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
