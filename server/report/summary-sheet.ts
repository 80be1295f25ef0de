/** 区级汇总: a row per school, district totals, targets and ranks, then the district's cross tables. */
import { RANK_KEYS, RANK_LABELS, AWARDS, COURSE_TYPES, LEVELS, STAGES, type Summary, type Table, type Totals } from '../../shared/metrics';
import { fitWidths, type PlainCell } from './cells';
import { FMT, TableSheet, type Book } from './sheet';
import type { Writable } from 'node:stream';

/** A metric column: its header, how it is read, its number format and the register it comes from. */
type Col = { header: string; get: (t: Totals) => number | null; fmt?: string; kind: string };

/** The metric columns, in the order the district reads them. */
export const METRIC_COLUMNS: Col[] = [
  { header: '在岗教师', get: (t) => t.teachers, kind: 'roster' },
  { header: '40岁以下教师', get: (t) => t.under40, kind: 'roster' },
  { header: '反思应交', get: (t) => t.reflections.expected, kind: 'reflections' },
  { header: '反思实交', get: (t) => t.reflections.submitted, kind: 'reflections' },
  { header: '反思完成率', get: (t) => t.reflections.rate, fmt: FMT.pct, kind: 'reflections' },
  { header: '反思按时率', get: (t) => t.reflections.onTimeRate, fmt: FMT.pct, kind: 'reflections' },
  { header: '反思优秀率', get: (t) => t.reflections.excellentRate, fmt: FMT.pct, kind: 'reflections' },
  { header: '论文篇数', get: (t) => t.papers.count, kind: 'papers' },
  { header: '论文人均篇数', get: (t) => t.papers.perTeacher, fmt: FMT.dec, kind: 'papers' },
  { header: '县二等奖及以上或发表篇数', get: (t) => t.papers.qualified, kind: 'papers' },
  { header: '县二等奖及以上或发表人均', get: (t) => t.papers.qualifiedPerTeacher, fmt: FMT.dec, kind: 'papers' },
  { header: '发表篇数', get: (t) => t.papers.published, kind: 'papers' },
  { header: '40岁以下参与人数', get: (t) => t.papers.under40Authors, kind: 'papers' },
  { header: '40岁以下论文参与率', get: (t) => t.papers.under40Participation, fmt: FMT.pct, kind: 'papers' },
  { header: '课题数', get: (t) => t.projects.count, kind: 'projects' },
  { header: '在研课题', get: (t) => t.projects.active, kind: 'projects' },
  { header: '逾期未结题', get: (t) => t.projects.overdue, kind: 'projects' },
  { header: '本学期新立项', get: (t) => t.projects.newThisTerm, kind: 'projects' },
  { header: '课程登记数', get: (t) => t.courses.count, kind: 'courses' },
  { header: '公开课节数', get: (t) => t.courses.publicLessons, kind: 'courses' },
  { header: '公开课人均', get: (t) => t.courses.publicLessonsPerTeacher, fmt: FMT.dec, kind: 'courses' },
  { header: '外出培训学时', get: (t) => t.courses.trainingHours, kind: 'courses' },
  { header: '培训学时人均', get: (t) => t.courses.trainingHoursPerTeacher, fmt: FMT.dec, kind: 'courses' },
];

const LEAD = ['学校代码', '学校', '类型'];
const RANK_HEADERS = RANK_KEYS.map((k) => `${RANK_LABELS[k]}排名`);
/** Header row of 区级汇总. */
export const SUMMARY_HEADERS = [...LEAD, ...METRIC_COLUMNS.map((c) => c.header), ...RANK_HEADERS];

const metrics = (t: Totals): PlainCell[] => METRIC_COLUMNS.map((c) => c.get(t) ?? undefined);
/** A school's figures: 未上报 where it has not reported the column's register (not a 0 that reads as a result). */
const schoolMetrics = (s: Totals & { reported: string[] }): PlainCell[] => METRIC_COLUMNS.map((c) => (s.reported.includes(c.kind) ? (c.get(s) ?? undefined) : '未上报'));
const col = (header: string) => SUMMARY_HEADERS.indexOf(header);

function crossTable(title: string, corner: string, t: Table, rows: readonly string[], cols: readonly string[]): PlainCell[][] {
  const out: PlainCell[][] = [[title], [corner, ...cols, '合计']];
  for (const r of rows) {
    const cells = cols.map((c) => t[r]?.[c] ?? 0);
    out.push([r, ...cells, cells.reduce((a, b) => a + b, 0)]);
  }
  return out;
}

/** Writes 区级汇总 (all schools' lines: a school's view shows the district summary too). */
export async function writeSummarySheet(book: Book, summary: Summary, out: Writable): Promise<void> {
  const d = summary.district;
  const rankOf = new Map<string, (number | null)[]>();
  for (const s of summary.schools) rankOf.set(s.code, []);
  for (const k of RANK_KEYS) for (const e of d.ranks[k]) rankOf.get(e.code)?.push(e.rank);
  const lines: PlainCell[][] = summary.schools.map((s) => [
    s.code,
    s.name,
    s.type,
    ...schoolMetrics(s),
    ...(rankOf.get(s.code) ?? []).map((r) => r ?? undefined),
  ]);
  const target: PlainCell[] = ['', '目标'];
  const met: PlainCell[] = ['', '达标学校数'];
  for (const t of d.targets) {
    const i = col(t.key === 'qualifiedPerTeacher' ? '县二等奖及以上或发表人均' : '40岁以下论文参与率');
    target[i] = t.target;
    met[i] = t.schoolsMet;
  }
  const total: PlainCell[] = ['', '全区合计', `${d.schools}所`, ...metrics(d)];
  const formats = [...LEAD.map(() => undefined), ...METRIC_COLUMNS.map((c) => c.fmt), ...RANK_HEADERS.map(() => undefined)];
  const sheet = new TableSheet(
    book,
    { name: '区级汇总', headers: SUMMARY_HEADERS, widths: fitWidths(SUMMARY_HEADERS, [...lines, total], [], 30), formats, freezeCols: 2 },
    out,
  );
  for (const l of lines) await sheet.add(l, { formats: true });
  sheet.endFilter();
  await sheet.add(total, { bold: true, formats: true });
  await sheet.add(target, { formats: true });
  await sheet.add(met);
  const tables = [
    crossTable('全区论文获奖（级别 × 获奖等级）', '级别', d.papers.awards, LEVELS, AWARDS),
    crossTable('全区课题（级别 × 阶段）', '级别', d.projects.byLevelStage, LEVELS, STAGES),
    crossTable('全区课程（课型 × 级别）', '课型', d.courses.byTypeLevel, COURSE_TYPES, LEVELS),
  ];
  for (const t of tables) {
    await sheet.add([]);
    for (const [i, r] of t.entries()) await sheet.add(r, { bold: i < 2 });
  }
  await sheet.add([]);
  await sheet.add([`学期：${summary.term}；统计截至：${summary.asOf}；全区比率按各校合计数计算；“未上报”表示该校没有上报这张登记表；空白表示无分母。`]);
  await sheet.finish();
}
