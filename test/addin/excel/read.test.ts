import { mergedAreasOf, readWorkbook } from '../../../addin/excel/read';
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

  test('merged cells: every cell of a merge gets its value, in the same round trip as the used ranges (ExcelApi 1.13)', async () => {
    const setup = (m: Parameters<Parameters<typeof useHost>[0]>[0]) => {
      const s = m.addSheet('论文');
      s.setGrid([
        ['教师', '题目', '评比或刊物'],
        ['张伟', '整本书阅读的三个抓手', '区论文评比'],
        ['', '古诗教学的情境创设', ''],
        ['', '习作讲评课的设计', '四川教育'],
      ]);
      s.merges.push({ r0: 1, c0: 0, r1: 3, c1: 0 }, { r0: 1, c0: 2, r1: 2, c1: 2 }); // A2:A4, C2:C3
    };
    const host = useHost(setup);
    const read = await readWorkbook();
    expect(read.sheets[0].grid.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ['张伟', '区论文评比'],
      ['张伟', '区论文评比'],
      ['张伟', '四川教育'],
    ]);
    expect(host.stats.syncs).toBe(3); // names, used ranges with their merged areas, one block
    // An Excel without ExcelApi 1.13 reads what it can: the value in the top-left cell only.
    useHost(setup, { excelApi: '1.12' });
    const older = await readWorkbook();
    expect(older.sheets[0].grid.slice(1).map((r) => r[0])).toEqual(['张伟', null, null]);
  });

  test('merged area addresses are parsed whatever the sheet name holds', () => {
    expect(mergedAreasOf("'论文,2025'!A2:A4, 'It''s'!$C$2:$C$3,Sheet1!D5")).toEqual([
      { r0: 1, c0: 0, r1: 3, c1: 0 },
      { r0: 1, c0: 2, r1: 2, c1: 2 },
      { r0: 4, c0: 3, r1: 4, c1: 3 },
    ]);
  });
});
