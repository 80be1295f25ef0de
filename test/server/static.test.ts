/** The built bundles are served: the add-in at /addin/ (framable by Office, Office.js allowed), the web page at /. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { openDistrict, type TestDistrict } from '../support/store';

describe('static bundles', () => {
  let d: TestDistrict;
  const addin = mkdtempSync(join(tmpdir(), 'yanbiao-addin-'));
  const web = mkdtempSync(join(tmpdir(), 'yanbiao-web-'));
  beforeAll(async () => {
    writeFileSync(join(addin, 'taskpane.html'), '<!doctype html><title>研表</title>');
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>研表 区级</title>');
    d = await openDistrict('sqlite', [], { addinDist: addin, webDist: web });
  });
  afterAll(async () => {
    await d.dispose();
    rmSync(addin, { recursive: true, force: true });
    rmSync(web, { recursive: true, force: true });
  });

  test('/addin/taskpane.html may be framed by Office and load Office.js; the rest may not be framed', async () => {
    const pane = await request(d.app).get('/addin/taskpane.html');
    expect(pane.status).toBe(200);
    expect(pane.text).toContain('研表');
    const csp = pane.headers['content-security-policy'];
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/\*\.officeapps\.live\.com/);
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
    expect(pane.headers['x-frame-options']).toBeUndefined();
    const page = await request(d.app).get('/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('研表 区级');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'self'/);
    // Served over plain HTTP on a LAN, an upgrade directive would make the browser fetch app.js over https: a blank page.
    expect(page.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
  });

  test('a missing file under /addin/ is a 404 in the error shape', async () => {
    const res = await request(d.app).get('/addin/nope.js');
    expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
  });
});
