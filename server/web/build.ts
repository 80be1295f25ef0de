/** Bundles the web page (TypeScript + the installed ECharts, no CDN) into server/web/dist: index.html, app.js, app.css. */
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the server serves the page from. */
export const WEB_DIST = join(__dirname, 'dist');

/** Builds the page into `outDir` (default WEB_DIST; minified, ECharts tree-shaken to the charts the page draws). */
export async function buildWeb(outDir: string = WEB_DIST): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [join(__dirname, 'src', 'main.ts')],
    outfile: join(outDir, 'app.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    // Chinese school offices often run older Chromium-based browsers (360, QQ, Edge); es2019 keeps them working.
    target: ['es2019'],
    charset: 'utf8',
    legalComments: 'eof',
    logLevel: 'silent',
  });
  await copyFile(join(__dirname, 'index.html'), join(outDir, 'index.html'));
  await copyFile(join(__dirname, 'app.css'), join(outDir, 'app.css'));
}
