/** The Excel stand-in keeps Office.js's contract, so an adapter bug that real Excel would reject fails here too:
 *  load before read, values only after sync, null objects, errors at sync, requirement sets, the 5 MB limit. */
import { PAYLOAD_LIMIT } from '../../support/excel-host-core';
import { useHost } from '../../support/excel-host-jest';
import type { WorkbookModel } from '../../support/excel-host-model';

const roster = (m: WorkbookModel) => m.addSheet('名册').setGrid([['姓名'], ['张伟']]);

describe('Excel stand-in contract', () => {
  test('a property is readable only after load() and context.sync()', async () => {
    useHost(roster);
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('名册').getRange('A1:A2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' })); // queued, not yet synced
      await context.sync();
      expect(range.values).toEqual([['姓名'], ['张伟']]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' })); // not asked for
    });
  });

  test('collections: items need a load; an item’s unloaded property throws', async () => {
    useHost(roster);
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      sheets.load('items/name');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['名册']);
      expect(() => sheets.items[0].visibility).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('isNullObject is known only after sync; a missing item fails at sync, not at the call', async () => {
    useHost(roster);
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('没有');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      const gone = context.workbook.worksheets.getItem('没有'); // no error yet
      gone.load('name');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  test('a ClientResult is readable only after sync', async () => {
    useHost(roster);
    await Excel.run(async (context) => {
      const props = context.workbook.worksheets.getItem('名册').getRange('A1').getCellProperties({ format: { fill: { color: true } } });
      expect(() => props.value).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(props.value[0][0].format?.fill?.color).toBe('#FFFFFF');
    });
  });

  test('an API above the host’s requirement set fails at sync with ApiNotFound', async () => {
    useHost(roster, { excelApi: '1.12' });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('名册').notes.add('A1', '备注');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
  });

  test('an answer over 5 MB is refused with ResponsePayloadSizeLimitExceeded (Excel on the web)', async () => {
    const host = useHost((m) => m.addSheet('大表').setGrid(Array.from({ length: 3000 }, () => ['这是一段很长的文字。'.repeat(60)])));
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('大表').getRange('A1:A3000').load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    });
    expect(host.stats.refused).toBe(1);
    expect(3000 * 60 * 10 * 3).toBeGreaterThan(PAYLOAD_LIMIT); // the sheet really is over the limit
  });

  test('a request over 5 MB is refused with RequestPayloadSizeLimitExceeded and none of it is applied', async () => {
    const host = useHost((m) => m.addSheet('大表'));
    const big = Array.from({ length: 3000 }, () => ['这是一段很长的文字。'.repeat(60)]);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('大表');
      ws.getRange('C1').values = [['先写的小单元格']];
      ws.getRange('A1:A3000').values = big;
      await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    expect(host.model.sheet('大表')!.grid()).toEqual([]); // not even the small write queued before it
    expect(host.stats.refused).toBe(1);
  });

  test('each queued action costs request bytes: 10,000 single-cell writes in one sync pass 5 MB', async () => {
    const host = useHost((m) => m.addSheet('表'));
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('表');
      for (let r = 1; r <= 10000; r++) ws.getRange(`A${r}`).values = [[r]];
      await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
      for (let r = 1; r <= 2000; r++) ws.getRange(`A${r}`).values = [[r]];
      await context.sync();
    });
    expect(host.model.sheet('表')!.value(1999, 0)).toBe(2000);
  });

  test('Excel on Windows, Mac and iPad have no payload limit', async () => {
    const host = useHost((m) => m.addSheet('大表').setGrid(Array.from({ length: 3000 }, () => ['这是一段很长的文字。'.repeat(60)])), { platform: 'PC' });
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('大表').getRange('A1:A3000').load('values');
      await context.sync();
      expect(r.values).toHaveLength(3000);
    });
    expect(host.stats.refused).toBe(0);
  });

  test('getMergedAreasOrNullObject fails over 512 merged areas; a part of the range under the limit answers', async () => {
    useHost((m) => {
      const s = m.addSheet('表');
      s.setGrid([['x']]);
      for (let i = 0; i < 513; i++) s.merges.push({ r0: 2 * i, c0: 1, r1: 2 * i + 1, c1: 1 });
    });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('表');
      ws.getRange('A1:B1026').getMergedAreasOrNullObject().load('address');
      await expect(context.sync()).rejects.toMatchObject({ code: 'GeneralException' });
      const part = ws.getRange('A1:B1024').getMergedAreasOrNullObject().load('areaCount');
      await context.sync();
      expect(part.areaCount).toBe(512);
    });
  });
});
