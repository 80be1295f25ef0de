/** Chinese names the page shows for kinds, states and severities (one table, so wording stays consistent). */

/** The five register kinds, in the order the district lists them. */
export const KIND_ORDER = ['roster', 'projects', 'courses', 'reflections', 'papers'] as const;
/** One register kind. */
export type Kind = (typeof KIND_ORDER)[number];

/** Kind → the template title coordinators know. */
export const KIND_LABEL: Record<string, string> = {
  roster: '教师名册',
  projects: '课题登记',
  courses: '课程登记',
  reflections: '学月反思',
  papers: '论文投稿',
};

/** Kind label, falling back to the raw id for a kind this page does not know yet. */
export function kindLabel(kind: string): string {
  return KIND_LABEL[kind] ?? kind;
}

/** Severity → Chinese. */
export const SEVERITY_LABEL: Record<string, string> = { error: '错误', warning: '提醒' };

/** Board state → Chinese. */
export const STATE_LABEL: Record<string, string> = {
  missing: '未上报',
  submitted: '已上报',
  returned: '已退回',
};

/** Role → Chinese. */
export const ROLE_LABEL: Record<string, string> = { district: '区教科室', school: '学校' };
