/** Pane-wide state: host capabilities, settings, the chosen term, and the last validation. */
import { termOf, todayIso, type ValidateOptions } from '../../shared';
import { fetchRegisters, type ApiTarget } from '../core/api';
import { compiledOf, readKept, type KeptDefinition } from '../core/registers';
import { titleOf } from '../../shared/registers/list';
import type { ValidationRun } from '../flows/validate';
import { docSetting, saveDocSettings, setUserValue, userValue, type HostInfo } from '../excel';

/** Settings the user keeps: server and school per document, the token per user. */
export interface Settings { server: string; school: string; token: string; term: string }

/**
 * The state shared by the panels. `typed`: the settings last typed into 上传, kept for this session even when they were
 * not saved (an upload refused for errors in the workbook), so 下载 does not ask for them again.
 */
export const state: { host: HostInfo | null; last: ValidationRun | null; typed: Settings | null } = { host: null, last: null, typed: null };

/** Document-settings keys. */
export const KEYS = { server: 'yanbiao.server', school: 'yanbiao.school', term: 'yanbiao.term', registers: 'yanbiao.registers' } as const;

/** The district's definition kept with this workbook, or null (the built-in one applies). */
export function keptDefinition(): KeptDefinition | null {
  return readKept(docSetting<unknown>(KEYS.registers));
}

/** What 校验, 修正 and 上传 validate with: the chosen term and the kept definition's registers. */
export function validateOptions(): ValidateOptions {
  const registers = compiledOf(keptDefinition());
  return { term: docSetting<string>(KEYS.term) ?? currentTerm(), ...(registers ? { registers } : {}) };
}

/** A register's Chinese title under the kept definition (its code when unknown). */
export function registerTitle(code: string): string {
  return titleOf(code, compiledOf(keptDefinition()));
}

/**
 * Fetches the district's definition and keeps it with the workbook (a newer version replaces the kept one).
 * Returns the kept definition; when the district cannot be reached the one kept before stays in use.
 */
export async function refreshDefinition(target: ApiTarget): Promise<KeptDefinition> {
  const got = await fetchRegisters(target);
  const kept: KeptDefinition = { version: got.version, server: target.base, fetchedAt: new Date().toISOString(), definition: got.definition };
  const before = keptDefinition();
  if (!before || before.version !== kept.version || before.server !== kept.server) await saveDocSettings({ [KEYS.registers]: kept });
  return kept;
}

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

/** The settings to use now: those typed in this session, else the saved ones. */
export function currentSettings(): Settings {
  return state.typed ?? loadSettings();
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
  state.typed = s;
  setUserValue('token', s.token || null);
  await saveDocSettings({ [KEYS.server]: s.server, [KEYS.school]: s.school, [KEYS.term]: s.term });
}
