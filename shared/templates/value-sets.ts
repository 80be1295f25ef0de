/** The value sets of DOMAIN.md as data: canonical value ← accepted aliases. Adding an alias is an edit here. */

/** A closed list of canonical values with the aliases that map onto each. */
export interface ValueSet {
  id: string;
  /** canonical value → aliases (the canonical value itself is always accepted). */
  values: Record<string, string[]>;
}

const digitsCn = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

function awards(): Record<string, string[]> {
  const out: Record<string, string[]> = { 特等奖: ['特等', '特等獎'] };
  for (let i = 1; i <= 3; i++) {
    const cn = digitsCn[i - 1];
    out[`${cn}等奖`] = [`${cn}等`, `${i}等奖`, `${i}等`, `${cn}等獎`, `${i}等獎`];
  }
  out['优秀奖'] = ['优秀', '優秀獎', '优秀獎'];
  return out;
}

function grades(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (let i = 1; i <= 9; i++) {
    const cn = digitsCn[i - 1];
    const aliases = [`${i}年级`, `${cn}年`];
    if (i >= 7) aliases.push(`初${digitsCn[i - 7]}`, `初中${digitsCn[i - 7]}年级`);
    out[`${cn}年级`] = aliases;
  }
  for (let i = 1; i <= 3; i++) out[`高${digitsCn[i - 1]}`] = [`高${i}`, `高中${digitsCn[i - 1]}年级`, `${i + 9}年级`];
  return out;
}

export const VALUE_SETS = {
  level: {
    id: 'level',
    values: {
      国家级: ['国家', '全国', '全国级'],
      省级: ['省'],
      市级: ['市', '地市级', '地级市'],
      区县级: ['区', '县', '区级', '县级', '区县', '县区级'],
      校级: ['校', '学校', '学校级'],
    },
  },
  award: { id: 'award', values: awards() },
  subject: {
    id: 'subject',
    values: {
      语文: [],
      数学: [],
      英语: [],
      科学: [],
      道德与法治: ['品德', '思品', '道法', '品德与社会', '品德与生活'],
      音乐: [],
      美术: [],
      体育与健康: ['体育'],
      信息科技: ['信息技术', '信息'],
      劳动: [],
      综合实践: ['综合实践活动'],
      心理健康: ['心理'],
      书法: [],
      其他: [],
    },
  },
  grade: { id: 'grade', values: grades() },
  title: {
    id: 'title',
    values: {
      未定级: ['无', '未评'],
      三级教师: ['三级', '中学三级', '小学二级', '小学三级'],
      二级教师: ['二级', '中学二级', '小学一级'],
      一级教师: ['一级', '中学一级', '小学高级'],
      高级教师: ['高级', '中学高级', '副高'],
      正高级教师: ['正高级', '正高', '小学特级'],
    },
  },
  gender: { id: 'gender', values: { 男: ['男性', 'M'], 女: ['女性', 'F'] } },
  yesno: { id: 'yesno', values: { 是: ['Y', 'YES', 'TRUE', '√', '1', '在岗'], 否: ['N', 'NO', 'FALSE', '×', '0', '不在岗'] } },
  backbone: {
    id: 'backbone',
    values: {
      无: [],
      校级骨干: ['校骨干', '校级骨干教师'],
      区县级骨干: ['区级骨干', '县级骨干', '区骨干', '县骨干', '区级骨干教师', '县级骨干教师'],
      市级骨干: ['市骨干', '市级骨干教师'],
      学科带头人: [],
      特级教师: ['特级'],
    },
  },
  projectCategory: { id: 'projectCategory', values: { 规划课题: [], 专项课题: [], 小课题: ['微型课题', '微课题'], 个人课题: [], 校本课题: [] } },
  projectStage: {
    id: 'projectStage',
    values: { 申报: ['已申报'], 立项: ['已立项'], 开题: ['已开题'], 中期: ['中期检查'], 结题: ['已结题'], 延期: [], 撤销: ['已撤销'] },
  },
  courseType: {
    id: 'courseType',
    values: {
      示范课: [],
      研究课: [],
      汇报课: [],
      竞赛课: ['赛课'],
      交流课: [],
      送教课: ['送课', '送教'],
      常态课: [],
      校本课程: ['校本课'],
      外出培训: ['培训'],
    },
  },
  reflectionForm: {
    id: 'reflectionForm',
    values: { 教育教学随笔: ['随笔', '教学随笔', '教育随笔'], 教学案例: ['案例'], 个案: ['个案分析'], 读书心得: ['读书笔记', '心得'], 阅读推荐: [] },
  },
  rating: { id: 'rating', values: { 优秀: ['优'], 合格: ['良', '良好'], 不合格: [], 未评: ['未评价'] } },
  paperType: { id: 'paperType', values: { 论文: [], 教学案例: ['案例'], 教学设计: ['设计'], 教育叙事: ['叙事'], 课例: [], 随笔: [] } },
  paperRoute: { id: 'paperRoute', values: { 评比: ['参评', '比赛'], 投稿: ['发表', '投刊'] } },
  paperStatus: {
    id: 'paperStatus',
    values: { 已提交: ['提交', '已投稿', '已送评'], 已录用: ['录用'], 已发表: ['发表'], 获奖: ['已获奖'], 未获奖: [] },
  },
} satisfies Record<string, ValueSet>;

/** Name of one of the value sets above. */
export type ValueSetId = keyof typeof VALUE_SETS;
