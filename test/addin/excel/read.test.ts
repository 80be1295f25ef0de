import { readWorkbook } from '../../../addin/excel/read';
import { PAYLOAD_LIMIT } from '../../support/excel-host-core';
import { useHost } from '../../support/excel-host-jest';

describe('readWorkbook', () => {
  test('reads each visible sheet from A1 even when data starts lower; empty cells become null', async () => {
    const host = useHost((m) => {
      m.addSheet('名册').setGrid([['姓名', '学科'], ['张伟', '语文']], 2, 1); // B3:C4
      m.addSheet('空表');
      const hidden = m.addSheet('隐藏');
      hidden.setGrid([['x']]);
      hidden.visibility = 'Hidden';
    });
    const read = await readWorkbook();
    expect(read.active).toBe('名册');
    expect(read.sheets.map((s) => s.sheet)).toEqual(['名册', '空表']);
    expect(read.all.map((s) => s.name)).toEqual(['名册', '空表', '隐藏']);
    expect(new Set(read.all.map((s) => s.id)).size).toBe(3);
    expect(read.sheets[0].grid).toEqual([
      [null, null, null],
      [null, null, null],
      [null, '姓名', '学科'],
      [null, '张伟', '语文'],
    ]);
    expect(read.sheets[1].grid).toEqual([]);
    expect(host.stats.log.filter((l) => l.startsWith('read'))).toEqual(['read 名册!A1:C4']);
    expect(host.stats.syncs).toBe(3); // names, used ranges, one block
  });

  test('a 20,000 × 12 sheet is read in two blocks of at most 20,000 rows, each sync under 5 MB', async () => {
    const host = useHost((m) => {
      const s = m.addSheet('论文');
      const grid = Array.from({ length: 20000 }, (_, r) => Array.from({ length: 12 }, (_, c) => (c === 0 ? r + 1 : `教师${r % 97}题目${c}`)));
      s.setGrid(grid);
    });
    const read = await readWorkbook();
    expect(read.sheets[0].grid).toHaveLength(20000);
    expect(read.sheets[0].grid[19999][0]).toBe(20000);
    expect(host.stats.log.filter((l) => l.startsWith('read'))).toEqual(['read 论文!A1:L16666', 'read 论文!A16667:L20000']);
    expect(host.stats.syncs).toBe(4);
    expect(Math.max(...host.stats.payloads)).toBeLessThan(PAYLOAD_LIMIT);
    expect(host.stats.refused).toBe(0);
  });

  test('long text cells shrink later blocks so no request passes 5 MB', async () => {
    const host = useHost((m) => {
      const s = m.addSheet('反思');
      const body = '这是一篇很长的反思正文。'.repeat(40); // ~480 characters per cell
      s.setGrid(Array.from({ length: 12000 }, (_, r) => [r + 1, body, body, body]));
    });
    const read = await readWorkbook();
    expect(read.sheets[0].grid).toHaveLength(12000);
    expect(read.sheets[0].grid[11999][0]).toBe(12000);
    // the first 12,000-row block is refused, as Excel on the web would; the reader retries smaller and adapts
    expect(host.stats.refused).toBeGreaterThanOrEqual(1);
    expect(host.stats.refused).toBeLessThanOrEqual(2);
    expect(Math.max(...host.stats.payloads)).toBeLessThan(PAYLOAD_LIMIT);
    expect(host.stats.leakedTracked).toBe(0);
  });
});
