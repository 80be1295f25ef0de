/**
 * The registry of CLI commands; adding a command is adding one line here. Each command's module is loaded only
 * when it runs, so `yanbiao validate` does not pay for loading Express, the database drivers or googleapis.
 */
import type { Command } from './command';

/** A command by name, loaded on demand. */
export interface CommandEntry {
  name: string;
  load(): Command;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'validate', load: () => require('./validate').validateCommand },
  { name: 'inspect', load: () => require('./inspect').inspectCommand },
  { name: 'fix', load: () => require('./fix').fixCommand },
  { name: 'template', load: () => require('./template').templateCommand },
  { name: 'serve', load: () => require('./serve').serveCommand },
  { name: 'admin', load: () => require('./admin').adminCommand },
  { name: 'consolidate', load: () => require('./consolidate').consolidateCommand },
  { name: 'sheets', load: () => require('./sheets').sheetsCommand },
  { name: 'registers', load: () => require('./registers').registersCommand },
];
