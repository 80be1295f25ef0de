/** Google Sheets settings from the environment; absent settings mean the feature is simply off. */

/** How the server reaches Google Sheets. */
export interface SheetsConfig {
  /** `GOOGLE_SHEETS_ROOT_URL`: API root (googleapis' `rootUrl`), e.g. a local stand-in; default Google's. */
  rootUrl?: string;
  /** `GOOGLE_OAUTH_ACCESS_TOKEN`: a ready bearer token, used as is (no token exchange). */
  accessToken?: string;
  /** `GOOGLE_APPLICATION_CREDENTIALS`: a service-account (or authorized-user) JSON key file. */
  keyFile?: string;
  /** `GOOGLE_OAUTH_CLIENT_ID` / `_SECRET` / `_REFRESH_TOKEN`: OAuth2 credentials of a Google account. */
  oauth?: { clientId: string; clientSecret: string; refreshToken: string };
}

/** The environment variables this feature reads (for docs and error messages). */
export const SHEETS_ENV = [
  'GOOGLE_APPLICATION_CREDENTIALS',
  'GOOGLE_OAUTH_ACCESS_TOKEN',
  'GOOGLE_OAUTH_CLIENT_ID',
  'GOOGLE_OAUTH_CLIENT_SECRET',
  'GOOGLE_OAUTH_REFRESH_TOKEN',
  'GOOGLE_SHEETS_ROOT_URL',
] as const;

/** Reads the settings; null when no credential of any kind is set (Sheets sync is then unavailable). */
export function sheetsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SheetsConfig | null {
  const get = (k: string) => {
    const v = env[k]?.trim();
    return v ? v : undefined;
  };
  const config: SheetsConfig = {
    rootUrl: get('GOOGLE_SHEETS_ROOT_URL'),
    accessToken: get('GOOGLE_OAUTH_ACCESS_TOKEN'),
    keyFile: get('GOOGLE_APPLICATION_CREDENTIALS'),
  };
  const clientId = get('GOOGLE_OAUTH_CLIENT_ID');
  const clientSecret = get('GOOGLE_OAUTH_CLIENT_SECRET');
  const refreshToken = get('GOOGLE_OAUTH_REFRESH_TOKEN');
  if (clientId && clientSecret && refreshToken) config.oauth = { clientId, clientSecret, refreshToken };
  if (!config.accessToken && !config.keyFile && !config.oauth) return null;
  return config;
}
