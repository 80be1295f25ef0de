/**
 * The built-in register definition: the five registers of DOMAIN.md, their value sets and rules, written in the
 * same canonical format as any district's definition (and exported as the same workbook by `yanbiao registers
 * export`). Nothing here is code for one kind: compile.ts turns it into the engine's templates.
 */
import type { z } from 'zod';
import { RegisterDefinitionSchema, type RegisterDefinition } from './schema';

/** 县二等奖及以上或公开发表: the paper target's condition. */
const QUALIFIED = '状态 = 已发表 或 状态 = 获奖 且 级别 ∈ 国家级、省级、市级、区县级 且 获奖等级 ∈ 特等奖、一等奖、二等奖';
/** Course types that are public lessons (公开课). */
const PUBLIC_LESSONS = ['示范课', '研究课', '汇报课', '竞赛课', '交流课', '送教课'];

const DATA = {
  name: '研表内置登记表定义（DOMAIN.md 的五种登记表）',
  registers: [
    {
      code: 'roster',
      name: '教师名册',
      hints: ['名册', '花名册', '教师信息', '教师名单'],
      columns: [
        { name: '姓名', aliases: ['教师姓名', '教师'], type: '姓名', required: true, width: 12 },
        { name: '工号', aliases: ['教师编号', '编号', '教工号'], type: '文本', width: 12 },
        { name: '性别', type: '取值', valueSet: '性别', width: 8 },
        { name: '出生年月', aliases: ['出生日期', '出生年月日'], type: '月份', width: 12, hint: '如 1988-05' },
        { name: '学科', aliases: ['任教学科', '所教学科'], type: '取值', required: true, valueSet: '学科', width: 14 },
        { name: '职称', aliases: ['专业技术职称', '职称等级'], type: '取值', valueSet: '职称', width: 14 },
        { name: '骨干称号', aliases: ['骨干', '骨干教师', '称号'], type: '取值', valueSet: '骨干称号', default: '无', width: 14 },
        { name: '在岗', aliases: ['是否在岗', '在岗情况'], type: '取值', valueSet: '是否', default: '是', width: 8 }
      ]
    },
    {
      code: 'projects',
      name: '课题登记',
      hints: ['课题'],
      columns: [
        { name: '课题编号', aliases: ['立项编号', '编号'], type: '文本', width: 14 },
        { name: '课题名称', aliases: ['课题', '课题题目', '研究课题'], type: '文本', required: true, width: 40 },
        { name: '级别', aliases: ['课题级别', '立项级别'], type: '取值', required: true, valueSet: '级别', width: 10 },
        { name: '类别', aliases: ['课题类别', '课题类型'], type: '取值', valueSet: '课题类别', width: 12 },
        { name: '主持人', aliases: ['负责人', '课题负责人', '主研人'], type: '姓名', required: true, ref: '名册', width: 12 },
        { name: '成员', aliases: ['课题成员', '主研成员', '参研人员', '研究成员'], type: '多个姓名', ref: '名册', width: 30 },
        { name: '立项日期', aliases: ['立项时间'], type: '日期', width: 12 },
        { name: '阶段', aliases: ['研究阶段', '进展', '当前阶段'], type: '取值', required: true, valueSet: '课题阶段', width: 10 },
        { name: '计划结题日期', aliases: ['计划结题时间', '预计结题日期'], type: '日期', width: 14 },
        { name: '结题日期', aliases: ['结题时间'], type: '日期', width: 12 },
        { name: '成果等级', aliases: ['获奖等级', '成果获奖'], type: '取值', valueSet: '获奖等级', width: 10 }
      ]
    },
    {
      code: 'courses',
      name: '课程登记',
      hints: ['课程', '公开课', '培训', '听课'],
      columns: [
        { name: '日期', aliases: ['授课日期', '上课日期', '时间', '培训日期'], type: '日期', required: true, inTerm: true, width: 12 },
        { name: '授课教师', aliases: ['执教教师', '上课教师', '姓名', '教师', '执教者'], type: '姓名', required: true, ref: '名册', width: 12 },
        { name: '学科', type: '取值', required: true, valueSet: '学科', width: 12 },
        { name: '年级', aliases: ['班级'], type: '取值', valueSet: '年级', width: 10 },
        { name: '课名', aliases: ['课程名称', '授课内容', '课题名称', '培训内容'], type: '文本', required: true, width: 30 },
        { name: '课型', aliases: ['类型', '课程类型'], type: '取值', required: true, valueSet: '课型', width: 10 },
        { name: '级别', type: '取值', required: true, valueSet: '级别', width: 10 },
        { name: '学时', aliases: ['课时', '培训学时'], type: '数字', min: 0, max: 200, width: 8 },
        { name: '听课人数', aliases: ['听课人次'], type: '整数', min: 0, max: 2000, width: 10 },
        { name: '关联课题编号', aliases: ['关联课题', '课题编号'], type: '文本', ref: '课题', width: 14 },
        { name: '获奖等级', aliases: ['获奖', '等级'], type: '取值', valueSet: '获奖等级', width: 10 }
      ]
    },
    {
      code: 'reflections',
      name: '学月反思',
      hints: ['反思', '学月'],
      columns: [
        { name: '月份', aliases: ['反思月份', '学月'], type: '月份', required: true, width: 10, hint: '如 2025-03' },
        { name: '教师', aliases: ['教师姓名', '姓名', '作者'], type: '姓名', required: true, ref: '名册', width: 12 },
        { name: '题目', aliases: ['反思题目', '标题', '论文题目'], type: '文本', required: true, width: 36 },
        { name: '形式', aliases: ['类型', '反思形式', '体裁'], type: '取值', required: true, valueSet: '反思形式', width: 14 },
        { name: '字数', type: '整数', required: true, min: 800, max: 100000, width: 8 },
        { name: '提交日期', aliases: ['上交日期', '提交时间', '上交时间'], type: '日期', required: true, width: 12 },
        { name: '评价', aliases: ['评定', '等级评价', '考评'], type: '取值', valueSet: '评价', default: '未评', width: 8 },
        { name: '原创', aliases: ['是否原创'], type: '取值', valueSet: '是否', width: 8 },
        { name: '正文', aliases: ['内容', '全文', '反思内容'], type: '长文本', width: 50 }
      ]
    },
    {
      code: 'papers',
      name: '论文投稿',
      hints: ['论文', '投稿', '发表'],
      columns: [
        { name: '教师', aliases: ['教师姓名', '姓名', '作者'], type: '多个姓名', required: true, ref: '名册', spaceSeparates: false, width: 14, hint: '第一作者在前，合著者用“、”分隔' },
        { name: '题目', aliases: ['论文题目', '标题', '篇名'], type: '文本', required: true, width: 40 },
        { name: '类型', aliases: ['论文类型', '文章类型'], type: '取值', valueSet: '论文类型', width: 10 },
        { name: '去向', aliases: ['投向', '参评或投稿'], type: '取值', required: true, valueSet: '论文去向', width: 8 },
        { name: '评比或刊物', aliases: ['评比名称', '刊物名称', '评比/刊物', '评比或刊物名称'], type: '文本', required: true, width: 30 },
        { name: '级别', aliases: ['评比级别', '获奖级别'], type: '取值', valueSet: '级别', width: 10 },
        { name: '提交日期', aliases: ['上交日期', '提交时间', '投稿日期'], type: '日期', required: true, width: 12 },
        { name: '状态', aliases: ['结果', '进展'], type: '取值', required: true, valueSet: '论文状态', width: 10 },
        { name: '获奖等级', aliases: ['等级', '获奖'], type: '取值', valueSet: '获奖等级', width: 10 },
        { name: '刊号', aliases: ['ISSN', 'CN', '刊号(ISSN/CN)'], type: '刊号', width: 26 },
        { name: '发表期次', aliases: ['期次', '刊期', '发表期号'], type: '文本', width: 12 },
        { name: '发表日期', aliases: ['发表时间'], type: '日期', width: 12 }
      ]
    }
  ],
  valueSets: [
    {
      name: '级别',
      code: 'level',
      values: [
        { value: '国家级', aliases: ['国家', '全国', '全国级'] },
        { value: '省级', aliases: ['省'] },
        { value: '市级', aliases: ['市', '地市级', '地级市'] },
        { value: '区县级', aliases: ['区', '县', '区级', '县级', '区县', '县区级'] },
        { value: '校级', aliases: ['校', '学校', '学校级'] }
      ]
    },
    {
      name: '获奖等级',
      code: 'award',
      values: [
        { value: '特等奖', aliases: ['特等', '特等獎'] },
        { value: '一等奖', aliases: ['一等', '1等奖', '1等', '一等獎', '1等獎'] },
        { value: '二等奖', aliases: ['二等', '2等奖', '2等', '二等獎', '2等獎'] },
        { value: '三等奖', aliases: ['三等', '3等奖', '3等', '三等獎', '3等獎'] },
        { value: '优秀奖', aliases: ['优秀', '優秀獎', '优秀獎'] }
      ]
    },
    {
      name: '学科',
      code: 'subject',
      values: [
        { value: '语文' },
        { value: '数学' },
        { value: '英语' },
        { value: '科学' },
        { value: '道德与法治', aliases: ['品德', '思品', '道法', '品德与社会', '品德与生活'] },
        { value: '音乐' },
        { value: '美术' },
        { value: '体育与健康', aliases: ['体育'] },
        { value: '信息科技', aliases: ['信息技术', '信息'] },
        { value: '劳动' },
        { value: '综合实践', aliases: ['综合实践活动'] },
        { value: '心理健康', aliases: ['心理'] },
        { value: '书法' },
        { value: '其他' }
      ]
    },
    {
      name: '年级',
      code: 'grade',
      values: [
        { value: '一年级', aliases: ['1年级', '一年'] },
        { value: '二年级', aliases: ['2年级', '二年'] },
        { value: '三年级', aliases: ['3年级', '三年'] },
        { value: '四年级', aliases: ['4年级', '四年'] },
        { value: '五年级', aliases: ['5年级', '五年'] },
        { value: '六年级', aliases: ['6年级', '六年'] },
        { value: '七年级', aliases: ['7年级', '七年', '初一', '初中一年级'] },
        { value: '八年级', aliases: ['8年级', '八年', '初二', '初中二年级'] },
        { value: '九年级', aliases: ['9年级', '九年', '初三', '初中三年级'] },
        { value: '高一', aliases: ['高1', '高中一年级', '10年级'] },
        { value: '高二', aliases: ['高2', '高中二年级', '11年级'] },
        { value: '高三', aliases: ['高3', '高中三年级', '12年级'] }
      ]
    },
    {
      name: '职称',
      code: 'title',
      values: [
        { value: '未定级', aliases: ['无', '未评'] },
        { value: '三级教师', aliases: ['三级', '中学三级', '小学二级', '小学三级'] },
        { value: '二级教师', aliases: ['二级', '中学二级', '小学一级'] },
        { value: '一级教师', aliases: ['一级', '中学一级', '小学高级'] },
        { value: '高级教师', aliases: ['高级', '中学高级', '副高'] },
        { value: '正高级教师', aliases: ['正高级', '正高', '小学特级'] }
      ]
    },
    {
      name: '性别',
      code: 'gender',
      values: [
        { value: '男', aliases: ['男性', 'M'] },
        { value: '女', aliases: ['女性', 'F'] }
      ]
    },
    {
      name: '是否',
      code: 'yesno',
      values: [
        { value: '是', aliases: ['Y', 'YES', 'TRUE', '√', '1', '在岗'] },
        { value: '否', aliases: ['N', 'NO', 'FALSE', '×', '0', '不在岗'] }
      ]
    },
    {
      name: '骨干称号',
      code: 'backbone',
      values: [
        { value: '无' },
        { value: '校级骨干', aliases: ['校骨干', '校级骨干教师'] },
        { value: '区县级骨干', aliases: ['区级骨干', '县级骨干', '区骨干', '县骨干', '区级骨干教师', '县级骨干教师'] },
        { value: '市级骨干', aliases: ['市骨干', '市级骨干教师'] },
        { value: '学科带头人' },
        { value: '特级教师', aliases: ['特级'] }
      ]
    },
    {
      name: '课题类别',
      code: 'projectCategory',
      values: [
        { value: '规划课题' },
        { value: '专项课题' },
        { value: '小课题', aliases: ['微型课题', '微课题'] },
        { value: '个人课题' },
        { value: '校本课题' }
      ]
    },
    {
      name: '课题阶段',
      code: 'projectStage',
      values: [
        { value: '申报', aliases: ['已申报'] },
        { value: '立项', aliases: ['已立项'] },
        { value: '开题', aliases: ['已开题'] },
        { value: '中期', aliases: ['中期检查'] },
        { value: '结题', aliases: ['已结题'] },
        { value: '延期' },
        { value: '撤销', aliases: ['已撤销'] }
      ]
    },
    {
      name: '课型',
      code: 'courseType',
      values: [
        { value: '示范课' },
        { value: '研究课' },
        { value: '汇报课' },
        { value: '竞赛课', aliases: ['赛课'] },
        { value: '交流课' },
        { value: '送教课', aliases: ['送课', '送教'] },
        { value: '常态课' },
        { value: '校本课程', aliases: ['校本课'] },
        { value: '外出培训', aliases: ['培训'] }
      ]
    },
    {
      name: '反思形式',
      code: 'reflectionForm',
      values: [
        { value: '教育教学随笔', aliases: ['随笔', '教学随笔', '教育随笔'] },
        { value: '教学案例', aliases: ['案例'] },
        { value: '个案', aliases: ['个案分析'] },
        { value: '读书心得', aliases: ['读书笔记', '心得'] },
        { value: '阅读推荐' }
      ]
    },
    {
      name: '评价',
      code: 'rating',
      values: [
        { value: '优秀', aliases: ['优'] },
        { value: '合格', aliases: ['良', '良好'] },
        { value: '不合格' },
        { value: '未评', aliases: ['未评价'] }
      ]
    },
    {
      name: '论文类型',
      code: 'paperType',
      values: [
        { value: '论文' },
        { value: '教学案例', aliases: ['案例'] },
        { value: '教学设计', aliases: ['设计'] },
        { value: '教育叙事', aliases: ['叙事'] },
        { value: '课例' },
        { value: '随笔' }
      ]
    },
    {
      name: '论文去向',
      code: 'paperRoute',
      values: [
        { value: '评比', aliases: ['参评', '比赛'] },
        { value: '投稿', aliases: ['发表', '投刊'] }
      ]
    },
    {
      name: '论文状态',
      code: 'paperStatus',
      values: [
        { value: '已提交', aliases: ['提交', '已投稿', '已送评'] },
        { value: '已录用', aliases: ['录用'] },
        { value: '已发表', aliases: ['发表'] },
        { value: '获奖', aliases: ['已获奖'] },
        { value: '未获奖' }
      ]
    }
  ],
  rules: [
    { register: 'roster', rule: '重名需工号', fields: ['姓名'], other: '工号' },
    { register: 'projects', rule: '不得重复', fields: ['课题编号'], other: '课题编号', severity: '错误' },
    { register: 'projects', rule: '条件必填', fields: ['立项日期'], condField: '阶段', condValues: ['立项', '开题', '中期', '结题', '延期'] },
    { register: 'projects', rule: '条件必填', fields: ['结题日期'], condField: '阶段', condValues: ['结题'] },
    { register: 'projects', rule: '先后', fields: ['立项日期'], other: '结题日期' },
    { register: 'projects', rule: '逾期', fields: ['计划结题日期'], condField: '阶段', condValues: ['结题', '撤销'] },
    { register: 'courses', rule: '条件禁填', fields: ['获奖等级'], condField: '课型', condValues: ['竞赛课'] },
    { register: 'courses', rule: '条件必填', fields: ['学时'], condField: '课型', condValues: ['外出培训'] },
    { register: 'reflections', rule: '字数核对', fields: ['字数'], other: '正文', value: 0.1 },
    { register: 'reflections', rule: '截止日期', fields: ['月份'], other: '提交日期' },
    { register: 'reflections', rule: '月份在学期内', fields: ['月份'] },
    { register: 'reflections', rule: '每学期限次', fields: ['形式'], condValues: ['读书心得', '阅读推荐'], other: '教师', value: 1 },
    { register: 'reflections', rule: '相似文本', fields: ['题目', '正文'], other: '教师' },
    { register: 'papers', rule: '条件必填', fields: ['级别'], condField: '去向', condValues: ['评比'] },
    { register: 'papers', rule: '条件必填', fields: ['获奖等级'], condField: '状态', condValues: ['获奖'], other: '去向', otherValues: ['评比'] },
    { register: 'papers', rule: '条件禁填', fields: ['获奖等级'], condField: '状态', condValues: ['获奖'] },
    { register: 'papers', rule: '条件必填', fields: ['刊号'], condField: '状态', condValues: ['已发表'], other: '去向', otherValues: ['投稿'] },
    { register: 'papers', rule: '不得重复', fields: ['教师', '题目', '评比或刊物'], other: '题目', severity: '错误' },
    { register: 'papers', rule: '同题', fields: ['题目'], other: '教师' }
  ],
  indicators: [
    // DOMAIN.md's metrics, in the order of 区级汇总 (test/shared/metrics/indicator-parity.test.ts holds them to it).
    { register: 'roster', name: '在岗教师', calc: '行数', condition: '在岗 ≠ 否' },
    { register: 'roster', name: '40岁以下教师', calc: '行数', condition: '在岗 ≠ 否 且 出生年月 ≤ 40岁' },
    { register: 'reflections', name: '反思应交', calc: '应交月数' },
    { register: 'reflections', name: '反思实交', calc: '实交月数' },
    { register: 'reflections', name: '反思完成率', calc: '完成率', rank: true },
    { register: 'reflections', name: '反思按时率', calc: '按时率', rank: true },
    { register: 'reflections', name: '反思优秀率', calc: '按月占比', condField: '评价', condValues: ['优秀'] },
    { register: 'papers', name: '论文篇数', calc: '行数' },
    { register: 'papers', name: '论文人均篇数', calc: '人均行数', rank: true },
    { register: 'papers', name: '县二等奖及以上或发表篇数', calc: '去重行数', field: '教师、题目', condition: QUALIFIED },
    { register: 'papers', name: '县二等奖及以上或发表人均', calc: '人均去重行数', field: '教师、题目', condition: QUALIFIED, target: '≥ 1', rank: true },
    { register: 'papers', name: '发表篇数', calc: '行数', condField: '状态', condValues: ['已发表'] },
    { register: 'papers', name: '40岁以下参与人数', calc: '参与人数', rosterCondition: '出生年月 ≤ 40岁' },
    { register: 'papers', name: '40岁以下论文参与率', calc: '参与率', rosterCondition: '出生年月 ≤ 40岁', target: '= 100%', rank: true },
    { register: 'projects', name: '课题数', calc: '行数' },
    { register: 'projects', name: '在研课题', calc: '行数', condField: '阶段', condValues: ['立项', '开题', '中期', '延期'] },
    { register: 'projects', name: '逾期未结题', calc: '行数', condition: '计划结题日期 < 统计日 且 阶段 ∉ 结题、撤销' },
    { register: 'projects', name: '本学期新立项', calc: '行数', condition: '立项日期 ≥ 学期初 且 立项日期 ≤ 学期末' },
    { register: 'courses', name: '课程登记数', calc: '行数' },
    { register: 'courses', name: '公开课节数', calc: '行数', condField: '课型', condValues: PUBLIC_LESSONS },
    { register: 'courses', name: '公开课人均', calc: '人均行数', condField: '课型', condValues: PUBLIC_LESSONS, rank: true },
    { register: 'courses', name: '外出培训学时', calc: '合计', field: '学时', condField: '课型', condValues: ['外出培训'] },
    { register: 'courses', name: '培训学时人均', calc: '人均合计', field: '学时', condField: '课型', condValues: ['外出培训'], rank: true },
    { register: 'papers', name: '论文获奖（级别 × 获奖等级）', calc: '交叉表', field: '级别、获奖等级', condField: '状态', condValues: ['获奖'] },
    { register: 'projects', name: '课题（级别 × 阶段）', calc: '交叉表', field: '级别、阶段' },
    { register: 'courses', name: '课程（课型 × 级别）', calc: '交叉表', field: '课型、级别' },
  ],
} satisfies z.input<typeof RegisterDefinitionSchema>;

/** The built-in definition, checked by its own schema when loaded. */
export const BUILTIN_DEFINITION: RegisterDefinition = RegisterDefinitionSchema.parse(DATA);
