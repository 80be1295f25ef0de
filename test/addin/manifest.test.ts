import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_ORIGIN, deploymentOrigin, manifestFor, parseArgs } from '../../scripts/manifest';

const root = join(__dirname, '..', '..');
// CI keeps shared/ beside the checkout, so the schemas are found relative to the repo root.
const xsd = join(root, '..', 'shared', 'office-manifest-xsd', 'OfficeAppManifestV1_1.xsd');
const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8');

/**
 * The vendored schemas predate <Runtimes> (../shared/office-manifest-xsd/README.md), so the manifest is checked
 * against them without that one element, and the element itself is checked below against Microsoft's manifest
 * reference (Runtimes → Runtime resid, lifetime="long").
 */
function withoutRuntimes(xml: string): string {
  return xml.replace(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/, '');
}

/** Runs xmllint against Microsoft's schemas; returns [ok, output]. */
function validate(xml: string): [boolean, string] {
  xml = withoutRuntimes(xml);
  const dir = mkdtempSync(join(tmpdir(), 'yb-manifest-'));
  const file = join(dir, 'manifest.xml');
  writeFileSync(file, xml);
  try {
    const out = execFileSync('xmllint', ['--noout', '--schema', xsd, file], { stdio: 'pipe' });
    return [true, out.toString()];
  } catch (err) {
    const e = err as { stderr?: Buffer };
    return [false, e.stderr?.toString() ?? String(err)];
  }
}

describe('manifest.xml', () => {
  test('validates against the Office add-in manifest schemas', () => {
    const [ok, out] = validate(manifest);
    expect(out).not.toMatch(/error/i);
    expect(ok).toBe(true);
  });

  test('the schema check is real: a manifest without <Id> is rejected', () => {
    const [ok, out] = validate(manifest.replace(/<Id>[^<]*<\/Id>/, ''));
    expect(ok).toBe(false);
    expect(out).toMatch(/Version|Id/);
  });

  test('a Home-tab group 研表 with a function command 校验 and a task-pane button 研表面板', () => {
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>validateActiveSheet<\/FunctionName>/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">/);
    for (const zh of ['研表', '校验', '研表面板']) expect(manifest).toContain(`<bt:Override Locale="zh-CN" Value="${zh}"/>`);
    expect(manifest).toMatch(/<DefaultLocale>en-US<\/DefaultLocale>/);
    for (const size of [16, 32, 80]) expect(manifest).toContain(`/addin/assets/icon-${size}.png`);
    // A task pane add-in's high-resolution icon is 64×64 (Microsoft's manifest reference), not the 80 px ribbon icon.
    expect(manifest).toMatch(/<HighResolutionIconUrl DefaultValue="[^"]*\/addin\/assets\/icon-64\.png"\/>/);
    expect(manifest).toContain('<Host Name="Workbook"/>');
  });

  test('a shared runtime: the task pane page is the runtime of the ribbon command too, kept alive', () => {
    const runtimes = /<Runtimes>\s*<Runtime resid="([^"]+)" lifetime="long"\/>\s*<\/Runtimes>/.exec(manifest);
    expect(runtimes).not.toBeNull();
    const resid = runtimes![1];
    // Microsoft's recipe: the FunctionFile and the task pane's SourceLocation name the same resource as the Runtime.
    expect(manifest).toContain(`<FunctionFile resid="${resid}"/>`);
    expect(manifest).toContain(`<SourceLocation resid="${resid}"/>`);
    expect(manifest).toMatch(new RegExp(`<bt:Url id="${resid.replace(/\./g, '\\.')}" DefaultValue="[^"]*/addin/taskpane\\.html"/>`));
    // Runtimes is a child of Host, before the form factor (VersionOverrides 1.0 for task pane add-ins).
    expect(manifest).toMatch(/<Host xsi:type="Workbook">\s*(<!--[\s\S]*?-->\s*)?<Runtimes>[\s\S]*?<\/Runtimes>\s*<DesktopFormFactor>/);
    // Not a requirement of the whole add-in: Excel without SharedRuntime 1.1 (2016/2019 volume editions) still installs it.
    expect(manifest).not.toMatch(/<Set Name="SharedRuntime"/);
  });
});

/** office-addin-manifest's reader, run in plain Node (its dependencies are ES modules jest's runtime cannot load). */
function readWithOfficeTools(file: string): unknown {
  const script = "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1]).then((i) => process.stdout.write(JSON.stringify(i)), (e) => { process.stderr.write(String(e)); process.exit(1); })";
  return JSON.parse(execFileSync(process.execPath, ['-e', script, file], { cwd: root, stdio: 'pipe' }).toString());
}

describe("Microsoft's office-addin-manifest", () => {
  // Its `validate` sends the manifest to Microsoft's store validation service, which needs the internet (the tests
  // use 127.0.0.1 only): `npm run manifest:validate` runs it where there is a network. Offline, its reader parses the
  // manifest as Office's tooling does, and what it reads back is checked here.
  test('reads manifest.xml as a task pane add-in for Excel with the expected identity, icons and permissions', () => {
    const info = readWithOfficeTools(join(root, 'manifest.xml')) as Record<string, unknown> & { defaultSettings?: { sourceLocation?: string } };
    expect(info).toMatchObject({
      officeAppType: 'TaskPaneApp',
      hosts: ['Workbook'],
      permissions: 'ReadWriteDocument',
      defaultLocale: 'en-US',
      providerName: 'Yanbiao',
      iconUrl: `${DEV_ORIGIN}/addin/assets/icon-32.png`,
      highResolutionIconUrl: `${DEV_ORIGIN}/addin/assets/icon-64.png`,
      appDomains: [DEV_ORIGIN],
    });
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_ORIGIN}/addin/taskpane.html`);
  });

  test('its reader is real: a manifest that is not XML is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yb-manifest-'));
    const file = join(dir, 'manifest.xml');
    writeFileSync(file, manifest.replace('</OfficeApp>', ''));
    expect(() => readWithOfficeTools(file)).toThrow();
  });
});

describe('scripts/manifest', () => {
  test('writes a copy for a deployment URL that still validates and has no development URL left', () => {
    const xml = manifestFor('https://district.example.cn', manifest);
    expect(xml).not.toContain(DEV_ORIGIN);
    expect(xml).toContain('<SourceLocation DefaultValue="https://district.example.cn/addin/taskpane.html"/>');
    expect(xml).toContain('<AppDomain>https://district.example.cn</AppDomain>');
    expect(validate(xml)[0]).toBe(true);
  });

  test('refuses http, paths and garbage with a Chinese message', () => {
    expect(() => deploymentOrigin('http://district.example.cn')).toThrow(/https/);
    expect(() => deploymentOrigin('https://district.example.cn/yb')).toThrow(/根地址/);
    expect(() => deploymentOrigin('not a url')).toThrow(/无效的地址/);
  });

  test('argument parsing: default URL, --url and --out', () => {
    expect(parseArgs([]).url).toBe(DEV_ORIGIN);
    expect(parseArgs(['--url', 'https://a.example.cn', '--out', '/tmp/m.xml'])).toEqual({ url: 'https://a.example.cn', out: '/tmp/m.xml' });
    expect(() => parseArgs(['--bogus'])).toThrow(/未知参数/);
  });
});
