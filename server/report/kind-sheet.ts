/** One sheet per kind: 学校代码, 学校 and the template's columns in order, every school's rows streamed in. */
import type { RegisterInfo } from '../../shared/registers/list';
import { fitWidths, toCell, type PlainCell } from './cells';
import { TableSheet, type Book } from './sheet';
import { drain, peek } from './source';
import type { ReportRow, Source } from './types';

/** Rows looked at before the sheet starts, to fit the column widths. */
const SAMPLE = 300;

/** The report's own sheets, which a register's sheet must not be named as. */
const RESERVED = new Set(['区级汇总', '上报情况', '问题清单']);

/**
 * A register's title as an Excel sheet name: no []:*?/\\, no apostrophe at either end, at most 31 characters, not
 * one of the report's own sheets, and none of the names `taken` (Excel ignores case): two titles that agree in
 * their first 31 characters become …（2）. Excel refuses a workbook that breaks any of these.
 */
export function sheetName(title: string, taken: readonly string[] = []): string {
  const trim = (t: string) => t.slice(0, 31).replace(/^'+|'+$/g, '');
  let base = trim(title.replace(/[[\]:*?/\\]/g, '_'));
  if (RESERVED.has(base)) base = `${base}（登记表）`;
  base ||= '登记表';
  const used = new Set(taken.map((t) => t.toLowerCase()));
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${trim(base.slice(0, 31 - `（${n}）`.length))}（${n}）`;
  return name;
}

/** Header row of a register's sheet. */
export function kindHeaders(reg: RegisterInfo): string[] {
  return ['学校代码', '学校', ...reg.columns.map((c) => c.name)];
}

/** Writes one kind's sheet, named by its template title (教师名册, 课题登记, …). */
export async function writeKindSheet(
  book: Book,
  reg: RegisterInfo,
  src: Source<ReportRow> | undefined,
  names: Map<string, string>,
  only: string | undefined,
  checkEvery?: number,
): Promise<number> {
  const fields = reg.columns.map((c) => c.name);
  const headers = kindHeaders(reg);
  const keep = only ? (r: ReportRow) => r.school === only : () => true;
  const cells = (r: ReportRow): PlainCell[] => {
    const row: PlainCell[] = new Array(fields.length + 2);
    row[0] = r.school;
    row[1] = names.get(r.school) ?? r.school;
    for (let i = 0; i < fields.length; i++) row[i + 2] = toCell(r.values[fields[i]]);
    return row;
  };
  const { head, it, done } = await peek(src, SAMPLE, keep);
  const sample = head.map(cells);
  // The school column must fit every school's name, not just the sampled ones.
  const longest = [...names.values()].reduce((a, n) => (n.length > a.length ? n : a), '');
  const min = [0, 0, ...reg.columns.map((c) => c.width)];
  const widths = fitWidths(headers, [...sample, [undefined, longest]], min, 50);
  const sheet = new TableSheet(book, { name: sheetName(reg.title, book.names), headers, widths, freezeCols: 2, checkEvery });
  try {
    for (const r of sample) await sheet.add(r);
  } catch (e) {
    await it.return?.(); // release the source (a store cursor) when the output is gone
    throw e;
  }
  if (!done) await drain(it, keep, (r) => sheet.add(cells(r)));
  const n = sheet.rows;
  await sheet.finish();
  return n;
}
