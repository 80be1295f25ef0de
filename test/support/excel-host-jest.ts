/** Jest helper: a fresh stand-in host installed as the `Office`/`Excel` globals, plus a localStorage. */
import { createHost, installHost, type Host, type HostOptions } from './excel-host';
import { WorkbookModel } from './excel-host-model';

/** A Map-backed localStorage (Node has none). */
export function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => { m.delete(k); },
    setItem: (k, v) => { m.set(k, String(v)); },
  };
}

/** Creates and installs a host over a new workbook built by `setup`. */
export function useHost(setup: (model: WorkbookModel) => void, opts: HostOptions = {}): Host {
  const model = new WorkbookModel();
  setup(model);
  const host = createHost(model, opts);
  installHost(host);
  (globalThis as Record<string, unknown>).localStorage = memoryStorage();
  return host;
}
