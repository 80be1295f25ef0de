/** 学月反思: one reflection per teacher per month, at least 800 characters, due the last Friday of the month. */
import type { Template } from './template';

export const reflections: Template = {
  kind: 'reflections',
  title: '学月反思',
  hints: ['反思', '学月'],
  columns: [
    { name: '月份', aliases: ['反思月份', '学月'], type: 'month', required: true, width: 10, hint: '如 2025-03' },
    { name: '教师', aliases: ['教师姓名', '姓名', '作者'], type: 'name', required: true, ref: 'roster', width: 12 },
    { name: '题目', aliases: ['反思题目', '标题', '论文题目'], type: 'text', required: true, width: 36 },
    { name: '形式', aliases: ['类型', '反思形式', '体裁'], type: 'enum', values: 'reflectionForm', required: true, width: 14 },
    { name: '字数', type: 'integer', required: true, min: 800, minCode: 'word_count', max: 100000, width: 8 },
    { name: '提交日期', aliases: ['上交日期', '提交时间', '上交时间'], type: 'date', required: true, width: 12 },
    { name: '评价', aliases: ['评定', '等级评价', '考评'], type: 'enum', values: 'rating', default: '未评', width: 8 },
    { name: '原创', aliases: ['是否原创'], type: 'enum', values: 'yesno', width: 8 },
    { name: '正文', aliases: ['内容', '全文', '反思内容'], type: 'longtext', width: 50 },
  ],
  rules: [
    { rule: 'text_length', field: '字数', textField: '正文', tolerance: 0.1 },
    { rule: 'deadline', monthField: '月份', dateField: '提交日期' },
    { rule: 'month_in_term', field: '月份' },
    { rule: 'per_term_limit', field: '形式', values: ['读书心得', '阅读推荐'], per: '教师', max: 1 },
    { rule: 'similar_text', fields: [['题目', 'title'], ['正文', 'body']], per: '教师' },
  ],
};
