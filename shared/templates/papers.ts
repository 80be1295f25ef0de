/** 论文投稿: papers sent to competitions (评比) or journals (投稿). */
import type { Template } from './template';

export const papers: Template = {
  kind: 'papers',
  title: '论文投稿',
  hints: ['论文', '投稿', '发表'],
  columns: [
    { name: '教师', aliases: ['教师姓名', '姓名', '作者'], type: 'names', split: 'authors', required: true, ref: 'roster', width: 14, hint: '第一作者在前，合著者用“、”分隔' },
    { name: '题目', aliases: ['论文题目', '标题', '篇名'], type: 'text', required: true, width: 40 },
    { name: '类型', aliases: ['论文类型', '文章类型'], type: 'enum', values: 'paperType', width: 10 },
    { name: '去向', aliases: ['投向', '参评或投稿'], type: 'enum', values: 'paperRoute', required: true, width: 8 },
    { name: '评比或刊物', aliases: ['评比名称', '刊物名称', '评比/刊物', '评比或刊物名称'], type: 'text', required: true, width: 30 },
    { name: '级别', aliases: ['评比级别', '获奖级别'], type: 'enum', values: 'level', width: 10 },
    { name: '提交日期', aliases: ['上交日期', '提交时间', '投稿日期'], type: 'date', required: true, width: 12 },
    { name: '状态', aliases: ['结果', '进展'], type: 'enum', values: 'paperStatus', required: true, width: 10 },
    { name: '获奖等级', aliases: ['等级', '获奖'], type: 'enum', values: 'award', width: 10 },
    { name: '刊号', aliases: ['ISSN', 'CN', '刊号(ISSN/CN)'], type: 'journal', width: 26 },
    { name: '发表期次', aliases: ['期次', '刊期', '发表期号'], type: 'text', width: 12 },
    { name: '发表日期', aliases: ['发表时间'], type: 'date', width: 12 },
  ],
  rules: [
    { rule: 'requires', when: { field: '去向', in: ['评比'] }, fields: ['级别'] },
    { rule: 'requires', when: { field: '状态', in: ['获奖'] }, fields: ['获奖等级'], then: { field: '去向', in: ['评比'] } },
    { rule: 'forbids', field: '获奖等级', unless: { field: '状态', in: ['获奖'] } },
    { rule: 'requires', when: { field: '状态', in: ['已发表'] }, fields: ['刊号'], then: { field: '去向', in: ['投稿'] } },
    { rule: 'unique', fields: ['教师', '题目', '评比或刊物'], on: '题目', severity: 'error' },
    { rule: 'same_title', field: '题目', per: '教师' },
  ],
};
