/**
 * A small district whose figures can be checked by hand (term 2025春, as of 2025-04-30: Feb–Apr due).
 * 甲小学 (WTQ-A): 3 teachers (张伟 34, 李娜 44, 王芳 29 at 2025-02-01). 乙小学 (WTQ-B): 2 teachers.
 */
import type { Cell, SheetInput } from '../../shared';

/** The fixture term. */
export const TERM = '2025春';
/** The day the figures are computed for (Feb–Apr due). */
export const AS_OF = '2025-04-30';
/** The clock the app runs on in these tests (as-of date, in China). */
export const NOW = new Date('2025-04-30T04:00:00Z');

/** The schools (丙 uploads little or nothing, depending on the test). */
export const SCHOOLS = [
  { code: 'WTQ-A', name: '甲小学' },
  { code: 'WTQ-B', name: '乙小学' },
  { code: 'WTQ-C', name: '丙小学' },
];

const ROSTER_H = ['姓名', '工号', '性别', '出生年月', '学科', '职称', '骨干称号', '在岗'];
const REFL_H = ['月份', '教师', '题目', '形式', '字数', '提交日期', '评价', '原创'];
const PAPER_H = ['教师', '题目', '类型', '去向', '评比或刊物', '级别', '提交日期', '状态', '获奖等级', '刊号', '发表期次', '发表日期'];

const sheet = (name: string, header: string[], rows: Cell[][]): SheetInput => ({ sheet: name, grid: [header, ...rows] });

/** 甲小学's roster. */
export const rosterA = () =>
  sheet('教师名册', ROSTER_H, [
    ['张伟', 'A01', '男', '1990-05', '数学', '一级教师', '无', '是'],
    ['李娜', 'A02', '女', '1980-03', '语文', '高级教师', '区县级骨干', '是'],
    ['王芳', 'A03', '女', '1995-09', '英语', '二级教师', '无', '是'],
  ]);

/** 甲小学's reflections: 5 teacher-months of 9 due; 王芳's March one is late (deadline 2025-03-28); 2 优秀. */
export const reflectionsA = () =>
  sheet('学月反思', REFL_H, [
    ['2025-02', '张伟', '二月教学随笔', '教育教学随笔', 900, '2025-02-20', '优秀', '是'],
    ['2025-02', '李娜', '二月教学随笔', '教育教学随笔', 950, '2025-02-21', '合格', '是'],
    ['2025-03', '张伟', '三月教学随笔', '教学案例', 1000, '2025-03-28', '优秀', '是'],
    ['2025-03', '王芳', '三月教学随笔', '教育教学随笔', 880, '2025-04-02', '合格', '是'],
    ['2025-04', '张伟', '四月教学随笔', '个案', 1200, '2025-04-10', '合格', '是'],
  ]);

/** 甲小学's papers: 4, of which 2 qualify (区县级二等奖; 已发表), 1 published; ≤40 authors 张伟 and 王芳. */
export const papersA = () =>
  sheet('论文投稿', PAPER_H, [
    ['张伟', '小学数学课堂提问的有效性研究', '论文', '评比', '五通桥区教育教学论文评比', '区县级', '2025-03-01', '获奖', '二等奖', null, null, null],
    ['李娜', '整本书阅读教学的实践探索', '论文', '投稿', '四川教育', null, '2025-03-05', '已发表', null, 'ISSN 1002-7181', '2025年第4期', '2025-04-15'],
    ['王芳', '游戏在低段英语教学中的运用', '论文', '评比', '乐山市论文评选', '市级', '2025-03-10', '获奖', '三等奖', null, null, null],
    ['张伟、王芳', '小组合作学习初探', '论文', '评比', '校级论文评比', '校级', '2025-04-01', '已提交', null, null, null, null],
  ]);

/** 乙小学's roster: 2 teachers, both over 40. */
export const rosterB = () =>
  sheet('教师名册', ROSTER_H, [
    ['赵强', 'B01', '男', '1975-01', '数学', '高级教师', '无', '是'],
    ['孙丽', 'B02', '女', '1978-06', '语文', '一级教师', '无', '是'],
  ]);

/** 乙小学's papers: one copies 甲小学's first title under 赵强 (a cross-school duplicate). */
export const papersB = () =>
  sheet('论文投稿', PAPER_H, [
    ['赵强', '小学数学课堂提问的有效性研究', '论文', '评比', '乐山市论文评选', '市级', '2025-03-02', '已提交', null, null, null, null],
    ['孙丽', '古诗词教学中的情境创设', '论文', '投稿', '教育科学论坛', null, '2025-03-09', '已录用', null, null, null, null],
  ]);

/** A reflections sheet with an error: 字数 under 800 (word_count) on row 2. */
export const badReflectionsA = () =>
  sheet('学月反思', REFL_H, [['2025-02', '张伟', '二月教学随笔', '教育教学随笔', 500, '2025-02-20', '优秀', '是']]);

const PROJ_H = ['课题编号', '课题名称', '级别', '类别', '主持人', '成员', '立项日期', '阶段', '计划结题日期', '结题日期', '成果等级'];
const COURSE_H = ['日期', '授课教师', '学科', '年级', '课名', '课型', '级别', '学时', '听课人数', '关联课题编号', '获奖等级'];

/** 甲小学's projects: 4; 在研 3 (中期, 立项, 延期); 延期 one past its 计划结题日期 (逾期); 1 立项 this term. */
export const projectsA = () =>
  sheet('课题登记', PROJ_H, [
    ['WT-2024-01', '小学数学课堂提问策略研究', '区县级', '规划课题', '张伟', '王芳', '2024-09-01', '中期', '2025-12-31', null, null],
    ['WT-2025-03', '整本书阅读推进策略研究', '市级', '专项课题', '李娜', '张伟、王芳', '2025-03-01', '立项', '2026-06-30', null, null],
    ['WT-2023-07', '低段英语游戏化教学研究', '校级', '小课题', '王芳', null, '2023-09-01', '延期', '2025-01-31', null, null],
    ['WT-2023-02', '分层作业设计研究', '区县级', '规划课题', '张伟', '李娜', '2023-03-01', '结题', '2024-12-31', '2025-01-10', '二等奖'],
  ]);

/** 甲小学's courses: 5; public lessons 2 (研究课, 竞赛课); 外出培训 12 + 4.5 = 16.5 学时; one 常态课. */
export const coursesA = () =>
  sheet('课程登记', COURSE_H, [
    ['2025-03-12', '张伟', '数学', '三年级', '分数的初步认识', '研究课', '区县级', null, 40, 'WT-2024-01', null],
    ['2025-04-08', '王芳', '英语', '一年级', 'Colours', '竞赛课', '市级', null, 60, null, '一等奖'],
    ['2025-03-20', '李娜', '语文', '五年级', '整本书阅读研修', '外出培训', '省级', 12, null, null, null],
    ['2025-04-15', '张伟', '数学', null, '区数学教研培训', '外出培训', '区县级', 4.5, null, null, null],
    ['2025-04-02', '李娜', '语文', '五年级', '古诗两首', '常态课', '校级', null, 10, null, null],
  ]);
