/** The `yanbiao` command line: one file per command, registered in commands.ts. */
import { COMMANDS } from './commands';

const USAGE = `研表 yanbiao — 学校教科室登记表校验与区级汇总

用法：
${COMMANDS.map((c) => `  yanbiao ${c.usage}\n      ${c.summary}`).join('\n')}
`;

/** Runs one command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    process.stderr.write(`未知命令：${name}\n\n${USAGE}`);
    return 2;
  }
  return cmd.run(rest);
}
