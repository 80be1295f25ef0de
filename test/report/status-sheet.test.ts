/** 上报情况 shows when a school reported in the schools' own clock. */
import { beijingTime, fromBoard } from '../../server/report/status-sheet';

test('submission times show in Beijing time', () => {
  expect(beijingTime('2025-03-31T17:30:00.000Z')).toBe('2025-04-01 01:30');
  expect([beijingTime(null), beijingTime('garbage')]).toEqual([undefined, undefined]);
});

test('是否逾期 says 迟交 for a school that handed in late and 已逾期 for one that never did, as the board does', () => {
  const cell = (status: '未上报' | '已上报', late: boolean) => ({
    status,
    submissionId: status === '已上报' ? 1 : null,
    submittedAt: status === '已上报' ? '2025-03-20T02:00:00.000Z' : null,
    version: status === '已上报' ? 1 : null,
    rows: status === '已上报' ? 3 : null,
    warnings: status === '已上报' ? 0 : null,
    crossWarnings: 0,
    comment: null,
    deadline: '2025-03-15',
    late,
  });
  const board = {
    term: '2025春',
    asOf: '2025-04-01',
    kinds: ['papers' as const],
    registers: [{ code: 'papers', name: '论文投稿' }],
    deadlines: { papers: '2025-03-15' },
    schools: [
      { code: 'A', name: '甲校', type: '小学', kinds: { papers: cell('已上报', true) } },
      { code: 'B', name: '乙校', type: '小学', kinds: { papers: cell('未上报', true) } },
      { code: 'C', name: '丙校', type: '小学', kinds: { papers: cell('已上报', false) } },
    ],
  };
  expect(fromBoard(board as Parameters<typeof fromBoard>[0]).map((r) => [r[0], r[3], r[10]])).toEqual([
    ['A', '已上报', '迟交'],
    ['B', '未上报', '已逾期'],
    ['C', '已上报', undefined],
  ]);
});
