/** Builds the googleapis Sheets v4 client from the settings: bearer token, service-account key or OAuth2. */
import fs from 'node:fs';
import type { sheets_v4 } from '@googleapis/sheets';
import type { SheetsConfig } from './config';
import { SheetsError } from './errors';

/** The Sheets API plus who it acts as (the e-mail a spreadsheet must be shared with, when known). */
export interface SheetsClient {
  api: sheets_v4.Sheets;
  account?: string;
}

/** Edit rights: publish writes tabs, import reads values. */
export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

/** Reads `client_email` and `type` of a key file, with a Chinese error when it is missing or not JSON. */
function readKeyFile(file: string): { type?: string; client_email?: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new SheetsError('not_configured', `找不到 GOOGLE_APPLICATION_CREDENTIALS 指定的密钥文件：${file}。请填写服务账号 JSON 密钥文件的完整路径。`);
  }
  try {
    const json = JSON.parse(text) as { type?: string; client_email?: string };
    if (json.type !== 'service_account' && json.type !== 'authorized_user') throw new Error(String(json.type));
    return json;
  } catch {
    throw new SheetsError('not_configured', `密钥文件 ${file} 不是有效的 Google 服务账号 JSON 密钥：请在 Google Cloud 控制台为服务账号重新创建 JSON 密钥。`);
  }
}

/** Creates the client; a ready access token wins over a key file, which wins over OAuth2 credentials. */
export function createSheetsClient(config: SheetsConfig): SheetsClient {
  // Loaded here, not at the top: googleapis takes ~0.3 s to load, and every CLI command and server start
  // would pay for it even where Google Sheets is never used.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { auth: googleAuth, sheets } = require('@googleapis/sheets') as typeof import('@googleapis/sheets');
  const common = {
    version: 'v4' as const,
    rootUrl: config.rootUrl,
    // Our own backoff (retry.ts) decides when to retry; gaxios' built-in retries would hide 429s from it.
    retry: false,
    // Node's own fetch: gaxios would otherwise import() the ESM node-fetch, which CommonJS test runners cannot load.
    fetchImplementation: globalThis.fetch,
  };
  if (config.accessToken) {
    const client = new googleAuth.OAuth2();
    client.setCredentials({ access_token: config.accessToken });
    return { api: sheets({ ...common, auth: client }) };
  }
  if (config.keyFile) {
    const key = readKeyFile(config.keyFile);
    const auth = new googleAuth.GoogleAuth({ keyFile: config.keyFile, scopes: [SHEETS_SCOPE] });
    return { api: sheets({ ...common, auth }), account: key.client_email };
  }
  if (config.oauth) {
    const client = new googleAuth.OAuth2(config.oauth.clientId, config.oauth.clientSecret);
    client.setCredentials({ refresh_token: config.oauth.refreshToken });
    return { api: sheets({ ...common, auth: client }) };
  }
  throw new SheetsError(
    'not_configured',
    '未配置 Google 表格：请设置 GOOGLE_APPLICATION_CREDENTIALS（服务账号密钥文件），或 GOOGLE_OAUTH_ACCESS_TOKEN，或 GOOGLE_OAUTH_CLIENT_ID / GOOGLE_OAUTH_CLIENT_SECRET / GOOGLE_OAUTH_REFRESH_TOKEN。',
  );
}
