/** Settings kept with current Office APIs: per document (Office.context.document.settings) and per user
 *  (localStorage keyed by Office.context.partitionKey, so each add-in instance/partition keeps its own token). */

/** A document setting, or null. */
export function docSetting<T>(name: string): T | null {
  return (Office.context.document.settings.get(name) as T | undefined) ?? null;
}

/**
 * Reads the settings saved in the document into this runtime's copy. Each runtime (the task pane; a ribbon command
 * where the host has no shared runtime) works on its own in-memory copy, and saveAsync writes the whole copy over
 * the document's: without this, the pane would neither see the marks the 校验 command saved nor keep them on its
 * next save. A failed refresh leaves the copy as it was.
 */
export function refreshDocSettings(): Promise<void> {
  const s = Office.context.document.settings;
  if (typeof s.refreshAsync !== 'function') return Promise.resolve();
  return new Promise((resolve) => s.refreshAsync(() => resolve()));
}

/** Sets document settings and saves them into the workbook, over the latest the document holds. */
export async function saveDocSettings(values: Record<string, unknown>): Promise<void> {
  await refreshDocSettings();
  const s = Office.context.document.settings;
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined) s.remove(k);
    else s.set(k, v);
  }
  return new Promise((resolve, reject) => {
    s.saveAsync((r) => {
      if (r.status === Office.AsyncResultStatus.Succeeded) resolve();
      else reject(new Error(`保存文档设置失败：${r.error?.message ?? '未知原因'}`));
    });
  });
}

function storageKey(name: string): string {
  // partitionKey separates storage per add-in instance on Office on the web; it is undefined on some desktops
  const partition = Office.context.partitionKey;
  return partition ? `${partition}yanbiao:${name}` : `yanbiao:${name}`;
}

/** A per-user value (the upload token), or null. */
export function userValue(name: string): string | null {
  try { return globalThis.localStorage?.getItem(storageKey(name)) ?? null; } catch { return null; }
}

/** Stores or (null) forgets a per-user value. */
export function setUserValue(name: string, value: string | null): void {
  const key = storageKey(name);
  if (value === null) globalThis.localStorage?.removeItem(key);
  else globalThis.localStorage?.setItem(key, value);
}
