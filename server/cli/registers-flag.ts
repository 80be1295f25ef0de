/**
 * `--registers 定义.xlsx` of validate, fix, template and consolidate: the district's register definition, read,
 * checked and compiled. A definition with problems is refused (its problems printed), never half applied.
 */
import { basename } from 'node:path';
import { compileDefinition } from '../../shared/registers/compile';
import { parseDefinitionWorkbook } from '../../shared/registers/workbook';
import type { RegisterDefinition } from '../../shared/registers/schema';
import type { CompiledRegisters } from '../../shared/types';
import { readWorkbook } from '../xlsx/read';
import { flag } from './command';

/** A definition that cannot be used; the message lists why, in Chinese. */
export class RegistersFlagError extends Error {}

/** The compiled definition named by --registers, or undefined for the built-in one. */
export async function registersFromFlags(flags: Record<string, string | true>): Promise<CompiledRegisters | undefined> {
  const definition = await definitionFromFlags(flags);
  return definition ? compileDefinition(definition) : undefined;
}

/** The definition named by --registers (checked), or undefined for the built-in one. */
export async function definitionFromFlags(flags: Record<string, string | true>): Promise<RegisterDefinition | undefined> {
  if (flags.registers === true) throw new RegistersFlagError('--registers 后面应写登记表定义工作簿的路径');
  const file = flag(flags, 'registers');
  if (!file) return undefined;
  const sheets = await readWorkbook(file, basename(file));
  const { definition, problems } = parseDefinitionWorkbook(sheets, basename(file));
  if (!definition) {
    const lines = problems.map((p) => `  【${p.sheet}】${p.row ? `第 ${p.row} 行${p.col ? ` ${p.col} 列` : ''}` : ''}：${p.message}`);
    throw new RegistersFlagError(`登记表定义“${basename(file)}”有 ${problems.length} 个问题，未使用：\n${lines.join('\n')}`);
  }
  return definition;
}
