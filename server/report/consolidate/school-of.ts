/** Which school a loose file belongs to: a district code in the file name, or the school name in a title row. */
import { basename, extname } from 'node:path';
import type { Grid } from '../../../shared/types';

/** What a file says about its school. */
export interface FileSchool {
  code?: string;
  name?: string;
}

// `WTQ-SY_论文.xlsx`, `WTQ-SY 论文.xlsx`, `S012_…`: a code starts with a letter and holds a hyphen or a digit
// (so a plain word such as `notes.xlsx` or `report_…` is not taken for a code); it runs to the first _ or space.
const CODE_RE = /^([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+|[A-Za-z]+\d[A-Za-z0-9]*)(?:[_\s]|$)/;
// `五通桥区实验小学2025年春季学期论文统计表`: a name ending like a school, followed by a year (or nothing).
const NAME_RE = /^(?:[\s（(【[]*)([\u4e00-\u9fff（）()]{2,30}?(?:学校|小学|中学|初中|完小|学校区|校区|学|校))(?=\s*(?:\d{4}|二[〇○零]|20|（|\(|_|-|$))/;

/** A school name at the start of a text (a title row or a file name), or undefined. */
export function schoolNameIn(text: string): string | undefined {
  const m = NAME_RE.exec(text.trim());
  return m ? m[1] : undefined;
}

/** The school of a file from its name (code first, then a Chinese name) and from title rows above the header. */
export function schoolOf(file: string, grids: Grid[]): FileSchool {
  const stem = basename(file, extname(file));
  const out: FileSchool = {};
  const code = CODE_RE.exec(stem);
  if (code) out.code = code[1].toUpperCase();
  out.name = schoolNameIn(stem.replace(CODE_RE, ''));
  if (!out.name) {
    // Title rows sit above the header; the first 5 rows and 3 cells of each are enough.
    search: for (const g of grids)
      for (const row of g.slice(0, 5))
        for (const cell of (row ?? []).slice(0, 3)) {
          const name = typeof cell === 'string' ? schoolNameIn(cell) : undefined;
          if (name) {
            out.name = name;
            break search;
          }
        }
  }
  return out;
}

/** A school type guessed from its name (小学, 九年制, 初中), '' when the name does not say. */
export function typeFromName(name: string): string {
  if (/九年/.test(name)) return '九年制';
  if (/初中|中学/.test(name)) return '初中';
  if (/小学|完小/.test(name)) return '小学';
  return '';
}
