/** Settings from the environment and building the client: token, service-account key file, OAuth2, nothing. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSheetsClient } from '../../server/sheets/client';
import { sheetsConfigFromEnv } from '../../server/sheets/config';
import { SheetsError } from '../../server/sheets/errors';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanbiao-sheets-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('no Google settings at all: the feature is off (null), nothing else needed', () => {
  expect(sheetsConfigFromEnv({})).toBeNull();
  expect(sheetsConfigFromEnv({ GOOGLE_SHEETS_ROOT_URL: 'http://127.0.0.1:1/' })).toBeNull();
  expect(sheetsConfigFromEnv({ GOOGLE_OAUTH_CLIENT_ID: 'only-the-id' })).toBeNull();
});

test('each kind of credential is read, with the root URL override', () => {
  expect(sheetsConfigFromEnv({ GOOGLE_OAUTH_ACCESS_TOKEN: ' ya29.tok ', GOOGLE_SHEETS_ROOT_URL: 'http://127.0.0.1:9/' })).toEqual({
    accessToken: 'ya29.tok',
    rootUrl: 'http://127.0.0.1:9/',
    keyFile: undefined,
  });
  expect(sheetsConfigFromEnv({ GOOGLE_APPLICATION_CREDENTIALS: '/etc/yanbiao/key.json' })?.keyFile).toBe('/etc/yanbiao/key.json');
  expect(
    sheetsConfigFromEnv({ GOOGLE_OAUTH_CLIENT_ID: 'id', GOOGLE_OAUTH_CLIENT_SECRET: 'secret', GOOGLE_OAUTH_REFRESH_TOKEN: 'refresh' })?.oauth,
  ).toEqual({ clientId: 'id', clientSecret: 'secret', refreshToken: 'refresh' });
});

test('a service-account key file gives the e-mail that spreadsheets must be shared with', () => {
  const key = path.join(dir, 'key.json');
  fs.writeFileSync(key, JSON.stringify({ type: 'service_account', client_email: 'yanbiao@wtq-edu.iam.gserviceaccount.com', private_key: 'unused' }));
  const client = createSheetsClient({ keyFile: key });
  expect(client.account).toBe('yanbiao@wtq-edu.iam.gserviceaccount.com');
  expect(typeof client.api.spreadsheets.values.get).toBe('function');
});

test('a missing or broken key file is a Chinese not_configured error naming the file', () => {
  const missing = path.join(dir, 'nope.json');
  const broken = path.join(dir, 'broken.json');
  fs.writeFileSync(broken, '{"type":"something_else"}');
  for (const file of [missing, broken]) {
    let err: unknown;
    try {
      createSheetsClient({ keyFile: file });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SheetsError);
    expect((err as SheetsError).code).toBe('not_configured');
    expect((err as SheetsError).message).toContain(file);
  }
  expect(() => createSheetsClient({})).toThrow(/GOOGLE_APPLICATION_CREDENTIALS/);
});
