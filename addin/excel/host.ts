/** Host detection and requirement sets: what this Excel can do, so features degrade with a message. */

/** Which optional APIs the running Excel has. */
export interface Capabilities {
  /** ExcelApi 1.9: RangeAreas, cell properties — the least Yanbiao runs on. */
  base: boolean;
  /** ExcelApi 1.18: notes (备注). */
  notes: boolean;
  /** ExcelApi 1.10: threaded comments (批注), used when notes are unavailable. */
  comments: boolean;
  /** ExcelApi 1.13: insertWorksheetsFromBase64. */
  insertSheets: boolean;
}

/** What onReady reported. */
export interface HostInfo { host: string; platform: string; excel: boolean; caps: Capabilities }

/** Requirement sets supported by the running host. */
export function capabilities(): Capabilities {
  const has = (v: string) => Office.context.requirements.isSetSupported('ExcelApi', v);
  return { base: has('1.9'), notes: has('1.18'), comments: has('1.10'), insertSheets: has('1.13') };
}

/** Waits for Office (Office.onReady) and reports the host. */
export async function whenReady(): Promise<HostInfo> {
  const info = await Office.onReady();
  const excel = info.host === Office.HostType.Excel;
  return { host: String(info.host), platform: String(info.platform), excel, caps: excel ? capabilities() : { base: false, notes: false, comments: false, insertSheets: false } };
}

/** Registers a ribbon function command (Office.actions.associate; the older global-function way as well). */
export function registerCommand(name: string, run: () => Promise<void>): void {
  const handler = (event?: { completed(): void }) => {
    run().finally(() => event?.completed());
  };
  Office.actions?.associate?.(name, handler);
  (globalThis as Record<string, unknown>)[name] = handler;
}

/**
 * Opens a dialog page (Office.context.ui.displayDialogAsync) and resolves when it is closed: by 确定 (the page posts
 * 'close') or by the dialog's own close button. A ribbon command awaits this before calling event.completed(): in a
 * command runtime of its own (no shared runtime), completing ends the runtime, and with it the dialog and the
 * handler that would close it.
 */
export function showDialog(url: string, size = { height: 30, width: 30 }): Promise<void> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { ...size, displayInIframe: true }, (r) => {
      if (r.status === Office.AsyncResultStatus.Succeeded) {
        const dialog = r.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
          dialog.close();
          resolve();
        });
        // closed by the user (12006) or lost (12002, 12003): nothing more will come from it
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
      } else reject(new Error(`无法打开对话框：${r.error?.message ?? '未知原因'}`));
    });
  });
}

/** Inside a dialog: asks the opener to close it (Office.context.ui.messageParent). */
export async function closeDialog(): Promise<void> {
  await Office.onReady();
  Office.context.ui.messageParent('close');
}
