/** Which school a loose file belongs to, and how files resolve to schools. */
import { schoolNameIn, schoolOf, typeFromName } from '../../../server/report/consolidate/school-of';
import { resolveSchools } from '../../../server/report/consolidate/identity';

test('school names in title rows and file names', () => {
  expect(schoolNameIn('五通桥区实验小学2025年春季学期论文统计表')).toBe('五通桥区实验小学');
  expect(schoolNameIn('五通桥区实验小学 2025年春季学期')).toBe('五通桥区实验小学');
  expect(schoolNameIn('牛华镇中心小学（2025春）')).toBe('牛华镇中心小学');
  expect(schoolNameIn('西坝九年制学校二〇二五年教师名册')).toBe('西坝九年制学校');
  expect(schoolNameIn('五通桥区实验小学')).toBe('五通桥区实验小学');
  expect(schoolNameIn('乐山市五通桥区教育科学研究室')).toBeUndefined();
  expect(schoolNameIn('论文统计表')).toBeUndefined();
});

test('code from the file name, name from the file name or a title row', () => {
  expect(schoolOf('/in/WTQ-SY_论文.xlsx', [])).toEqual({ code: 'WTQ-SY', name: undefined });
  expect(schoolOf('/in/wtq-em 反思.xlsx', [])).toEqual({ code: 'WTQ-EM', name: undefined });
  expect(schoolOf('/in/五通桥区实验小学_论文.xlsx', [])).toEqual({ name: '五通桥区实验小学' });
  expect(schoolOf('/in/WTQ-SY_论文.xlsx', [[['五通桥区实验小学2025年春季学期论文统计表'], ['教师', '题目']]])).toEqual({ code: 'WTQ-SY', name: '五通桥区实验小学' });
  // Plain words are not codes.
  expect(schoolOf('/in/notes.xlsx', [])).toEqual({ name: undefined });
  expect(schoolOf('/in/report_2025.xlsx', [])).toEqual({ name: undefined });
});

test('a name-only file joins the code another file gave that name; unknown files keep their file name', () => {
  const files = ['/a/WTQ-SY_名册.xlsx', '/a/论文.xlsx', '/a/杂项.xlsx'];
  const { byFile, schools } = resolveSchools(files, [{ code: 'WTQ-SY', name: '五通桥区实验小学' }, { name: '五通桥区实验小学' }, {}]);
  expect(byFile).toEqual(['WTQ-SY', 'WTQ-SY', '杂项']);
  expect(schools.get('WTQ-SY')).toEqual({ code: 'WTQ-SY', name: '五通桥区实验小学', type: '小学' });
});

test('school type from the name', () => {
  expect(['西坝九年制学校', '五通桥中学', '牛华镇小学', '某某学校'].map(typeFromName)).toEqual(['九年制', '初中', '小学', '']);
});
