import { convertActive, newTemplateSheet, activeKind } from '../../../addin/flows/structure';
import { convertPlan, templatePlan } from '../../../addin/core/structure-plan';
import { validateWorkbook } from '../../../shared';
import { useHost } from '../../support/excel-host-jest';

describe('结构化: new sheet from a template', () => {
  test('roster template: header with * on required columns, table, dropdowns for every value set, formats, widths, frozen header', async () => {
    const host = useHost((m) => m.addSheet('教师名册'));
    const out = await newTemplateSheet('roster');
    expect(out).toEqual({ sheet: '教师名册 (2)', table: true, lists: 5, skippedLists: [] });
    const s = host.model.sheet('教师名册 (2)')!;
    expect(s.grid()[0]).toEqual(['姓名*', '工号', '性别', '出生年月', '学科*', '职称', '骨干称号', '在岗']);
    expect(s.tables).toEqual([expect.objectContaining({ address: 'A1:H2', style: 'TableStyleMedium2' })]);
    expect(s.validations.map((v) => [v.address, v.source.split(',')[0]])).toEqual([
      ['C2:C501', '男'], ['E2:E501', '语文'], ['F2:F501', '未定级'], ['G2:G501', '无'], ['H2:H501', '是'],
    ]);
    expect(s.frozenRows).toBe(1);
    expect(s.cell(1, 3)!.numberFormat).toBe('yyyy-mm');
    expect(s.cell(500, 1)!.numberFormat).toBe('@');
    expect(s.colWidths.get(0)).toBe(71);
    expect(host.model.active).toBe('教师名册 (2)');
    // a template sheet is itself recognised by the engine
    const r = validateWorkbook([{ sheet: s.name, grid: s.grid() }], { term: '2025春', asOf: '2025-03-01' });
    expect(r.sheets[0].kind).toBe('roster');
  });

  test('every kind has a plan whose lists fit Excel’s 255-character limit', () => {
    for (const k of ['roster', 'projects', 'courses', 'reflections', 'papers'] as const) {
      for (const c of templatePlan(k, 'x').columns) if (c.list) expect(c.list.join(',').length).toBeLessThanOrEqual(255);
    }
  });
});

describe('结构化: convert the active sheet in place', () => {
  const messy = [
    ['五通桥区实验小学2025年春季学期论文统计表'],
    ['序号', '作者', '论文题目', '去向', '评比/刊物', '状态', '提交时间', '级别', '备注'],
    [1, '张伟', '浅谈识字', '评比', '区论文评比', '已提交', '2025-03-10', '区县级', '无'],
    [2, '李娜', '体育常规', '评比', '区论文评比', '已提交', '2025-03-11', '区县级', ''],
    ['填表人：王芳'],
  ];

  test('header recognised below a title row; table, lists and freeze without moving anything', async () => {
    const host = useHost((m) => m.addSheet('论文').setGrid(messy));
    expect(await activeKind()).toEqual({ sheet: '论文', kind: 'papers' });
    const out = await convertActive('papers', false);
    expect(out.table).toBe(true);
    const s = host.model.sheet('论文')!;
    expect(s.grid()).toEqual(messy.map((r) => [...r, ...Array(9 - r.length).fill('')]));
    expect(s.tables[0].address).toBe('A2:I4');
    expect(s.frozenRows).toBe(2);
    expect(s.validations.map((v) => v.address)).toEqual(['D3:D4', 'F3:F4', 'H3:H4']);
  });

  test('on request, columns are reordered and renamed to the template; extra columns kept after them; footer untouched', async () => {
    const host = useHost((m) => m.addSheet('论文').setGrid(messy));
    await convertActive('papers', true);
    const g = host.model.sheet('论文')!.grid();
    expect(g[1]).toEqual(['教师*', '题目*', '类型', '去向*', '评比或刊物*', '级别', '提交日期*', '状态*', '获奖等级', '刊号', '发表期次', '发表日期', '序号', '备注']);
    expect(g[2].slice(0, 8)).toEqual(['张伟', '浅谈识字', '', '评比', '区论文评比', '区县级', '2025-03-10', '已提交']);
    expect(g[2].slice(12)).toEqual([1, '无']);
    expect(g[4][0]).toBe('填表人：王芳');
    expect(host.model.sheet('论文')!.tables[0].address).toBe('A2:N4');
    const r = validateWorkbook([{ sheet: '论文', grid: g }], { term: '2025春', asOf: '2025-03-20', roster: [{ name: '张伟' }, { name: '李娜' }] });
    expect(r.sheets[0].kind).toBe('papers');
    expect(r.errors).toBe(0);
  });

  test('reordering keeps formula-looking text as text: it never becomes a formula in its new column', async () => {
    const grid = [messy[1], [1, '张伟', '=SUM(A1:A2)与低段数学', '评比', '区论文评比', '已提交', '2025-03-10', '区县级', '-无']];
    const host = useHost((m) => m.addSheet('论文').setGrid(grid));
    await convertActive('papers', true);
    const s = host.model.sheet('论文')!;
    // 题目 moved from C to B, 备注 from I to N
    for (const [c, v] of [[1, '=SUM(A1:A2)与低段数学'], [13, '-无']] as const) {
      // written with a leading apostrophe through `formulas`: text whatever the column's format (the stand-in, like
      // Excel's values reference, takes = + - @ for a formula through `values` even in a text-formatted cell)
      expect(s.cell(1, c)!.value).toBe(v);
      expect(s.cell(1, c)!.formula).toBeUndefined();
    }
    expect(s.cell(1, 0)!.numberFormat).toBe('@'); // 教师 is a text column anyway
  });

  test('a sheet of another kind, or with no header, is refused with a Chinese message', () => {
    expect(() => convertPlan('论文', messy, 'roster', false)).toThrow(/看起来是“论文投稿”/);
    expect(() => convertPlan('空', [['随便'], ['写点']], 'roster', false)).toThrow(/没有找到可识别的表头/);
  });

  test('an existing table is not added twice', async () => {
    const host = useHost((m) => m.addSheet('论文').setGrid(messy));
    await convertActive('papers', false);
    const again = await convertActive('papers', false);
    expect(again.table).toBe(false);
    expect(host.model.sheet('论文')!.tables).toHaveLength(1);
  });
});
