/**
 * Realistic registers of one school for one term, as the grids a coordinator would type (title row, Chinese
 * headers, ISO dates): a seeded generator used by the demo district and the upload benchmark. Every grid passes
 * the engine without errors; a few warnings (late reflections) are left in on purpose, as real sheets have them.
 */
import { issnCheckDigit, lastFriday, parseTerm, TEMPLATES, type Cell, type Grid, type KindId, type SheetInput } from '../../shared';

/** A small deterministic PRNG (mulberry32), so a demo district is the same on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤'.split('');
const GIVEN = '伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚桂英华玉兰萍建红文辉琳春梅海燕雪荣鹏宇浩凯健俊帆帅旭宁颖婷倩欣悦晨阳佳怡思雨晓东志刚国庆丹亮云飞'.split('');
const SUBJECTS = ['语文', '语文', '语文', '数学', '数学', '数学', '英语', '英语', '科学', '道德与法治', '音乐', '美术', '体育与健康', '信息科技', '心理健康'];
const TITLES = ['二级教师', '一级教师', '一级教师', '高级教师', '三级教师', '未定级'];
const BACKBONE = ['无', '无', '无', '无', '校级骨干', '区县级骨干', '市级骨干', '学科带头人'];
const TOPICS = ['课堂提问的有效性', '作业设计与减负增效', '大单元教学的实践', '学习任务群的设计', '跨学科主题学习', '课堂评价语言', '小组合作学习', '阅读习惯的培养', '错题资源的利用', '信息技术与课堂融合', '家校共育的策略', '核心素养导向的教学', '情境教学的运用', '分层作业的实践', '整本书阅读指导', '劳动教育的开展', '双减背景下的课后服务', '低段识字教学', '计算能力的培养', '口语交际教学'];
const ANGLES = ['浅谈', '例谈', '关于', '试论', '探究', '基于实践的', '农村小学', '课堂观察：'];
const LESSONS = ['桂林山水', '落花生', '圆的面积', '找春天', '小数的意义', '植物的一生', '草船借箭', '鸡兔同笼', '观潮', '乘法分配律', '匆匆', '搭船的鸟', '认识钟表', '声音的产生', '比例尺', '美丽的小兴安岭', '狼牙山五壮士', '长方体的体积', '四季之美', '分数的初步认识', '荷花', '位置与方向', '白鹭', '条形统计图', '少年中国说', '简单的周期', '燕子', '平移和旋转', '火烧云', '可能性', '秋天的雨', '三角形的内角和', '珍珠鸟', '百分数的应用', '走月亮', '认识人民币', '枫桥夜泊', '垂直与平行', '慈母情深', '简易方程'];
const FORMS = ['教育教学随笔', '教育教学随笔', '教学案例', '个案'];
const CONTESTS = ['乐山市中小学教师论文评选', '五通桥区教育教学论文评比', '四川省教育学会论文评选', '全国基础教育优秀论文评比'];
const JOURNALS = ['四川教育', '教育科学论坛', '小学教学参考', '中小学教师培训'];
const COURSE_TYPES = ['研究课', '示范课', '汇报课', '交流课', '常态课', '送教课'];
const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'];

/** Sizes of one school's registers. */
export interface RegisterSizes {
  teachers: number;
  papersPerTeacher: number;
  courses: number;
  projects: number;
  /** Share of due teacher-months with a reflection (0…1). */
  reflectionRate: number;
  /** Share of reflections with a specific (comparable) title rather than a generic one like 三月教学随笔; default 0.12. */
  specificTitles?: number;
}

/** A typical school: 30–60 teachers. */
export const DEMO_SIZES: RegisterSizes = { teachers: 36, papersPerTeacher: 0.6, courses: 40, projects: 6, reflectionRate: 0.9 };

const pick = <T,>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const pad2 = (n: number) => String(n).padStart(2, '0');

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function dateIn(r: () => number, from: string, to: string): string {
  const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86400000));
  return addDays(from, Math.floor(r() * (span + 1)));
}

