/** 课程登记: public lessons, school-based courses and training. */
import type { Template } from './template';

export const courses: Template = {
  kind: 'courses',
  title: '课程登记',
  hints: ['课程', '公开课', '培训', '听课'],
  columns: [
    { name: '日期', aliases: ['授课日期', '上课日期', '时间', '培训日期'], type: 'date', required: true, inTerm: true, width: 12 },
    { name: '授课教师', aliases: ['执教教师', '上课教师', '姓名', '教师', '执教者'], type: 'name', required: true, ref: 'roster', width: 12 },
    { name: '学科', type: 'enum', values: 'subject', required: true, width: 12 },
    { name: '年级', aliases: ['班级'], type: 'enum', values: 'grade', width: 10 },
    { name: '课名', aliases: ['课程名称', '授课内容', '课题名称', '培训内容'], type: 'text', required: true, width: 30 },
    { name: '课型', aliases: ['类型', '课程类型'], type: 'enum', values: 'courseType', required: true, width: 10 },
    { name: '级别', type: 'enum', values: 'level', required: true, width: 10 },
    { name: '学时', aliases: ['课时', '培训学时'], type: 'number', min: 0, max: 200, width: 8 },
    { name: '听课人数', aliases: ['听课人次'], type: 'integer', min: 0, max: 2000, width: 10 },
    { name: '关联课题编号', aliases: ['关联课题', '课题编号'], type: 'text', ref: 'projects', width: 14 },
    { name: '获奖等级', aliases: ['获奖', '等级'], type: 'enum', values: 'award', width: 10 },
  ],
  rules: [
    { rule: 'forbids', field: '获奖等级', unless: { field: '课型', in: ['竞赛课'] } },
    { rule: 'requires', when: { field: '课型', in: ['外出培训'] }, fields: ['学时'] },
  ],
};
