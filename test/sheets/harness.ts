/** Shared test setup: the Sheets stand-in and the real googleapis client pointed at it through the env vars. */
import { createSheetsClient, SheetsClient } from '../../server/sheets/client';
import { sheetsConfigFromEnv } from '../../server/sheets/config';
import { RecordedRequest, SheetsStandIn, startSheetsStandIn } from './stand-in/server';

/** The client exactly as the server builds it, from GOOGLE_SHEETS_ROOT_URL and GOOGLE_OAUTH_ACCESS_TOKEN. */
export function clientFor(standIn: SheetsStandIn, account?: string): SheetsClient {
  const config = sheetsConfigFromEnv({ GOOGLE_SHEETS_ROOT_URL: standIn.url, GOOGLE_OAUTH_ACCESS_TOKEN: standIn.token });
  if (!config) throw new Error('config expected');
  const client = createSheetsClient(config);
  return account ? { ...client, account } : client;
}

/** A request reduced to what the tests compare: method, decoded path, query. */
export function line(r: RecordedRequest): string {
  const q = new URLSearchParams(r.query).toString();
  return `${r.method} ${r.path}${q ? `?${decodeURIComponent(q)}` : ''}`;
}

export { startSheetsStandIn };
export type { SheetsStandIn };
