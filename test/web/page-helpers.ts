/** Page-level helpers shared by the browser suites: dropping a file, asking the server directly, reading the board. */
import type { Page } from 'playwright-core';

/** The .xlsx MIME type. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Drops a file on the drop zone the way a browser does (a DataTransfer with a File). */
export async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const dt = await page.evaluateHandle(
    ({ b64, name, type }) => {
      const bin = atob(b64);
      const arr = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(new File([arr], name, { type }));
      return transfer;
    },
    { b64: bytes.toString('base64'), name, type: XLSX },
  );
  await page.dispatchEvent('[data-testid=dropzone]', 'drop', { dataTransfer: dt });
}

/** GET with a token straight to the server (to check what was stored, not what the page shows). */
export async function apiGet(base: string, path: string, token: string): Promise<any> {
  const res = await fetch(base + path, { headers: { Authorization: `Bearer ${token}` } });
  return res.json();
}

/** The state each board cell of one school shows, by kind. */
export async function boardStates(page: Page, code: string): Promise<Record<string, string>> {
  return page.$$eval(`tr[data-school="${code}"] td[data-kind]`, (tds) => Object.fromEntries(tds.map((td) => [td.getAttribute('data-kind'), td.getAttribute('data-state')])));
}
