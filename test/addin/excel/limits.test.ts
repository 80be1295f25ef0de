/** The add-in against the documented limits of real Excel hosts kept in addin/core/limits.ts, enforced by the stand-in. */
import { applyStructure } from '../../../addin/excel/structure';
import { HOST_LIMITS } from '../../../addin/core/limits';
import { useHost } from '../../support/excel-host-jest';

describe('data-validation lists (255 characters)', () => {
  test('a district value set too long for a dropdown is skipped and named, the rest of 结构化 goes through', async () => {
    const host = useHost((m) => m.addSheet('名册'));
    const long = Array.from({ length: 60 }, (_, i) => `学科${i}`); // 60 × 4–5 characters + commas > 255
    expect(long.join(',').length).toBeGreaterThan(HOST_LIMITS.validationListChars);
    const out = await applyStructure({
      sheet: '名册', create: false, headerRow: 1, lastRow: 2, lastCol: 1, formatToRow: 20,
      columns: [
        { index: 0, numberFormat: '@', width: 60, list: ['男', '女'] },
        { index: 1, numberFormat: '@', width: 60, list: long },
      ],
    } as Parameters<typeof applyStructure>[0]);
    expect(out).toMatchObject({ lists: 1, skippedLists: ['B'] });
    expect(host.model.sheet('名册')!.validations.map((v) => v.source)).toEqual(['男,女']);
  });

  test('the stand-in refuses a list over 255 characters, as Excel does', async () => {
    useHost((m) => m.addSheet('名册'));
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('名册').getRange('A2:A9').dataValidation.rule = { list: { inCellDropDown: true, source: 'x,'.repeat(128) + 'y' } };
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });
});
