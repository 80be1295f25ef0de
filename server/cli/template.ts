/** `yanbiao template <kind|all> -o file.xlsx`: a blank structured workbook for schools to fill in. */
import { KINDS, TEMPLATES } from '../../shared';
import { parseKind, templateWorkbook } from '../xlsx/template';
import { flag, parseArgs, type Command } from './command';

export const templateCommand: Command = {
  name: 'template',
  usage: 'template <roster|projects|courses|reflections|papers|all> -o 文件.xlsx',
  summary: `生成空白模板（表头、列宽、格式与下拉列表）：${KINDS.map((k) => `${k}=${TEMPLATES[k].title}`).join('，')}`,
  async run(args) {
    const { positional, flags } = parseArgs(args);
    const kind = parseKind(positional[0] ?? '');
    const out = flag(flags, 'o', 'output');
    if (!kind || !out) {
      process.stderr.write(`用法：yanbiao ${this.usage}\n`);
      return 2;
    }
    await templateWorkbook(kind).xlsx.writeFile(out);
    process.stdout.write(`已生成模板：${out}\n`);
    return 0;
  },
};
