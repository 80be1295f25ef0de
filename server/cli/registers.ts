/**
 * `yanbiao registers export|check|import`: the register definition as the workbook a district officer edits.
 * `export -o 定义.xlsx` writes the definition in force: the store's (YANBIAO_DATA or DATABASE_URL, when it holds
 * one), else the built-in one. `check 定义.xlsx` lists every problem with sheet, row and column (exit 1), or says
 * the definition is sound (exit 0). `import 定义.xlsx` checks it and stores it as the district's definition from
 * the next upload on (a new version, audited); a broken one is refused with its problems.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { BUILTIN_DEFINITION } from '../../shared/registers/builtin';
import { parseDefinitionWorkbook, type DefinitionProblem } from '../../shared/registers/workbook';
import { writeDefinitionWorkbook } from '../registers/workbook';
import { readWorkbook } from '../xlsx/read';
import { storeConfigFromEnv } from '../config';
import { currentDefinition, storeDefinition } from '../store/registers';
import { openStore } from '../store/open';
import { flag, fsMessage, parseArgs, prepareOutput, type Command, OPTIONS } from './command';

/** Whether a store is configured (else export gives the built-in definition without creating one). */
function usesStore(): boolean {
  return Boolean(process.env.DATABASE_URL || process.env.YANBIAO_DATA);
}

function place(p: DefinitionProblem): string {
  if (!p.row) return `【${p.sheet}】`;
  return `【${p.sheet}】第 ${p.row} 行${p.col ? ` ${p.col} 列` : ''}${p.field ? `（${p.field}）` : ''}`;
}

export const registersCommand: Command = {
  options: { json: OPTIONS.json, ...OPTIONS.output },
  name: 'registers',
  usage: 'registers export -o 定义.xlsx | registers check 定义.xlsx [--json] | registers import 定义.xlsx',
  summary: '导出登记表定义工作簿（登记表、列、取值、规则、指标），检查修改后的定义，或检查后保存为区里的定义（YANBIAO_DATA 或 DATABASE_URL；退出码：0 无问题，1 有问题，2 文件无法使用）',
  async run(args) {
    const { positional, flags } = parseArgs(args, ['json']);
    const [sub, file] = positional;
    if (sub === 'export') {
      const out = flag(flags, 'o', 'output');
      if (!out) {
        process.stderr.write(`用法：yanbiao registers export -o 定义.xlsx\n`);
        return 2;
      }
      let inForce = { version: 0, definition: BUILTIN_DEFINITION };
      if (usesStore()) {
        const store = await openStore(storeConfigFromEnv());
        try {
          inForce = await currentDefinition(store.db);
        } finally {
          await store.close();
        }
      }
      try {
        await prepareOutput(out);
        await writeFile(out, await writeDefinitionWorkbook(inForce.definition)).catch((e) => {
          throw new Error(fsMessage(e, out));
        });
      } catch (e) {
        process.stderr.write(`无法写入：${(e as Error).message}\n`);
        return 2;
      }
      const which = inForce.version ? `第 ${inForce.version} 版` : '内置';
      process.stdout.write(`已导出${which}登记表定义（${inForce.definition.registers.length} 张登记表）：${out}\n`);
      return 0;
    }
    if ((sub === 'check' || sub === 'import') && file) {
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
      if (sub === 'import' && definition) {
        const store = await openStore(storeConfigFromEnv());
        try {
          const version = await storeDefinition(store.db, definition, 'cli');
          process.stdout.write(`已保存为第 ${version} 版登记表定义，下一次上报起生效（已上报的版本不受影响）。\n`);
        } finally {
          await store.close();
        }
      } else if (sub === 'import') process.stdout.write('定义未保存。\n');
      return definition ? 0 : 1;
    }
    process.stderr.write(`用法：yanbiao ${this.usage}\n`);
    return 2;
  },
};
