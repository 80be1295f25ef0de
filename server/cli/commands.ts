/** The registry of CLI commands; adding a command is adding one line here. */
import type { Command } from './command';
import { fixCommand } from './fix';
import { templateCommand } from './template';
import { validateCommand } from './validate';

export const COMMANDS: Command[] = [validateCommand, fixCommand, templateCommand];
