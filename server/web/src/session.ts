/** The sign-in token lives in sessionStorage only: it dies with the tab and is never written anywhere else. */

const KEY = 'yanbiao.token';

/** The stored token, or null when signed out (or storage is unavailable). */
export function getToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Stores the token for this tab. */
export function setToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

/** Forgets the token and everything else this page kept for the tab. */
export function clearSession(): void {
  try {
    sessionStorage.clear();
  } catch {
    // storage unavailable: nothing was kept
  }
}
