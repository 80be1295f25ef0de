/** Writes a copy of manifest.xml for a deployment URL: `npm run manifest -- --url https://district.example.cn [--out file]`. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The origin the checked-in manifest.xml points at (local development server). */
export const DEV_ORIGIN = 'https://localhost:8443';

/** Checks a deployment URL and returns its origin (scheme://host[:port]); throws a Chinese message when unusable. */
export function deploymentOrigin(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`无效的地址：${url}（应形如 https://district.example.cn）`);
  }
  // Office loads add-ins only over HTTPS, so an http:// manifest would install but never open.
  if (u.protocol !== 'https:') throw new Error(`加载项地址必须使用 https：${url}`);
  if (u.pathname !== '/' || u.search || u.hash) throw new Error(`请只填写服务器根地址（不含路径）：${url}`);
  return u.origin;
}

/** The manifest text with every URL moved from the development origin to `url`'s origin. */
export function manifestFor(url: string, template: string): string {
  const origin = deploymentOrigin(url);
  return template.split(DEV_ORIGIN).join(origin);
}

/** Parses `--url X --out Y` (defaults: the development origin, addin/dist/manifest.xml). */
export function parseArgs(argv: string[]): { url: string; out: string } {
  let url = DEV_ORIGIN;
  let out = join(__dirname, '..', 'addin', 'dist', 'manifest.xml');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`参数 ${a} 缺少取值`);
      return v;
    };
    if (a === '--url') url = next();
    else if (a.startsWith('--url=')) url = a.slice(6);
    else if (a === '--out') out = next();
    else if (a.startsWith('--out=')) out = a.slice(6);
    else throw new Error(`未知参数：${a}（用法：npm run manifest -- --url https://district.example.cn [--out 文件]）`);
  }
  return { url, out };
}

if (require.main === module) {
  try {
    const { url, out } = parseArgs(process.argv.slice(2));
    const template = readFileSync(join(__dirname, '..', 'manifest.xml'), 'utf8');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, manifestFor(url, template));
    process.stdout.write(`已写出清单 ${out}（地址 ${deploymentOrigin(url)}）\n`);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
