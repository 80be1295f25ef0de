/** What one CLI command is: a name, a usage line, a Chinese summary and a runner returning the exit code. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(args: string[]): Promise<number>;
}

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
