import { fixAll, validateAndMark } from '../../../addin/flows/validate';
import { MARK_COLORS } from '../../../addin/core/marks';
import { PAYLOAD_LIMIT } from '../../support/excel-host-core';
import { useHost } from '../../support/excel-host-jest';

const SUR = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const GIV = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红';
const nameOf = (i: number) => SUR[i % SUR.length] + GIV[Math.floor(i / SUR.length) % GIV.length] + GIV[Math.floor(i / (SUR.length * GIV.length)) % GIV.length];

/** A 12-column roster of `rows` teachers; every 10th teacher's 学科 is the alias 体育 (a fixable warning). */
function roster(rows: number): (string | number)[][] {
  const grid: (string | number)[][] = [['序号', '姓名', '工号', '性别', '出生年月', '学科', '职称', '骨干称号', '在岗', '备注', '说明', '编号序号']];
  for (let i = 0; i < rows; i++) {
    grid.push([i + 1, nameOf(i), `T${String(i).padStart(5, '0')}`, i % 2 ? '男' : '女', '1985-03', i % 10 === 0 ? '体育' : '语文', '一级教师', '无', '是', '', '', '']);
  }
  return grid;
}

const opts = { term: '2025春', asOf: '2025-03-01' };

describe('validate-and-mark', () => {
  test('20,000 rows × 12 columns with 2,000 findings: at most 10 context.sync() calls, each under 5 MB', async () => {
    const host = useHost((m) => m.addSheet('教师名册').setGrid(roster(20000)));
    const run = await validateAndMark(opts);
    const findings = run.result.sheets.flatMap((s) => s.findings);
    expect(findings).toHaveLength(2000);
    expect(run.marks.cells).toBe(2000);
    expect(run.marks.notes).toBe(2000);
    expect(host.stats.syncs).toBeLessThanOrEqual(10);
    expect(Math.max(...host.stats.payloads)).toBeLessThan(PAYLOAD_LIMIT);
    expect(host.stats.refused).toBe(0);
    expect(host.stats.leakedTracked).toBe(0);
    const sheet = host.model.sheet('教师名册')!;
    expect(sheet.fillAt('F2')).toBe(MARK_COLORS.warning);
    expect(sheet.fillAt('F12')).toBe(MARK_COLORS.warning);
    expect(sheet.fillAt('F3')).toBeNull();
    expect(sheet.notes.size).toBe(2000);
    // fills go out as a handful of RangeAreas writes, not one per finding
    expect(host.stats.log.filter((l) => l.startsWith('fill')).length).toBeLessThanOrEqual(10);
  });

  test('修正 writes every safe fix, then validates again: values fixed, marks gone', async () => {
    const host = useHost((m) => m.addSheet('教师名册').setGrid(roster(30)));
    const first = await validateAndMark(opts);
    expect(first.result.warnings).toBe(3);
    const { applied, run } = await fixAll(opts);
    expect(applied).toBe(3);
    const sheet = host.model.sheet('教师名册')!;
    expect(sheet.value(1, 5)).toBe('体育与健康');
    expect(sheet.value(11, 5)).toBe('体育与健康');
    expect(sheet.value(2, 5)).toBe('语文');
    expect(run.result.warnings).toBe(0);
    expect(sheet.fillAt('F2')).toBeNull();
    expect(sheet.notes.size).toBe(0);
  });

  test('the ribbon command marks only the active sheet but validates against the whole workbook', async () => {
    const host = useHost((m) => {
      m.addSheet('教师名册').setGrid(roster(12));
      m.addSheet('论文').setGrid([
        ['教师', '题目', '去向', '评比或刊物', '级别', '提交日期', '状态'],
        [nameOf(1), '浅谈阅读', '评比', '区论文评比', '区县级', '2025-03-10', '已提交'],
        ['不存在的人', '数学游戏', '评比', '区论文评比', '区县级', '2025-03-10', '已提交'],
      ]);
      m.active = '论文';
    });
    const run = await validateAndMark(opts, 'active');
    const paperFindings = run.result.sheets.find((s) => s.sheet === '论文')!.findings;
    expect(paperFindings.map((f) => [f.row, f.col, f.code])).toEqual([[3, 'A', 'unknown_teacher']]);
    expect(host.model.sheet('论文')!.fillAt('A3')).toBe(MARK_COLORS.error);
    expect(host.model.sheet('论文')!.fillAt('A2')).toBeNull();
    expect(host.model.sheet('教师名册')!.fillAt('F2')).toBeNull(); // roster has warnings but is not the active sheet
  });
});