function sheet(kind: KindId, schoolName: string, termLabel: string, rows: Cell[][]): SheetInput {
  const t = TEMPLATES[kind];
  const header = t.columns.map((c) => c.name);
  const title: Cell[] = [`${schoolName}${termLabel}${t.title}`];
  const grid: Grid = [title, header, ...rows.map((row) => header.map((_, i) => row[i] ?? null))];
  return { sheet: t.title, grid };
}

/** A paragraph of ≥ 800 counted characters for a reflection's 正文 (the demo plants one near-copy of it). */
export function reflectionBody(r: () => number, topic: string): string {
  const parts = [`本月围绕“${topic}”开展了实践与反思。`];
  const lines = ['课堂上我尝试调整了提问的方式，让学生先独立思考再交流，发现参与面明显扩大。', '针对部分学生基础薄弱的情况，我设计了分层练习，并利用课后时间进行个别辅导。', '在教研组的研讨中，同事们提出了很多有价值的建议，我据此修改了教学设计。', '通过作业批改发现，学生在知识迁移方面仍有困难，需要在后续教学中加强变式训练。', '家校沟通方面，我通过家长会和电话回访了解学生在家的学习情况，形成了教育合力。'];
  while (Array.from(parts.join('')).length < 860) parts.push(pick(r, lines));
  return parts.join('');
}

