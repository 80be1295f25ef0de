import { selectCell, sheetNames, writeCells } from '../../../addin/excel/cells';
import { useHost } from '../../support/excel-host-jest';

describe('writeCells', () => {
  test('writes each change in one sync with calculation suspended', async () => {
    const host = useHost((m) => m.addSheet('名册').setGrid([['姓名', '学科'], ['张伟', '体育']]));
    const n = await writeCells('名册', [{ row: 2, col: 'B', value: '体育与健康' }, { row: 2, col: 'A', value: '张 伟'.replace(' ', '') }]);
    expect(n).toBe(2);
    expect(host.model.sheet('名册')!.grid()).toEqual([['姓名', '学科'], ['张伟', '体育与健康']]);
    expect(host.stats.syncs).toBe(1);
    expect(host.stats.log[0]).toBe('suspendcalc');
  });

  test('text beginning with = + - @ (or an apostrophe) is written as text, never as a formula', async () => {
    const host = useHost((m) => m.addSheet('论文').setGrid([['题目']]));
    const texts = ['=HYPERLINK("http://evil","点我")', '+86 123', '-无', '@张伟', "'引号开头", '普通文字'];
    await writeCells('论文', texts.map((value, i) => ({ row: i + 2, col: 'A', value })));
    const s = host.model.sheet('论文')!;
    texts.forEach((t, i) => {
      expect(s.cell(i + 1, 0)!.formula).toBeUndefined();
      expect(s.cell(i + 1, 0)!.value).toBe(t);
    });
    expect(host.stats.syncs).toBe(1);
  });

  test('the stand-in is faithful here: through values, = + - @ text is a formula, even in a text-formatted cell', async () => {
    const host = useHost((m) => m.addSheet('S'));
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1:A4').numberFormat = [['@'], ['@'], ['@'], ['@']];
      ws.getRange('A1:A4').values = [['=1+1'], ['+86 123'], ['-无'], ['-5']];
      await ctx.sync();
    });
    const s = host.model.sheet('S')!;
    expect([0, 1, 2].map((r) => s.cell(r, 0)!.formula)).toEqual(['=1+1', '=+86 123', '=-无']);
    expect(s.cell(3, 0)!.value).toBe('-5'); // a plain number is no formula
  });

  test('thousands of single-cell fixes are synced in parts, each request under 5 MB', async () => {
    const host = useHost((m) => m.addSheet('名册').setGrid([['姓名']]));
    const changes = Array.from({ length: 12000 }, (_, i) => ({ row: i + 2, col: 'A', value: `教师${i}` }));
    expect(await writeCells('名册', changes)).toBe(12000);
    expect(host.stats.refused).toBe(0);
    expect(host.stats.syncs).toBeGreaterThan(1);
    expect(Math.max(...host.stats.requests)).toBeLessThan(5 * 1024 * 1024);
    expect(host.model.sheet('名册')!.value(12000, 0)).toBe('教师11999');
  });
});

describe('selectCell and sheetNames', () => {
  test('activates the sheet and selects the cell', async () => {
    const host = useHost((m) => { m.addSheet('名册'); m.addSheet('论文'); });
    await selectCell('论文', 'C7');
    expect(host.model.selection).toEqual({ sheet: '论文', address: 'C7' });
    expect(host.model.active).toBe('论文');
    expect(await sheetNames()).toEqual({ names: ['名册', '论文'], active: '论文' });
  });

  test('a sheet that no longer exists fails with ItemNotFound (the pane turns it into a Chinese message)', async () => {
    useHost((m) => m.addSheet('名册'));
    await expect(selectCell('已删除', 'A1')).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});
