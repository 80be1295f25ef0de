/** The school-against-district comparison drawn from the report's 区级汇总 sheet. */
import type { Grid } from '../../shared/types';

/** Ratio columns of 区级汇总 that compare fairly between a small and a large school. */
export const COMPARED = ['反思完成率', '反思按时率', '反思优秀率', '论文人均篇数', '县二等奖及以上或发表人均', '40岁以下论文参与率', '公开课人均'];

/** One compared metric. */
export interface Comparison { label: string; school: number; district: number }

/** Rows of the chart for `school` (code or name); null when the sheet has no line for it, or no school is set. */
export function compareSchool(summary: Grid, school: string): { name: string; rows: Comparison[] } | null {
  // No school set (a district token, or settings not filled in): the 全区合计 line's blank code would match ''.
  if (!school.trim()) return null;
  const header = (summary[0] ?? []).map((c) => String(c ?? '').trim());
  const codeCol = header.indexOf('学校代码');
  const nameCol = header.indexOf('学校');
  if (nameCol < 0) return null;
  const line = summary.find((r, i) => i > 0 && r && (String(r[codeCol] ?? '') === school || String(r[nameCol] ?? '') === school));
  const total = summary.find((r) => r && String(r[nameCol] ?? '').includes('全区'));
  if (!line || !total) return null;
  const rows: Comparison[] = [];
  for (const label of COMPARED) {
    const i = header.indexOf(label);
    if (i < 0) continue;
    const a = line[i];
    const b = total[i];
    if (typeof a !== 'number' || typeof b !== 'number') continue;
    rows.push({ label, school: a, district: b });
  }
  return { name: String(line[nameCol]), rows };
}
