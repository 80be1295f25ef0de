/** The `yanbiao` command line: one file per command, registered (and loaded on demand) in commands.ts. */
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
  return entry.load().run(rest);
}
