/** Chinese names the page shows for kinds, states and severities (one table, so wording stays consistent). */
import { SEVERITY_ZH } from '../../../shared/findings/labels';

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

/** Register titles and order as the server last told them (the term's or the district's definition). */
const known = new Map<string, string>(Object.entries(KIND_LABEL));
let order: string[] = [...KIND_ORDER];

/** Remembers the registers of a definition (board, summary or GET /api/v1/registers), so labels follow it. */
export function rememberRegisters(list: { code: string; name: string }[] | undefined): void {
  if (!list?.length) return;
  for (const r of list) known.set(r.code, r.name);
  order = list.map((r) => r.code);
}

/** The register codes in the order last told. */
export function registerOrder(): string[] {
  return order;
}

/** Register title, falling back to the raw code for a register this page has not been told of. */
export function kindLabel(kind: string): string {
  return known.get(kind) ?? kind;
}

/** Severity → Chinese. */
export const SEVERITY_LABEL: Record<string, string> = { ...SEVERITY_ZH };

/** Board state → Chinese. */
export const STATE_LABEL: Record<string, string> = {
  missing: '未上报',
  submitted: '已上报',
  returned: '已退回',
};

/** Role → Chinese. */
export const ROLE_LABEL: Record<string, string> = { district: '区教科室', school: '学校' };
