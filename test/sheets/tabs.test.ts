/** summaryTab / statusTab: the published rows carry the report's columns, totals, targets and board lines. */
import type { StatusBoard } from '../../shared/contract';
import { computeSummary } from '../../shared/metrics';
import { STATUS_HEADERS } from '../../server/report/status-sheet';
import { BUILTIN_SUMMARY_HEADERS as SUMMARY_HEADERS } from '../fixtures/summary-headers';
import { statusTab, summaryTab } from '../../server/sheets/tabs';

const teacher = (row: number, name: string, birth: string) => ({ row, values: { 姓名: name, 学科: '语文', 出生年月: birth, 在岗: true } });

test('区级汇总: one line per school, 全区合计, 目标, 达标学校数 and the note; ratios formatted on those lines only', () => {
  const summary = computeSummary({
    term: '2025春',
    asOf: '2025-03-20',
    schools: [
      { code: 'WTQ-SY', name: '五通桥区实验小学', type: '小学', records: { roster: [teacher(2, '张伟', '1980-04'), teacher(3, '李娜', '1995-05')] } },
      // 学月反思 but no 教师名册: ratios without a denominator are empty; what was not reported reads 未上报.
      { code: 'WTQ-JS', name: '五通桥区金山小学', type: '小学', records: { reflections: [{ row: 2, values: { 月份: '2025-02', 教师: '张三', 题目: '反思', 形式: '教学案例', 字数: 900, 提交日期: '2025-02-20' } }] } },
    ],
  });
  const tab = summaryTab(summary);
  expect(tab.title).toBe('区级汇总');
  expect(tab.rows[0]).toEqual(SUMMARY_HEADERS);
  const col = (h: string) => SUMMARY_HEADERS.indexOf(h);
  expect(tab.rows.slice(1, 3).map((r) => [r[0], r[col('在岗教师')], r[col('40岁以下教师')]])).toEqual([
    ['WTQ-SY', 2, 1],
    ['WTQ-JS', '未上报', '未上报'], // no roster reported: 未上报, not 0
  ]);
  expect(tab.rows[3].slice(0, 4)).toEqual([null, '全区合计', '2所', 2]);
  expect(tab.rows[4][1]).toBe('目标');
  expect(tab.rows[4][col('县二等奖及以上或发表人均')]).toBe('≥ 1');
  expect(tab.rows[4][col('40岁以下论文参与率')]).toBe('= 100%');
  expect(tab.rows[5][1]).toBe('达标学校数');
  expect(tab.rows[6]).toEqual([]);
  expect(String(tab.rows[7][0])).toContain('学期：2025春；统计截至：2025-03-20');
  expect(tab.rows.slice(1, 6).every((r) => r.length === SUMMARY_HEADERS.length)).toBe(true);
  // A school with no roster has no denominators: its ratios are empty, not 0; its unreported registers say so.
  expect(tab.rows[2][col('反思完成率')]).toBeNull();
  expect(tab.rows[2][col('论文篇数')]).toBe('未上报');
  expect(tab.formats?.[col('反思完成率')]).toBe('0.0%');
  expect(tab.formats?.[col('在岗教师')]).toBeUndefined();
  expect(tab.formats).toHaveLength(SUMMARY_HEADERS.length);
  expect(tab.formatRows).toBe(4); // two schools, the total and the target
});

test('上报情况: a line per school × kind with state, time, version, rows, warnings, deadline, late and comment', () => {
  const cell = { status: '未上报' as const, submissionId: null, submittedAt: null, version: null, rows: null, warnings: null, crossWarnings: 0, comment: null, deadline: null, late: false };
  const board: StatusBoard = {
    term: '2025春',
    asOf: '2025-03-20',
    kinds: ['roster', 'papers'],
    registers: [{ code: 'roster', name: '教师名册' }, { code: 'papers', name: '论文投稿' }],
    deadlines: { papers: '2025-03-15' },
    schools: [
      {
        code: 'WTQ-SY',
        name: '五通桥区实验小学',
        type: '小学',
        kinds: {
          roster: { ...cell, status: '已退回', submissionId: 7, submittedAt: '2025-03-10T06:30:00.000Z', version: 2, rows: 36, warnings: 1, crossWarnings: 2, comment: '请补全工号' },
          papers: { ...cell, deadline: '2025-03-15', late: true },
        },
      },
    ],
  };
  const tab = statusTab(board);
  expect(tab.rows).toEqual([
    STATUS_HEADERS,
    // Times in Beijing time, as the .xlsx report shows them (06:30 UTC).
    ['WTQ-SY', '五通桥区实验小学', '教师名册', '已退回', '2025-03-10 14:30', 2, 36, 1, 2, null, null, '请补全工号'],
    ['WTQ-SY', '五通桥区实验小学', '论文投稿', '未上报', null, null, null, null, null, '2025-03-15', '已逾期', null],
  ]);
});
