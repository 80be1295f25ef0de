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

  test('text beginning with = + - @ is written as text (format @), never as a formula', async () => {
    const host = useHost((m) => m.addSheet('论文').setGrid([['题目']]));
    await writeCells('论文', [
      { row: 2, col: 'A', value: '=HYPERLINK("http://evil","点我")' },
      { row: 3, col: 'A', value: '+86 123' },
      { row: 4, col: 'A', value: '普通文字' },
    ]);
    const s = host.model.sheet('论文')!;
    expect(s.cell(1, 0)!.formula).toBeUndefined();
    expect(s.cell(1, 0)!.value).toBe('=HYPERLINK("http://evil","点我")');
    expect(s.cell(1, 0)!.numberFormat).toBe('@');
    expect(s.cell(2, 0)!.numberFormat).toBe('@');
    expect(s.cell(3, 0)!.numberFormat).toBe('General');
  });

  test('the stand-in is faithful here: without the text format Excel would store a formula', async () => {
    const host = useHost((m) => m.addSheet('S'));
    await Excel.run(async (ctx) => { ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['=1+1']]; await ctx.sync(); });
    expect(host.model.sheet('S')!.cell(0, 0)!.formula).toBe('=1+1');
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
