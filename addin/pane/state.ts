/** Pane-wide state: host capabilities, settings, the chosen term, and the last validation. */
import { termOf, todayIso } from '../../shared';
import type { ValidationRun } from '../flows/validate';
import { docSetting, saveDocSettings, setUserValue, userValue, type HostInfo } from '../excel';

/** Settings the user keeps: server and school per document, the token per user. */
export interface Settings { server: string; school: string; token: string; term: string }

/** The state shared by the panels. */
export const state: { host: HostInfo | null; last: ValidationRun | null } = { host: null, last: null };

/** Document-settings keys. */
export const KEYS = { server: 'yanbiao.server', school: 'yanbiao.school', term: 'yanbiao.term' } as const;

/** The current term (the one containing today, in China's time zone). */
export function currentTerm(): string {
  return termOf(todayIso());
}

/** The current term and the three before it, newest first (the term picker). */
export function recentTerms(): string[] {
  const out = [currentTerm()];
  while (out.length < 4) {
    const last = out[out.length - 1];
    const year = Number(last.slice(0, 4));
    out.push(last.endsWith('秋') ? `${year}春` : `${year - 1}秋`);
  }
  return out;
}

/** Reads the settings; the server defaults to the origin the pane was served from. */
export function loadSettings(): Settings {
  return {
    server: docSetting<string>(KEYS.server) ?? location.origin,
    school: docSetting<string>(KEYS.school) ?? '',
    token: userValue('token') ?? '',
    term: docSetting<string>(KEYS.term) ?? currentTerm(),
  };
}

/** Saves the settings (the token stays out of the document, so sharing the file never shares it). */
export async function storeSettings(s: Settings): Promise<void> {
  setUserValue('token', s.token || null);
  await saveDocSettings({ [KEYS.server]: s.server, [KEYS.school]: s.school, [KEYS.term]: s.term });
}
