/** The 条件 of an indicator: parsing (with Chinese problems) and evaluation on normalised records. */
import { conditionFields, meetsCondition, parseCondition } from '../../../shared/registers/condition';

const days = { asOf: '2025-04-15', termStart: '2025-02-01', termEnd: '2025-07-31' };
const holds = (text: string, values: Record<string, string | number | boolean | string[] | null>) => {
  const { condition, problems } = parseCondition(text);
  expect(problems).toEqual([]);
  return meetsCondition(condition!, values, days);
};

describe('条件', () => {
  test('= and ∈ take any of the listed values; ≠ and ∉ none (a blank is none)', () => {
    expect(holds('状态 = 已发表', { 状态: '已发表' })).toBe(true);
    expect(holds('状态 = 已发表、获奖', { 状态: '获奖' })).toBe(true);
    expect(holds('状态 ∈ 已发表', { 状态: '获奖' })).toBe(false);
    expect(holds('在岗 ≠ 否', { 在岗: '是' })).toBe(true);
    expect(holds('在岗 ≠ 否', { 在岗: null })).toBe(true);
    expect(holds('在岗 ≠ 否', { 在岗: false })).toBe(false);
    expect(holds('阶段 ∉ 结题、撤销', { 阶段: '撤销' })).toBe(false);
    expect(holds('教师 = 李娜', { 教师: ['张伟', '李娜'] })).toBe(true);
  });

  test('且 binds tighter than 或', () => {
    const c = '状态 = 已发表 或 状态 = 获奖 且 级别 ∈ 市级、区县级 且 获奖等级 = 一等奖、二等奖';
    expect(holds(c, { 状态: '已发表', 级别: null, 获奖等级: null })).toBe(true);
    expect(holds(c, { 状态: '获奖', 级别: '区县级', 获奖等级: '二等奖' })).toBe(true);
    expect(holds(c, { 状态: '获奖', 级别: '校级', 获奖等级: '一等奖' })).toBe(false);
    expect(holds(c, { 状态: '获奖', 级别: '市级', 获奖等级: '三等奖' })).toBe(false);
    expect(conditionFields(parseCondition(c).condition!)).toEqual(['状态', '级别', '获奖等级']);
  });

  test('numbers, dates, the named days and ages at the term start', () => {
    expect(holds('节数 ≥ 10', { 节数: 10 })).toBe(true);
    expect(holds('节数 > 10', { 节数: 10 })).toBe(false);
    expect(holds('节数 >= 2', { 节数: '3' })).toBe(true);
    expect(holds('节数 < 2', { 节数: null })).toBe(false);
    expect(holds('计划结题日期 < 统计日', { 计划结题日期: '2025-04-14' })).toBe(true);
    expect(holds('计划结题日期 < 统计日', { 计划结题日期: '2025-04-15' })).toBe(false);
    expect(holds('立项日期 ≥ 学期初 且 立项日期 ≤ 学期末', { 立项日期: '2025-02-01' })).toBe(true);
    expect(holds('立项日期 ≥ 学期初', { 立项日期: '2025-01-31' })).toBe(false);
    expect(holds('立项日期 ≤ 2025-03-01', { 立项日期: '2025-03-01' })).toBe(true);
    // Born 1985-02 is 40 on 2025-02-01 (the month counts as passed); born 1985-01 is 40 too, 1984-01 is 41.
    expect(holds('出生年月 ≤ 40岁', { 出生年月: '1985-02' })).toBe(true);
    expect(holds('出生年月 ≤ 40周岁', { 出生年月: '1984-01' })).toBe(false);
    expect(holds('出生年月 < 30岁', { 出生年月: '1996-03' })).toBe(true);
    expect(holds('出生年月 ≤ 40岁', { 出生年月: null })).toBe(false);
  });

  test('为空 and 不为空', () => {
    expect(holds('发表期次 为空', { 发表期次: '' })).toBe(true);
    expect(holds('发表期次 不为空', { 发表期次: '2025年第3期' })).toBe(true);
    expect(holds('发表期次 不为空', { 发表期次: null })).toBe(false);
  });

  test('what cannot be read is said in Chinese, part by part', () => {
    expect(parseCondition('状态 已发表').problems).toEqual(['“状态 已发表”没有比较符号（可用 =、≠、∈、∉、≥、>、≤、<、为空、不为空）']);
    expect(parseCondition('= 已发表').problems).toEqual(['“= 已发表”缺少字段名（应写成如“状态 = 已发表”）']);
    expect(parseCondition('状态 = ').problems).toEqual(['“状态 =”缺少取值']);
    expect(parseCondition('节数 ≥ 十').problems).toEqual(['“节数 ≥ 十”：“十”不是数字、日期（如 2025-09-01、统计日、学期初、学期末）或年龄（如 40岁）']);
    expect(parseCondition('状态 = 获奖 且 ').problems).toEqual(['条件中有空的部分（“且”或“或”的两边都要写条件）']);
    expect(parseCondition('发表期次 为空 1').problems).toEqual(['“发表期次 为空 1”：“为空”之后不应再写取值']);
    expect(parseCondition('状态 = 获奖 且 节数 ≥ 十').condition).toBeNull();
  });
});
