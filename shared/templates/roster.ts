/** 教师名册: the roster every other sheet's teacher names are checked against. */
import type { Template } from './template';

export const roster: Template = {
  kind: 'roster',
  title: '教师名册',
  hints: ['名册', '花名册', '教师信息', '教师名单'],
  columns: [
    { name: '姓名', aliases: ['教师姓名', '教师'], type: 'name', required: true, width: 12 },
    { name: '工号', aliases: ['教师编号', '编号', '教工号'], type: 'text', width: 12 },
    { name: '性别', type: 'enum', values: 'gender', width: 8 },
    { name: '出生年月', aliases: ['出生日期', '出生年月日'], type: 'month', width: 12, hint: '如 1988-05' },
    { name: '学科', aliases: ['任教学科', '所教学科'], type: 'enum', values: 'subject', required: true, width: 14 },
    { name: '职称', aliases: ['专业技术职称', '职称等级'], type: 'enum', values: 'title', width: 14 },
    { name: '骨干称号', aliases: ['骨干', '骨干教师', '称号'], type: 'enum', values: 'backbone', default: '无', width: 14 },
    { name: '在岗', aliases: ['是否在岗', '在岗情况'], type: 'enum', values: 'yesno', default: '是', width: 8 },
  ],
  rules: [{ rule: 'homonym', name: '姓名', id: '工号' }],
};
