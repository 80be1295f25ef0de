/**
 * The words every surface uses for findings (CLI, add-in, web page, report, Google Sheets): one word for one
 * thing. A finding that blocks an upload is an 错误, one that does not is a 警告; each code has a Chinese name.
 * test/shared/findings/labels.test.ts holds every surface to them.
 */
import type { FindingCode } from './codes';

/** Severity → its one Chinese word. */
export const SEVERITY_ZH = { error: '错误', warning: '警告' } as const;

/** Finding code → the problem's Chinese name (问题清单's 问题 column). */
export const CODE_ZH: Record<FindingCode | 'file', string> = {
  header_missing: '缺少列',
  header_unknown: '无法识别的列',
  required: '必填为空',
  enum: '不在可选范围',
  alias: '非规范写法',
  date: '日期有误',
  month: '月份有误',
  number: '应为数字',
  integer: '应为整数',
  min: '小于下限',
  max: '大于上限',
  pattern: '格式不符',
  checksum: '校验位不符',
  spacing: '多余空格',
  unknown_teacher: '名册中无此人',
  unknown_reference: '引用不存在',
  duplicate: '重复',
  order: '先后颠倒',
  requires: '缺少条件必填项',
  forbids: '不应填写',
  per_term_limit: '超过学期次数',
  late: '迟交',
  overdue: '逾期',
  out_of_term: '不在本学期',
  word_count: '字数不足',
  near_duplicate: '高度相似',
  file: '文件无法使用',
};

/** A code's Chinese name (the code itself for one this table does not know). */
export const codeZh = (code: string): string => (CODE_ZH as Record<string, string>)[code] ?? code;
