/** The `yanbiao` command line: one file per command, registered (and loaded on demand) in commands.ts. */
import { parseArgs } from 'node:util';
import type { Command } from './command';
import { COMMANDS } from './commands';

function usage(): string {
  const lines = COMMANDS.map((e) => {
    const c = e.load();
    return `  yanbiao ${c.usage}\n      ${c.summary}`;
  });
  return `研表 yanbiao — 学校教科室登记表校验与区级汇总\n\n用法：\n${lines.join('\n')}\n`;
}

/** Runs one command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`未知命令：${name}\n\n${usage()}`);
    return 2;
  }
  const cmd = entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(helpOf(cmd));
    return 0;
  }
  const bad = checkOptions(cmd, rest);
  if (bad) {
    process.stderr.write(`${bad}\n\n${helpOf(cmd)}`);
    return 2;
  }
  return cmd.run(rest);
}

/** A command's Chinese help: usage, what it does, the options it takes. */
export function helpOf(cmd: Command): string {
  const opts = Object.entries(cmd.options).map(([name, o]) => `--${name}${o.short ? `（-${o.short}）` : ''}${o.type === 'string' ? ' <值>' : ''}`);
  return `用法：yanbiao ${cmd.usage}\n${cmd.summary}\n${opts.length ? `选项：${opts.join('  ')}` : '没有选项'}\n`;
}

/**
 * Checks the options against the command's list with node's util.parseArgs (strict): an unknown option or one
 * missing its value is refused with a Chinese message naming it, so a mistyped flag never passes in silence.
 */
export function checkOptions(cmd: Command, args: string[]): string | null {
  try {
    parseArgs({ args, options: cmd.options, allowPositionals: true, strict: true });
    return null;
  } catch (e) {
    const err = e as Error & { code?: string };
    // Node names it as '--bogus', or '-o, --output <value>' for an option with a short form: keep the long name.
    const m = /'(-{1,2}[^'\s,]+)(?:, (--[^'\s]+))?/.exec(err.message);
    const named = m?.[2] ?? m?.[1] ?? '';
    const name = named.replace(/^-+/, '');
    const option = Object.entries(cmd.options).find(([n, o]) => n === name || o.short === name);
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知的选项：${named || '（无法识别）'}`;
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      if (option?.[1].type === 'boolean') return `选项 --${option[0]} 不带值`;
      return `选项 ${option ? `--${option[0]}` : named} 后面应写一个值`;
    }
    if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return '参数有误';
    return `参数有误：${named}`;
  }
}
