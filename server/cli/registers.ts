/**
 * `yanbiao registers export|check`: the register definition as the workbook a district officer edits.
 * `export -o 定义.xlsx` writes the definition in force (today the built-in one; see docs/registers.md for the
 * steps that store a district's own); `check 定义.xlsx` lists every problem with sheet, row and column (exit 1),
 * or says the definition is sound (exit 0).
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { BUILTIN_DEFINITION } from '../../shared/registers/builtin';
import { parseDefinitionWorkbook, type DefinitionProblem } from '../../shared/registers/workbook';
import { writeDefinitionWorkbook } from '../registers/workbook';
import { readWorkbook } from '../xlsx/read';
import { flag, parseArgs, type Command } from './command';

function place(p: DefinitionProblem): string {
  if (!p.row) return `【${p.sheet}】`;
  return `【${p.sheet}】第 ${p.row} 行${p.col ? ` ${p.col} 列` : ''}${p.field ? `（${p.field}）` : ''}`;
}

export const registersCommand: Command = {
  name: 'registers',
  usage: 'registers export -o 定义.xlsx | registers check 定义.xlsx [--json]',
  summary: '导出登记表定义工作簿（登记表、列、取值、规则、指标），或检查修改后的定义（退出码：0 无问题，1 有问题，2 文件无法使用）',
  async run(args) {
    const { positional, flags } = parseArgs(args, ['json']);
    const [sub, file] = positional;
    if (sub === 'export') {
      const out = flag(flags, 'o', 'output');
      if (!out) {
        process.stderr.write(`用法：yanbiao registers export -o 定义.xlsx\n`);
        return 2;
      }
      try {
        await writeFile(out, await writeDefinitionWorkbook(BUILTIN_DEFINITION));
      } catch (e) {
        process.stderr.write(`无法写入“${out}”：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件夹不存在' : '没有写入权限或文件被占用'}\n`);
        return 2;
      }
      process.stdout.write(`已导出登记表定义（${BUILTIN_DEFINITION.registers.length} 张登记表）：${out}\n`);
      return 0;
    }
    if (sub === 'check' && file) {
      let sheets;
      try {
        sheets = await readWorkbook(file, basename(file));
      } catch (e) {
        process.stderr.write(`无法读取：${(e as Error).message}\n`);
        return 2;
      }
      const { definition, problems } = parseDefinitionWorkbook(sheets, basename(file).replace(/\.xlsx$/i, ''));
      if (flags.json) {
        process.stdout.write(JSON.stringify({ file, ok: definition !== null, problems, registers: definition?.registers.map((r) => ({ code: r.code, name: r.name, columns: r.columns.length })) ?? [] }) + '\n');
      } else if (definition) {
        const n = definition.registers.map((r) => `${r.name}（${r.columns.length} 列）`).join('、');
        process.stdout.write(`定义无问题：${definition.registers.length} 张登记表——${n}；${definition.valueSets.length} 个取值集合，${definition.rules.length} 条规则，${definition.indicators.length} 个指标。\n`);
      } else {
        process.stdout.write(`文件：${file}\n${problems.map((p) => `  ${place(p)}：${p.message}`).join('\n')}\n\n合计 ${problems.length} 个问题——定义未生效，请修改后再检查。\n`);
      }
      return definition ? 0 : 1;
    }
    process.stderr.write(`用法：yanbiao ${this.usage}\n`);
    return 2;
  },
};
