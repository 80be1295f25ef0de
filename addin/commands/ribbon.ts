/** Ribbon function command 校验: validates the active sheet (against the whole workbook) without opening the pane,
 *  then shows the counts in a small dialog. Registered by the task pane page, which is also the add-in's shared
 *  runtime (manifest <Runtimes>) and, on hosts without SharedRuntime 1.1, the function file loaded on its own. */
import { registerTitle, validateOptions } from '../pane/state';
import { registerCommand, showDialog } from '../excel';
import { validateAndMark } from '../flows/validate';

async function validateActiveSheet(): Promise<void> {
  const params = new URLSearchParams();
  try {
    const run = await validateAndMark(validateOptions(), 'active');
    const active = run.result.sheets.find((s) => s.sheet === run.read.active);
    const findings = active?.findings ?? [];
    params.set('sheet', run.read.active);
    params.set('kind', active?.kind ?? '');
    if (active?.kind) params.set('title', registerTitle(active.kind));
    params.set('e', String(findings.filter((f) => f.severity === 'error').length));
    params.set('w', String(findings.filter((f) => f.severity === 'warning').length));
    params.set('mode', run.marks.mode); // an older Excel marks with comments or colours only: the dialog says so
  } catch (err) {
    params.set('fail', err instanceof Error ? err.message : String(err));
  }
  // resolves once the dialog is closed, so event.completed() comes after 确定
  await showDialog(new URL(`dialog.html?${params}`, location.href).href, { height: 25, width: 30 });
}

/** Registers the ribbon's function commands (call once Office is ready). */
export function registerRibbonCommands(): void {
  registerCommand('validateActiveSheet', validateActiveSheet);
}
