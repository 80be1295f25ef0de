/** Count tables: columns in first-seen order, totals per row, per column and overall. */
import { tableColumns, tableTotals } from '../../../../server/web/src/views/cross-tables';

const t = { 国家级: { 一等奖: 1, 二等奖: 0 }, 省级: { 一等奖: 2, 二等奖: 3 }, 自定: { 二等奖: 1, 特等奖: 4 } };

test('columns keep the server order and add values seen only in later rows', () => {
  expect(tableColumns(t)).toEqual(['一等奖', '二等奖', '特等奖']);
});

test('totals add up by row, by column and overall', () => {
  expect(tableTotals(t)).toEqual({ rows: { 国家级: 1, 省级: 5, 自定: 5 }, cols: { 一等奖: 3, 二等奖: 4, 特等奖: 4 }, all: 11 });
  expect(tableTotals({})).toEqual({ rows: {}, cols: {}, all: 0 });
});
