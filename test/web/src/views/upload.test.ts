/** The page refuses what the server would refuse anyway, before sending a byte. */
import { checkFile, MAX_UPLOAD_BYTES } from '../../../../server/web/src/views/upload';

test('only non-empty .xlsx files up to 20 MB may be sent; the reason names the file', () => {
  expect(checkFile({ name: '论文.xlsx', size: 1000 })).toBeNull();
  expect(checkFile({ name: 'A.XLSX', size: MAX_UPLOAD_BYTES })).toBeNull();
  expect(checkFile({ name: '旧表.xls', size: 10 })).toContain('另存为 .xlsx');
  expect(checkFile({ name: '名单.csv', size: 10 })).toContain('“名单.csv”不是 .xlsx 文件');
  expect(checkFile({ name: '空.xlsx', size: 0 })).toContain('空文件');
  expect(checkFile({ name: '大.xlsx', size: MAX_UPLOAD_BYTES + 1 })).toContain('超过 20 MB');
});
