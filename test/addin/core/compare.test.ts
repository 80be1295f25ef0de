import { compareSchool } from '../../../addin/core/compare';

const summary = [
  ['学校代码', '学校', '类型', '在岗教师', '反思完成率', '论文人均篇数', '公开课人均'],
  ['WTQ-SY', '五通桥区实验小学', '小学', 40, 0.95, 1.2, null],
  ['WTQ-A', '甲小学', '小学', 20, 0.7, 0.5, 0.4],
  [null, '全区合计', '2所', 60, 0.8667, 0.9667, 0.2],
];

describe('compareSchool', () => {
  test('the school row against the district total for the ratio columns, by code or name', () => {
    expect(compareSchool(summary, 'WTQ-SY')).toEqual({
      name: '五通桥区实验小学',
      rows: [
        { label: '反思完成率', school: 0.95, district: 0.8667 },
        { label: '论文人均篇数', school: 1.2, district: 0.9667 },
      ],
    });
    expect(compareSchool(summary, '甲小学')?.rows).toHaveLength(3);
  });

  test('no line for the school → null', () => {
    expect(compareSchool(summary, 'WTQ-XX')).toBeNull();
    expect(compareSchool([['x']], 'WTQ-SY')).toBeNull();
  });
});
