/** `yanbiao fix <file.xlsx> -o fixed.xlsx`: a copy with every safe fix (aliases, spacing) applied. */
import { fixable } from '../../shared';
import { writeFixedCopy } from '../xlsx/fix';
import { flag, fsMessage, parseArgs, prepareOutput, type Command, OPTIONS } from './command';
import { optionsFromFlags, toText, validateFile } from './validate';

export const fixCommand: Command = {
  options: { ...OPTIONS.output, term: OPTIONS.term, ...OPTIONS.asOf, registers: OPTIONS.registers },
  name: 'fix',
  usage: 'fix <文件.xlsx> -o 修正后.xlsx [--term 2025春] [--as-of 2025-06-30] [--registers 定义.xlsx]',
  summary: '写出一份应用了全部安全修正（规范名称、多余空格）的副本，原文件不变（退出码：0 修正后无错误，1 仍有需要人工修改的错误，2 文件无法使用）',
  async run(args) {
    const { positional, flags } = parseArgs(args);
    const file = positional[0];
    const out = flag(flags, 'o', 'output');
    if (!file || !out) {
      process.stderr.write(`用法：yanbiao ${this.usage}\n`);
      return 2;
    }
    if (out === file) {
      process.stderr.write('输出文件不能与原文件相同（原文件保持不变）\n');
      return 2;
    }
    try {
      const opts = await optionsFromFlags(flags);
      const before = await validateFile(file, opts);
      const findings = before.sheets.flatMap((s) => s.findings);
      await prepareOutput(out);
      const n = await writeFixedCopy(file, out, fixable(findings)).catch((e) => {
        throw new Error(fsMessage(e, out));
      });
      const after = await validateFile(out, opts);
      process.stdout.write(`已修正 ${n} 处，写入：${out}\n剩余问题：\n` + toText(out, after, opts.registers));
      return after.errors ? 1 : 0;
    } catch (e) {
      process.stderr.write(`无法修正：${(e as Error).message}\n`);
      return 2;
    }
  },
};
