/** One option a command takes: a value (`--term 2025春`) or a switch (`--json`), with its one-letter form. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

/** What one CLI command is: a name, a usage line, a Chinese summary, its options and a runner returning the exit code. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** The options it takes; any other is refused before it runs (`--help` is always there). */
  options: Record<string, OptionSpec>;
  run(args: string[]): Promise<number>;
}

/** Options several commands share. */
export const OPTIONS = {
  term: { type: 'string' },
  asOf: { 'as-of': { type: 'string' }, asof: { type: 'string' } },
  output: { output: { type: 'string', short: 'o' } },
  json: { type: 'boolean' },
  registers: { type: 'string' },
} as const satisfies Record<string, OptionSpec | Record<string, OptionSpec>>;

/** Parses `--flag value`, `--flag=value` and `--bool` options; the rest are positionals. */
export function parseArgs(
  args: string[],
  booleans: string[] = [],
): { positional: string[]; flags: Record<string, string | true> } {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--') || (a.startsWith('-') && a.length === 2)) {
      const body = a.replace(/^--?/, '');
      const eq = body.indexOf('=');
      if (eq >= 0) flags[body.slice(0, eq)] = body.slice(eq + 1);
      else if (booleans.includes(body) || i + 1 >= args.length) flags[body] = true;
      else flags[body] = args[++i];
    } else positional.push(a);
  }
  return { positional, flags };
}

/** A string flag or undefined (a bare `--flag` with no value counts as missing). */
export function flag(flags: Record<string, string | true>, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = flags[n];
    if (typeof v === 'string') return v;
  }
  return undefined;
}

/** Makes the folder an output file goes into (so `-o 报表/新文件夹/汇总.xlsx` works), or says in Chinese why not. */
export async function prepareOutput(path: string): Promise<void> {
  const { mkdir } = await import('node:fs/promises');
  const { dirname } = await import('node:path');
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (e) {
    throw new Error(fsMessage(e, dirname(path)));
  }
}

/** A file-system error as a coordinator reads it (Node's own messages are English). */
export function fsMessage(e: unknown, path: string): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return `找不到“${path}”`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限写入或读取“${path}”`;
    case 'EISDIR':
      return `“${path}”是一个文件夹，请写文件名（如 汇总.xlsx）`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `“${path}”所在的路径中有同名的文件，无法建文件夹`;
    case 'ENOSPC':
      return '磁盘已满，无法写入';
    case 'EBUSY':
      return `“${path}”正被其他程序使用（如已在 Excel 中打开），请关闭后重试`;
    default:
      return (e as Error).message;
  }
}
