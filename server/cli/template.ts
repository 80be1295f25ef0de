/** `yanbiao template <kind|all> -o file.xlsx`: a blank structured workbook for schools to fill in. */
import { KINDS, TEMPLATES } from '../../shared';
import { parseKind, templateWorkbook } from '../xlsx/template';
import type { CompiledRegisters, KindId } from '../../shared/types';
import { flag, fsMessage, parseArgs, prepareOutput, type Command, OPTIONS } from './command';
import { registersFromFlags } from './registers-flag';

/** A register of a district's definition by code or name, or all/全部. */
function registerOf(s: string, registers: CompiledRegisters): KindId | 'all' | null {
  if (s === 'all' || s === '全部') return 'all';
  const code = Object.keys(registers.templates).find((k) => k === s || registers.templates[k].title === s);
  return (code as KindId | undefined) ?? null;
}

export const templateCommand: Command = {
  options: { ...OPTIONS.output, registers: OPTIONS.registers },
  name: 'template',
  usage: 'template <roster|projects|courses|reflections|papers|all> -o 文件.xlsx [--registers 定义.xlsx]（用区里的定义时写它的登记表代码或名称）',
  summary: `生成空白模板（表头、列宽、格式与下拉列表）：${KINDS.map((k) => `${k}=${TEMPLATES[k].title}`).join('，')}`,
  async run(args) {
    const { positional, flags } = parseArgs(args);
    let registers;
    try {
      registers = await registersFromFlags(flags);
    } catch (e) {
      process.stderr.write(`${(e as Error).message}\n`);
      return 2;
    }
    const kind = registers ? registerOf(positional[0] ?? '', registers) : parseKind(positional[0] ?? '');
    const out = flag(flags, 'o', 'output');
    if (!kind || !out) {
      process.stderr.write(`用法：yanbiao ${this.usage}\n`);
      return 2;
    }
    await prepareOutput(out);
    await templateWorkbook(kind, registers).xlsx.writeFile(out).catch((e) => {
      throw new Error(fsMessage(e, out));
    });
    process.stdout.write(`已生成模板：${out}\n`);
    return 0;
  },
};
