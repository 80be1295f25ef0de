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

  test('a 20,000 × 12 sheet: a 200-row probe, then blocks of at most 20,000 rows sized by what the probe weighed', async () => {
    const host = useHost((m) => {
      const s = m.addSheet('论文');
      const grid = Array.from({ length: 20000 }, (_, r) => Array.from({ length: 12 }, (_, c) => (c === 0 ? r + 1 : `教师${r % 97}题目${c}`)));
      s.setGrid(grid);
    });
    const read = await readWorkbook();
    expect(read.sheets[0].grid).toHaveLength(20000);
    expect(read.sheets[0].grid[19999][0]).toBe(20000);
    const reads = host.stats.log.filter((l) => l.startsWith('read')).map((l) => /A(\d+):L(\d+)$/.exec(l)!.slice(1).map(Number));
    expect(reads[0]).toEqual([1, 200]);
    // every row read exactly once, in order, no block over 20,000 rows
    reads.forEach(([from], i) => expect(from).toBe(i === 0 ? 1 : reads[i - 1][1] + 1));
    expect(reads[reads.length - 1][1]).toBe(20000);
    for (const [from, to] of reads) expect(to - from + 1).toBeLessThanOrEqual(20000);
    expect(reads.length).toBeLessThanOrEqual(4);
    expect(host.stats.syncs).toBe(2 + reads.length); // names, used ranges, one per block
    expect(Math.max(...host.stats.payloads)).toBeLessThan(PAYLOAD_LIMIT);
    expect(host.stats.refused).toBe(0);
  });

  test('long Chinese text cells: the probe measures them, so no request or answer passes 5 MB', async () => {
    const host = useHost((m) => {
      const s = m.addSheet('反思');
      const body = '这是一篇很长的反思正文。'.repeat(40); // ~480 characters, ~1.4 KB per cell
      s.setGrid(Array.from({ length: 12000 }, (_, r) => [r + 1, body, body, body]));
    });
    const read = await readWorkbook();
    expect(read.sheets[0].grid).toHaveLength(12000);
    expect(read.sheets[0].grid[11999][0]).toBe(12000);
    expect(read.sheets[0].grid[11999][1]).toBe('这是一篇很长的反思正文。'.repeat(40));
    // read at 20 bytes a cell (the old first guess) the first block would be 12,000 rows and ~50 MB
    expect(host.stats.refused).toBe(0);
    expect(Math.max(...host.stats.responses)).toBeLessThan(PAYLOAD_LIMIT);
    expect(host.stats.leakedTracked).toBe(0);
  });

  test('an answer over 5 MB (ResponsePayloadSizeLimitExceeded, Excel on the web) is read again in smaller blocks', async () => {
    // short cells in the probe rows, long ones after: the block planned from the probe is far too big to answer
    const long = '研'.repeat(3000);
    const host = useHost((m) => {
      const s = m.addSheet('反思');
      s.setGrid(Array.from({ length: 6000 }, (_, r) => [r + 1, r < 200 ? '短' : long, r < 200 ? '短' : long]));
    });
    const read = await readWorkbook();
    expect(read.sheets[0].grid).toHaveLength(6000);
    expect(read.sheets[0].grid[5999]).toEqual([6000, long, long]);
    expect(read.sheets[0].grid[100]).toEqual([101, '短', '短']);
    expect(host.stats.refused).toBeGreaterThanOrEqual(1); // the answer, not the request, was too large
    expect(Math.max(...host.stats.requests)).toBeLessThan(PAYLOAD_LIMIT);
    expect(Math.max(...host.stats.payloads)).toBeLessThan(PAYLOAD_LIMIT);
  });

  test('Excel on Windows has no 5 MB limit: the same sheet reads without a refusal', async () => {
    const long = '研'.repeat(3000);
    const host = useHost((m) => m.addSheet('反思').setGrid(Array.from({ length: 6000 }, (_, r) => [r + 1, r < 200 ? '短' : long])), { platform: 'PC' });
    const read = await readWorkbook();
    expect(read.sheets[0].grid[5999]).toEqual([6000, long]);
    expect(host.stats.refused).toBe(0);
  });

  test('more than 512 merged areas (getMergedAreasOrNullObject fails) still reads, every merge filled', async () => {
    const host = useHost((m) => {
      const s = m.addSheet('论文');
      const grid: (string | null)[][] = [['教师', '题目']];
      for (let i = 0; i < 600; i++) grid.push([`教师${i}`, `题目${i}甲`], [null, `题目${i}乙`]);
      s.setGrid(grid);
      for (let i = 0; i < 600; i++) s.merges.push({ r0: 1 + 2 * i, c0: 0, r1: 2 + 2 * i, c1: 0 }); // A2:A3, A4:A5, …
    });
    const read = await readWorkbook();
    const grid = read.sheets[0].grid;
    expect(grid).toHaveLength(1201);
    for (let i = 0; i < 600; i++) {
      expect(grid[1 + 2 * i][0]).toBe(`教师${i}`);
      expect(grid[2 + 2 * i][0]).toBe(`教师${i}`);
    }
    expect(host.stats.syncs).toBeLessThan(12);
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
