/** `npm run dev-certs` makes a certificate and the server then answers over HTTPS (TLS_CERT/TLS_KEY). */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv, startChild } from '../support/child-server';
import { openTestStore } from '../support/store';

const ROOT = join(__dirname, '..', '..');

function get(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

const haveOpenssl = (() => {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
})();

(haveOpenssl ? test : test.skip)('dev-certs + TLS_CERT/TLS_KEY → HTTPS on 127.0.0.1, trusted with that certificate', async () => {
  // Run the script on a copy, so the developer's own .certs/ is never touched.
  const dir = mkdtempSync(join(tmpdir(), 'yanbiao-certs-'));
  mkdirSync(join(dir, 'scripts'));
  cpSync(join(ROOT, 'scripts', 'dev-certs.sh'), join(dir, 'scripts', 'dev-certs.sh'));
  writeFileSync(join(dir, 'package.json'), '{}');
  execFileSync('bash', [join(dir, 'scripts', 'dev-certs.sh')], { stdio: 'pipe' });
  const cert = join(dir, '.certs', 'localhost.crt');
  expect(existsSync(cert)).toBe(true);
  const t = await openTestStore('sqlite');
  const server = await startChild(childEnv(t.env, { TLS_CERT: cert, TLS_KEY: join(dir, '.certs', 'localhost.key') }));
  try {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await get(`${server.url}/healthz`, readFileSync(cert));
    expect(res).toEqual({ status: 200, body: '{"ok":true,"store":"sqlite"}' });
  } finally {
    await server.stop();
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});
