/** The Chinese message of every finding code, in one table (a test fails if a code lacks one). */
import type { FindingCode } from './codes';
import type { Finding, FindingParams } from './finding';

type Draft = Pick<Finding, 'col' | 'field' | 'value' | 'fix' | 'severity'> & { params?: FindingParams };

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '（空）' : String(v));
const list = (xs?: string[]): string => (xs && xs.length ? xs.join('、') : '');

export const MESSAGES_ZH: Record<FindingCode, (f: Draft) => string> = {
  header_missing: (f) => `缺少必填列“${f.field}”，请按模板补上此列`,
  header_unknown: (f) =>
    f.col ? `无法识别的列标题“${show(f.value)}”，此列不会被校验` : `未能识别此工作表的类型（${show(f.value)}），请检查表头是否与模板一致`,
  required: (f) => `“${f.field}”为必填项，不能为空`,
  enum: (f) => `“${f.field}”的值“${show(f.value)}”不在可选范围内` + (f.params?.allowed?.length ? `，可选：${list(f.params.allowed)}` : ''),
  alias: (f) => `“${f.field}”应写作规范名称“${show(f.fix)}”（原为“${show(f.value)}”），可一键修正`,
  date: (f) => `“${f.field}”不是有效日期：“${show(f.value)}”，请写成如 2025-03-14`,
  month: (f) => `“${f.field}”不是有效月份：“${show(f.value)}”，请写成如 2025-03`,
  number: (f) => `“${f.field}”应为数字，现为“${show(f.value)}”`,
  integer: (f) => `“${f.field}”应为整数，现为“${show(f.value)}”`,
  min: (f) => (f.params?.min !== undefined ? `“${f.field}”不能小于 ${f.params.min}，现为 ${show(f.value)}` : `“${f.field}”的值 ${show(f.value)} 过小`),
  max: (f) => (f.params?.max !== undefined ? `“${f.field}”不能大于 ${f.params.max}，现为 ${show(f.value)}` : `“${f.field}”的值 ${show(f.value)} 过大`),
  pattern: (f) => `“${f.field}”格式不正确：“${show(f.value)}”，应为 ${f.params?.expected ?? '规定格式'}`,
  checksum: (f) => `“${f.field}”的 ISSN 校验位不正确：“${show(f.value)}”，末位应为 ${f.params?.expected ?? '?'}，请核对刊号`,
  spacing: (f) => `“${f.field}”含多余的空格或全角字符：“${show(f.value)}”，应为“${show(f.fix)}”，可一键修正`,
  unknown_teacher: (f) =>
    `“${f.field}”中的“${show(f.params?.expected ?? f.value)}”不在教师名册中` +
    (f.params?.suggestion ? `，是否应为“${f.params.suggestion}”？` : '，请核对姓名或先补充名册'),
  unknown_reference: (f) => `“${f.field}”中的课题编号“${show(f.value)}”在本校课题登记中不存在`,
  duplicate: (f) =>
    f.severity === 'warning'
      ? `疑似重复（抄袭嫌疑）：与${f.params?.other ?? '其他记录'}的“${f.field}”相同，请核实`
      : `重复记录：与${f.params?.other ?? '其他行'}重复（${f.params?.rule ?? f.field}）`,
  order: (f) => `日期先后不对：${f.params?.rule ?? `“${f.field}”早于应在其前的日期`}`,
  requires: (f) => `${f.params?.rule ?? `“${f.field}”必须填写`}`,
  forbids: (f) => `${f.params?.rule ?? `“${f.field}”此处不应填写`}`,
  per_term_limit: (f) => `${f.params?.rule ?? '超过本学期次数限制'}（本学期第 ${f.params?.count ?? '?'} 次，上限 ${f.params?.max ?? '?'} 次）`,
  late: (f) => `迟交：提交日期 ${show(f.value)} 晚于截止日期 ${f.params?.deadline ?? ''}`,
  overdue: (f) => `逾期未结题：计划结题日期 ${show(f.value)} 已过，但课题尚未结题`,
  out_of_term: (f) => `“${f.field}”${show(f.value)} 不在本学期（${f.params?.expected ?? ''}）内，请核对`,
  word_count: (f) =>
    f.severity === 'error'
      ? `字数不足：每篇不得少于 ${f.params?.min ?? 800} 字，现为 ${show(f.value)} 字`
      : `填写的字数 ${show(f.value)} 与正文实际字数 ${f.params?.count ?? '?'} 相差超过 10%，请核对`,
  near_duplicate: (f) =>
    `与${f.params?.other ?? '其他教师的反思'}高度相似（相似度约 ${Math.round((f.params?.similarity ?? 0) * 100)}%），反思必须原创，请核实`,
};

/** The Chinese message of one finding. */
export function describe(f: Draft & { code: FindingCode }): string {
  return MESSAGES_ZH[f.code](f);
}
