/** A1 ranges with sheet titles, as the Sheets API takes and returns them (`'区级汇总'!A1:Z`). */
import { parseAddress } from '../../shared/a1';

/** A title quoted for a range: always in single quotes (Google accepts that for every title), ' doubled. */
export function quoteSheetTitle(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/** Splits a range Google returned (`'论文 投稿'!B3:K40`, `Sheet1!A1:Z1000`) into title and top-left cell. */
export function splitReturnedRange(range: string): { sheet: string; row: number; col: number } {
  let sheet = '';
  let rest = range;
  if (range.startsWith("'")) {
    const end = range.lastIndexOf("'!");
    sheet = range.slice(1, end < 0 ? range.length - 1 : end).replace(/''/g, "'");
    rest = end < 0 ? '' : range.slice(end + 2);
  } else if (range.includes('!')) {
    sheet = range.slice(0, range.lastIndexOf('!'));
    rest = range.slice(range.lastIndexOf('!') + 1);
  }
  const first = rest.split(':')[0];
  try {
    const a = parseAddress(first);
    return { sheet, row: a.row, col: a.col };
  } catch {
    return { sheet, row: 1, col: 0 };
  }
}
