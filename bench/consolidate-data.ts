/**
 * Generated school workbooks for consolidate's benchmark and end-to-end test: realistic registers of one school
 * (title row, header, rows that pass the engine with only a few warnings), deterministic for a school index.
 */
import ExcelJS from 'exceljs';
import type { Cell } from '../shared/types';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧解强丛华车'.split('');
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '华', '玉兰', '红', '萍', '建华', '文', '辉', '鑫'];
const TOWNS = ['竹根', '牛华', '金山', '西坝', '桥沟', '石麟', '冠英', '蔡金', '新云', '杨柳', '金粟', '辉山'];
const KINDS_OF_SCHOOL = ['实验', '中心', '第一', '第二', '第三', '红旗', '光明', '育才', '希望', '新华', '民主', '建设', '胜利', '和平', '解放', '东风', '前进', '团结', '振兴', '文昌', '龙泉', '凤凰', '青龙', '白鹤', '金桥'];
const SUBJECTS = ['语文', '数学', '英语', '科学', '道德与法治', '音乐', '美术', '体育与健康', '信息科技', '劳动', '综合实践', '心理健康', '书法'];
const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'];
const TITLES = ['未定级', '三级教师', '二级教师', '一级教师', '高级教师'];
const LEVELS = ['国家级', '省级', '市级', '区县级', '校级'];
const AWARDS = ['特等奖', '一等奖', '二等奖', '三等奖', '优秀奖'];
const TOPICS = ['整本书阅读', '大单元教学', '作业设计', '课堂提问', '小组合作', '跨学科学习', '劳动教育', '心理健康教育', '家校共育', '项目式学习', '数学思维', '英语绘本', '科学探究', '书法启蒙', '体育游戏', '信息科技', '情境教学', '分层教学', '评价改革', '阅读习惯'];
const ANGLES = ['实践与思考', '策略探析', '案例研究', '有效路径', '问题与对策', '行动研究', '经验总结', '设计与实施', '初探', '再认识', '反思', '创新做法'];
const CONTESTS = ['五通桥区教育教学论文评比', '乐山市基础教育优秀论文评选', '四川省教育学会论文评比', '全国中小学教育科研成果评选'];
const JOURNALS: [string, string][] = [['四川教育', 'CN 51-1043/G4'], ['教育科学论坛', 'ISSN 1234-5679'], ['小学教学研究', 'CN 36-1028/G4'], ['中小学教育', 'ISSN 0378-5955']];
const COURSE_TYPES = ['示范课', '研究课', '汇报课', '竞赛课', '交流课', '送教课', '常态课', '校本课程', '外出培训'];
// Common characters of school writing, for titles that differ like real ones do.
const CHARS = '学生课堂教学阅读思维习惯培养探究合作评价作业设计情境体验成长兴趣表达写作识字数学语文英语科学实验观察记录问题策略方法能力素养品格劳动实践游戏活动小组分层差异个性家校沟通心理关怀班级管理规则鼓励倾听提问对话朗读背诵书写计算图形空间数据统计故事绘本诗词古文自然生命安全健康运动艺术音乐美术节奏色彩创意动手项目主题单元整合跨越融合反思改进细节变化发现';
function phrase(seed: number): string {
  let x = (seed * 2654435761) >>> 0;
  let out = '';
  for (let n = 0; n < 6; n++) {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    out += CHARS[x % CHARS.length];
  }
  return out;
}
const MONTHS = ['2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A school of the generated district. */
export interface GenSchool {
  code: string;
  name: string;
}

/** School `i` (0-based): code WTQ-001…, a unique Chinese name. */
export function genSchool(i: number): GenSchool {
  return { code: `WTQ-${pad(i + 1, 3)}`, name: `${TOWNS[i % TOWNS.length]}${KINDS_OF_SCHOOL[Math.floor(i / TOWNS.length) % KINDS_OF_SCHOOL.length]}小学` };
}

/** Teacher `k` of a school: unique within the school (no homonyms). */
export function teacherName(k: number): string {
  return SURNAMES[k % SURNAMES.length] + GIVEN[Math.floor(k / SURNAMES.length) % GIVEN.length];
}

/** One generated sheet: tab name, title, header and rows. */
export interface GenSheet {
  sheet: string;
  title: string;
  header: string[];
  rows: Cell[][];
}

/** What the generator put in a school's file (for tests to check the merge against). */
export interface GenFacts {
  teachers: number;
  rows: Record<string, number>;
}

/** The registers of school `i` with about `total` rows across the five kinds. */
export function schoolSheets(i: number, total: number): { sheets: GenSheet[]; facts: GenFacts } {
  const s = genSchool(i);
  const T = Math.max(4, Math.round(total / 20));
  const rest = Math.max(3, total - 7 * T);
  const nProjects = Math.max(1, Math.round(rest * 0.1));
  const nCourses = Math.max(1, Math.round(rest * 0.45));
  const nPapers = Math.max(1, rest - nProjects - nCourses);
  const t = (k: number) => teacherName(k % T);
  let active = 0;
  const roster: Cell[][] = [];
  for (let k = 0; k < T; k++) {
    const on = k % 20 !== 19;
    if (on) active++;
    roster.push([t(k), `${s.code.slice(4)}${pad(k + 1, 3)}`, k % 3 ? '女' : '男', `${1965 + ((k * 7 + i) % 36)}-${pad(1 + ((k * 5) % 12))}`, SUBJECTS[k % SUBJECTS.length], TITLES[k % TITLES.length], k % 9 ? '无' : '校级骨干', on ? '是' : '否']);
  }
  const refl: Cell[][] = [];
  for (let k = 0; k < T; k++)
    for (let m = 0; m < MONTHS.length; m++) {
      const late = (k + m * 3) % 33 === 0;
      const topic = TOPICS[(k * 3 + m * 7 + i) % TOPICS.length];
      // Word triples unique per teacher and month (and shifted per school), so titles rarely look copied.
      // Six characters drawn per school, teacher and month: titles as varied as real ones, so none look copied.
      const words = phrase(i * 100_003 + k * 101 + m);
      refl.push([MONTHS[m], t(k), `${words}：${topic}${ANGLES[(k + m * 5) % ANGLES.length]}`, ['教育教学随笔', '教学案例', '个案'][(k + m) % 3], 800 + ((k * 37 + m * 11) % 2000), late ? `${MONTHS[m]}-28`.replace('-02-28', '-03-03') : `${MONTHS[m]}-${pad(10 + ((k + m) % 14))}`, ['优秀', '合格', '合格', '未评', '合格'][(k + m) % 5], '是']);
    }
  const projects: Cell[][] = [];
  const stages = ['立项', '开题', '中期', '结题', '申报', '延期'];
  for (let j = 0; j < nProjects; j++) {
    const stage = stages[j % stages.length];
    const started = stage !== '申报';
    projects.push([`KT-${s.code.slice(4)}-${pad(j + 1, 3)}`, `${TOPICS[j % TOPICS.length]}${ANGLES[(j * 5) % ANGLES.length]}研究（${j + 1}）`, LEVELS[1 + (j % 4)], ['规划课题', '专项课题', '小课题', '个人课题', '校本课题'][j % 5], t(j), `${t(j + 1)}、${t(j + 2)}`, started ? (j % 2 ? '2025-03-01' : '2024-09-01') : null, stage, j % 17 === 3 ? '2025-03-31' : '2026-06-30', stage === '结题' ? '2025-06-20' : null, null]);
  }
  const courses: Cell[][] = [];
  for (let j = 0; j < nCourses; j++) {
    const type = COURSE_TYPES[j % COURSE_TYPES.length];
    const training = type === '外出培训';
    courses.push([`2025-${pad(3 + (j % 4))}-${pad(1 + (j % 27))}`, t(j * 7), SUBJECTS[j % SUBJECTS.length], training ? null : GRADES[j % GRADES.length], `${TOPICS[(j * 3) % TOPICS.length]}第${(j % 12) + 1}课时`, type, LEVELS[(j * 3) % 5], training ? 2 + (j % 30) : null, training ? null : 20 + (j % 80), j % 10 === 0 && nProjects ? `KT-${s.code.slice(4)}-001` : null, type === '竞赛课' ? AWARDS[j % 5] : null]);
  }
  const papers: Cell[][] = [];
  for (let j = 0; j < nPapers; j++) {
    const title = `${TOPICS[j % TOPICS.length]}的${ANGLES[(j * 7) % ANGLES.length]}——以${s.name}${j + 1}号案例为例`;
    const who = j % 6 === 0 ? `${t(j * 3)}、${t(j * 3 + 1)}` : t(j * 3);
    const date = `2025-${pad(3 + (j % 4))}-${pad(1 + (j % 27))}`;
    if (j % 5 < 3) {
      const status = ['获奖', '获奖', '未获奖', '已提交'][j % 4];
      papers.push([who, title, '论文', '评比', CONTESTS[j % CONTESTS.length], LEVELS[j % 5], date, status, status === '获奖' ? AWARDS[(j * 3) % 5] : null, null, null, null]);
    } else {
      const [journal, number] = JOURNALS[j % JOURNALS.length];
      const published = j % 2 === 0;
      papers.push([who, title, '教学案例', '投稿', journal, null, date, published ? '已发表' : '已录用', null, published ? number : null, published ? `2025年第${(j % 6) + 1}期` : null, published ? `2025-${pad(4 + (j % 3))}-15` : null]);
    }
  }
  const head = (title: string) => `${s.name}2025年春季学期${title}`;
  const sheets: GenSheet[] = [
    { sheet: '教师名册', title: head('教师名册'), header: ['姓名', '工号', '性别', '出生年月', '学科', '职称', '骨干称号', '在岗'], rows: roster },
    { sheet: '课题', title: head('课题登记表'), header: ['课题编号', '课题名称', '级别', '类别', '主持人', '成员', '立项日期', '阶段', '计划结题日期', '结题日期', '成果等级'], rows: projects },
    { sheet: '课程', title: head('课程登记表'), header: ['日期', '授课教师', '学科', '年级', '课名', '课型', '级别', '学时', '听课人数', '关联课题编号', '获奖等级'], rows: courses },
    { sheet: '学月反思', title: head('学月反思登记表'), header: ['月份', '教师', '题目', '形式', '字数', '提交日期', '评价', '原创'], rows: refl },
    { sheet: '论文', title: head('论文统计表'), header: ['教师', '题目', '类型', '去向', '评比或刊物', '级别', '提交日期', '状态', '获奖等级', '刊号', '发表期次', '发表日期'], rows: papers },
  ];
  const rows = { roster: T, projects: nProjects, courses: nCourses, reflections: refl.length, papers: nPapers };
  return { sheets, facts: { teachers: active, rows } };
}

/** Writes sheets as an .xlsx the way Excel would (shared strings, a merged title row above the header). */
export async function writeSheets(path: string, sheets: GenSheet[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  for (const g of sheets) {
    const ws = wb.addWorksheet(g.sheet);
    ws.addRow([g.title]);
    ws.mergeCells(1, 1, 1, g.header.length);
    ws.getRow(1).commit();
    ws.addRow(g.header).commit();
    for (const r of g.rows) ws.addRow(r.map((c) => (c === null ? undefined : c))).commit();
    ws.commit();
  }
  await wb.commit();
}