/** Grids of all five registers of one school for one term, as of a date; `seed` makes it reproducible. */
export function schoolRegisters(opts: { code: string; name: string; term: string; asOf: string; seed: number; sizes?: RegisterSizes }): SheetInput[] {
  const r = rng(opts.seed);
  const sizes = opts.sizes ?? DEMO_SIZES;
  const info = parseTerm(opts.term);
  const end = opts.asOf < info.end ? opts.asOf : info.end;
  const label = `${info.year}年${info.season}季学期`;
  const names = new Set<string>();
  while (names.size < sizes.teachers) names.add(pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.6 ? pick(r, GIVEN) : ''));
  const teachers = [...names].map((name, i) => ({
    name,
    id: `${opts.code.replace(/\W/g, '')}${pad2(i + 1)}`,
    birth: `${1968 + Math.floor(r() * 32)}-${pad2(1 + Math.floor(r() * 12))}`,
    subject: pick(r, SUBJECTS),
  }));
  const roster = teachers.map((t) => [t.name, t.id, r() < 0.7 ? '女' : '男', t.birth, t.subject, pick(r, TITLES), pick(r, BACKBONE), '是']);

  const topic = () => `${pick(r, ANGLES)}${pick(r, ['小学', ''])}${pick(r, ['语文', '数学', '英语', '科学', ''])}${pick(r, TOPICS)}`;
  const projectRows: Cell[][] = [];
  const codes: string[] = [];
  for (let i = 0; i < sizes.projects; i++) {
    const code = `${opts.code}-${info.year}-${pad2(i + 1)}`;
    codes.push(code);
    const lead = teachers[Math.floor(r() * teachers.length)];
    const members = teachers.filter(() => r() < 3 / teachers.length).map((t) => t.name).filter((n) => n !== lead.name);
    const stage = pick(r, ['立项', '开题', '中期', '中期', '结题', '申报']);
    const start = addDays(info.start, -Math.floor(r() * 500));
    const planned = addDays(start, 365 + Math.floor(r() * 365));
    const done = stage === '结题' ? dateIn(r, start < info.start ? info.start : start, end) : null;
    projectRows.push([code, `${topic()}的研究`, pick(r, ['区县级', '区县级', '市级', '省级', '校级']), pick(r, ['规划课题', '专项课题', '小课题', '校本课题']), lead.name, members.join('、'), stage === '申报' ? null : start, stage, planned, done, stage === '结题' && r() < 0.5 ? pick(r, ['一等奖', '二等奖', '三等奖']) : null]);
  }

  const courseRows: Cell[][] = [];
  for (let i = 0; i < sizes.courses; i++) {
    const t = pick(r, teachers);
    const type = r() < 0.1 ? '外出培训' : r() < 0.1 ? '竞赛课' : pick(r, COURSE_TYPES);
    courseRows.push([dateIn(r, info.start, end), t.name, t.subject, type === '外出培训' ? null : pick(r, GRADES), type === '外出培训' ? `${pick(r, ['新课标', '作业设计', '心理健康教育'])}专题培训` : `${pick(r, ['认识', '走进', '探究', '学习'])}${pick(r, ['分数', '春天', '圆', '古诗', '声音', '植物'])}`, type, pick(r, ['校级', '校级', '区县级', '市级']), type === '外出培训' ? 4 + Math.floor(r() * 20) : 1, type === '外出培训' ? null : 20 + Math.floor(r() * 60), codes.length && r() < 0.2 ? pick(r, codes) : null, type === '竞赛课' ? pick(r, ['一等奖', '二等奖', '三等奖']) : null]);
  }

  const reflectionRows: Cell[][] = [];
  const months = info.months.filter((m) => `${m}-01` <= end);
  for (const t of teachers) {
    for (const m of months) {
      if (r() > sizes.reflectionRate) continue;
      const deadline = lastFriday(m);
      const latest = deadline < end ? deadline : end;
      const late = r() < 0.03 && addDays(deadline, 3) <= end;
      const submitted = late ? addDays(deadline, 3) : dateIn(r, `${m}-01` < latest ? `${m}-01` : latest, latest);
      // Most titles are generic (too short to compare); some name a topic and a lesson, as real ones do.
      const title = r() >= (sizes.specificTitles ?? 0.12) ? `${Number(m.slice(5))}月${pick(r, ['教学随笔', '教学反思', '教育叙事', '学月反思'])}` : `${pick(r, ANGLES)}${pick(r, TOPICS)}——以《${pick(r, LESSONS)}》为例`;
      reflectionRows.push([m, t.name, title, pick(r, FORMS), 820 + Math.floor(r() * 900), submitted, pick(r, ['优秀', '合格', '合格', '未评']), '是', null]);
    }
  }

  const paperRows: Cell[][] = [];
  const nPapers = Math.round(teachers.length * sizes.papersPerTeacher);
  for (let i = 0; i < nPapers; i++) {
    const t = teachers[i % teachers.length];
    const contest = r() < 0.6;
    const submitted = dateIn(r, info.start, end);
    const title = `${topic()}——以${pick(r, GRADES)}（${1 + Math.floor(r() * 6)}）班《${pick(r, LESSONS)}》为例`;
    if (contest) {
      const status = pick(r, ['已提交', '获奖', '获奖', '未获奖']);
      paperRows.push([t.name, title, pick(r, ['论文', '教学案例', '教学设计']), '评比', pick(r, CONTESTS), pick(r, ['区县级', '市级', '省级']), submitted, status, status === '获奖' ? pick(r, ['一等奖', '二等奖', '三等奖']) : null, null, null, null]);
    } else {
      const status = pick(r, ['已提交', '已录用', '已发表']);
      const base = `${1000 + Math.floor(r() * 8999)}${100 + Math.floor(r() * 899)}`;
      const issn = `ISSN ${base.slice(0, 4)}-${base.slice(4)}${issnCheckDigit(base)}`;
      paperRows.push([t.name, title, '论文', '投稿', pick(r, JOURNALS), null, submitted, status, null, status === '已发表' ? issn : null, status === '已发表' ? `${info.year}年第${1 + Math.floor(r() * 12)}期` : null, status === '已发表' ? addDays(submitted, 20) < end ? addDays(submitted, 20) : end : null]);
    }
  }

  return [
    sheet('roster', opts.name, label, roster),
    sheet('projects', opts.name, label, projectRows),
    sheet('courses', opts.name, label, courseRows),
    sheet('reflections', opts.name, label, reflectionRows),
    sheet('papers', opts.name, label, paperRows),
  ];
}
