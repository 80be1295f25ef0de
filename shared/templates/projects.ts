/** 课题登记: research projects and their stages. */
import type { Template } from './template';

const STARTED = ['立项', '开题', '中期', '结题', '延期'];

export const projects: Template = {
  kind: 'projects',
  title: '课题登记',
  hints: ['课题'],
  columns: [
    { name: '课题编号', aliases: ['立项编号', '编号'], type: 'text', width: 14 },
    { name: '课题名称', aliases: ['课题', '课题题目', '研究课题'], type: 'text', required: true, width: 40 },
    { name: '级别', aliases: ['课题级别', '立项级别'], type: 'enum', values: 'level', required: true, width: 10 },
    { name: '类别', aliases: ['课题类别', '课题类型'], type: 'enum', values: 'projectCategory', width: 12 },
    { name: '主持人', aliases: ['负责人', '课题负责人', '主研人'], type: 'name', required: true, ref: 'roster', width: 12 },
    { name: '成员', aliases: ['课题成员', '主研成员', '参研人员', '研究成员'], type: 'names', split: 'members', ref: 'roster', width: 30 },
    { name: '立项日期', aliases: ['立项时间'], type: 'date', width: 12 },
    { name: '阶段', aliases: ['研究阶段', '进展', '当前阶段'], type: 'enum', values: 'projectStage', required: true, width: 10 },
    { name: '计划结题日期', aliases: ['计划结题时间', '预计结题日期'], type: 'date', width: 14 },
    { name: '结题日期', aliases: ['结题时间'], type: 'date', width: 12 },
    { name: '成果等级', aliases: ['获奖等级', '成果获奖'], type: 'enum', values: 'award', width: 10 },
  ],
  rules: [
    { rule: 'unique', fields: ['课题编号'], on: '课题编号', severity: 'error' },
    { rule: 'requires', when: { field: '阶段', in: STARTED }, fields: ['立项日期'] },
    { rule: 'requires', when: { field: '阶段', in: ['结题'] }, fields: ['结题日期'] },
    { rule: 'order', before: '立项日期', after: '结题日期' },
    { rule: 'overdue', field: '计划结题日期', stageField: '阶段', doneStages: ['结题', '撤销'] },
  ],
};
