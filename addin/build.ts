/** Bundles the task pane (which also registers the ribbon commands) and the dialog into addin/dist (esbuild), with the static pages and
 *  the generated icons. Called by scripts/build.ts on `npm install` / `npm run build`. */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { writeIcons } from '../scripts/icons';

/** Where the bundle goes. */
export const DIST = join(__dirname, 'dist');

/** Builds addin/dist (`out` for tests that build elsewhere). */
export async function buildAddin(out: string = DIST): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: {
      taskpane: join(__dirname, 'pane', 'main.ts'),
      dialog: join(__dirname, 'commands', 'dialog.ts'),
    },
    outdir: out,
    bundle: true,
    format: 'iife',
    // Excel's web views: Edge WebView2 on Windows, WKWebView on Mac/iPad, the browser on the web
    target: ['chrome100', 'safari15', 'edge100'],
    minify: true,
    sourcemap: 'linked',
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  const statics = join(__dirname, 'static');
  for (const f of readdirSync(statics)) copyFileSync(join(statics, f), join(out, f));
  writeIcons(join(out, 'assets'));
}
