/** 问题清单: open findings (warnings, and for consolidate the errors of files left out), school by school. */
import { titleOf } from '../../shared/registers/list';
import { codeZh, SEVERITY_ZH } from '../../shared/findings/labels';
import { fitWidths, toCell, type PlainCell } from './cells';
import { TableSheet, type Book } from './sheet';
import { drain, iteratorOf } from './source';
import type { ReportIssue, Source } from './types';

/** Header row of 问题清单. */
export const ISSUE_HEADERS = ['学校代码', '学校', '登记表', '工作表', '行', '列', '字段', '类别', '问题', '值', '说明'];
const WIDTHS = [12, 0, 10, 14, 7, 6, 12, 8, 16, 24, 70];

/** Writes 问题清单 in the order given (callers list them school by school). */
export async function writeIssuesSheet(
  book: Book,
  src: Source<ReportIssue> | undefined,
  names: Map<string, string>,
  only: string | undefined,
  titles: Map<string, string> = new Map(),
): Promise<number> {
  const longest = [...names.values()].reduce((a, n) => (n.length > a.length ? n : a), '');
  const widths = fitWidths(ISSUE_HEADERS, [[undefined, longest]], WIDTHS, 80);
  const sheet = new TableSheet(book, { name: '问题清单', headers: ISSUE_HEADERS, widths, freezeCols: 2 });
  if (src) {
    await drain(
      iteratorOf(src),
      (i) => !only || i.school === only,
      (i) =>
        sheet.add([
          i.school,
          names.get(i.school) ?? i.school,
          i.kind ? (titles.get(i.kind) ?? titleOf(i.kind)) : undefined,
          i.sheet,
          i.row || undefined,
          i.col || undefined,
          i.field || undefined,
          SEVERITY_ZH[i.severity],
          codeZh(i.code),
          toCell(i.value ?? null),
          i.message,
        ]),
    );
  }
  const n = sheet.rows;
  await sheet.finish();
  return n;
}
