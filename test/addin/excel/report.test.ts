import { addComparisonChart, insertReport, REPORT_KEY, type ReportSheet } from '../../../addin/excel/report';
import { useHost } from '../../support/excel-host-jest';

const sheets: ReportSheet[] = [
  { name: '区级汇总', grid: [['学校代码', '学校', '反思完成率'], ['WTQ-SY', '五通桥区实验小学', 0.9], ['', '全区合计', 0.8]] },
  { name: '论文投稿', grid: [['学校', '教师', '题目'], ['五通桥区实验小学', '张伟', '=cmd|\' /C calc\'!A0'], ['五通桥区实验小学', '李娜', '@SUM(1)'], ['五通桥区实验小学', '王芳', '-2+3']] },
];
const B64 = Buffer.from('a report').toString('base64');

describe('insertReport', () => {
  test('ExcelApi 1.13+: insertWorksheetsFromBase64, and the next download replaces the sheets it inserted', async () => {
    const host = useHost((m) => m.addSheet('教师名册'), { decodeXlsx: (b) => (b === B64 ? sheets : []) });
    const first = await insertReport(B64, sheets);
    expect(first).toEqual({ mode: 'base64', sheets: ['区级汇总', '论文投稿'], renamed: [] });
    expect(host.model.sheets.map((s) => s.name)).toEqual(['教师名册', '区级汇总', '论文投稿']);
    expect(host.model.savedSettings[REPORT_KEY]).toEqual(['区级汇总', '论文投稿']);
    await insertReport(B64, sheets);
    expect(host.model.sheets.map((s) => s.name)).toEqual(['教师名册', '区级汇总', '论文投稿']);
    expect(host.stats.log.filter((l) => l.startsWith('delsheet'))).toEqual(['delsheet 区级汇总', 'delsheet 论文投稿']);
  });

  test('ExcelApi 1.12: values and formats instead; formula-looking text stays text', async () => {
    const host = useHost((m) => m.addSheet('教师名册'), { excelApi: '1.12' });
    const out = await insertReport(B64, sheets);
    expect(out.mode).toBe('values');
    const papers = host.model.sheet('论文投稿')!;
    expect(papers.grid()).toEqual(sheets[1].grid);
    for (let r = 1; r <= 3; r++) {
      expect(papers.cell(r, 2)!.formula).toBeUndefined();
      expect(papers.cell(r, 2)!.numberFormat).toBe('@');
    }
    const summary = host.model.sheet('区级汇总')!;
    expect(summary.cell(1, 2)!.numberFormat).toBe('General');
    expect(summary.cell(0, 0)!.bold).toBe(true);
    expect(summary.frozenRows).toBe(1);
  });

  test('ExcelApi 1.12: the file’s number formats are kept (a rate stays a percentage); text is still @', async () => {
    const host = useHost(() => undefined, { excelApi: '1.12' });
    const formats = [[], [null, '@', '0.0%'], [null, null, '0.0%']];
    await insertReport(B64, [{ ...sheets[0], formats }]);
    const summary = host.model.sheet('区级汇总')!;
    expect(summary.cell(1, 2)!.numberFormat).toBe('0.0%');
    expect(summary.cell(2, 2)!.numberFormat).toBe('0.0%');
    expect(summary.cell(1, 1)!.numberFormat).toBe('@');
    expect(summary.cell(0, 2)!.numberFormat).toBe('@'); // header text
    expect(summary.grid()).toEqual(sheets[0].grid);
  });

  test('a user sheet with the same name is never touched: that report sheet is written under a new name', async () => {
    const host = useHost((m) => m.addSheet('论文投稿').setGrid([['我自己的论文表']]), { decodeXlsx: () => sheets });
    const out = await insertReport(B64, sheets);
    expect(out).toEqual({ mode: 'mixed', sheets: ['区级汇总', '论文投稿（汇总）'], renamed: ['论文投稿（汇总）'] });
    expect(host.model.sheet('论文投稿')!.grid()).toEqual([['我自己的论文表']]);
    expect(host.model.sheet('论文投稿（汇总）')!.grid()).toEqual(sheets[1].grid);
    expect(host.model.sheet('论文投稿（汇总）')!.cell(1, 2)!.formula).toBeUndefined();
    expect(host.stats.log).toContain('insertsheet 区级汇总');
    // the next download replaces both, still without touching the user's sheet
    await insertReport(B64, sheets);
    expect(host.model.sheets.map((s) => s.name)).toEqual(['论文投稿', '区级汇总', '论文投稿（汇总）']);
  });

  test('on ExcelApi 1.12 a clash is renamed the same way', async () => {
    const host = useHost((m) => m.addSheet('区级汇总').setGrid([['我自己的表']]), { excelApi: '1.12' });
    const out = await insertReport(B64, sheets);
    expect(out).toEqual({ mode: 'values', sheets: ['区级汇总（汇总）', '论文投稿'], renamed: ['区级汇总（汇总）'] });
    expect(host.model.sheet('区级汇总')!.grid()).toEqual([['我自己的表']]);
  });

  test('a report file too big for one 5 MB request is written as values even where insertWorksheetsFromBase64 exists', async () => {
    const big = 'UEsDB'.padEnd(5_500_000, 'A'); // a ~4 MB file is 5.5 MB of base64: Excel on the web would refuse it
    const host = useHost(() => undefined, { decodeXlsx: () => sheets });
    const out = await insertReport(big, sheets);
    expect(out.mode).toBe('values');
    expect(host.stats.log.some((l) => l.startsWith('insertsheet'))).toBe(false);
    expect(host.stats.refused).toBe(0);
    expect(host.model.sheet('区级汇总')!.grid()).toEqual(sheets[0].grid);
  });

  test('a large report is written in blocks that each stay under 5 MB', async () => {
    const host = useHost(() => undefined, { excelApi: '1.12' });
    const big: ReportSheet = { name: '学月反思', grid: Array.from({ length: 30000 }, (_, r) => [r, `教师${r}`, '教育教学随笔'.repeat(3), '2025-03-01', '优秀', '是']) };
    await insertReport(B64, [big]);
    expect(host.model.sheet('学月反思')!.grid()).toHaveLength(30000);
    expect(host.stats.refused).toBe(0);
    // several blocks, each written with calculation suspended
    const writes = host.stats.log.filter((l) => l.startsWith('write') || l === 'suspendcalc');
    expect(writes.filter((l) => l.startsWith('write')).length).toBeGreaterThan(1);
    writes.forEach((l, i) => expect(l).toEqual(i % 2 ? expect.stringMatching(/^write 学月反思!/) : 'suspendcalc'));
  });
});

describe('insertReport where inserting the file is not possible', () => {
  test('Excel on iPad reports ExcelApi 1.13 but has no insertWorksheetsFromBase64: the report is written as values', async () => {
    const host = useHost((m) => m.addSheet('教师名册'), { platform: 'iOS', decodeXlsx: () => sheets });
    const out = await insertReport(B64, sheets);
    expect(out).toEqual({ mode: 'values', sheets: ['区级汇总', '论文投稿'], renamed: [] });
    expect(host.model.sheet('论文投稿')!.grid()).toEqual(sheets[1].grid);
    expect(host.stats.log.some((l) => l.startsWith('insertsheet'))).toBe(false);
  });

  test('insertWorksheetsFromBase64 refused (extension hardening policy): the same sheets are written as values', async () => {
    const host = useHost((m) => m.addSheet('教师名册'), { platform: 'PC', extensionHardening: true, decodeXlsx: () => sheets });
    const out = await insertReport(B64, sheets);
    expect(out.mode).toBe('values');
    expect(host.model.sheets.map((s) => s.name)).toEqual(['教师名册', '区级汇总', '论文投稿']);
    expect(host.model.sheet('区级汇总')!.grid()).toEqual(sheets[0].grid);
    expect(host.model.savedSettings[REPORT_KEY]).toEqual(['区级汇总', '论文投稿']);
  });

  test('long Chinese text is written in blocks measured by their bytes, each request under 5 MB', async () => {
    const host = useHost(() => undefined, { excelApi: '1.12' });
    const body = '这是一篇很长的反思正文。'.repeat(40); // ~1.4 KB a cell as UTF-8 JSON
    const long: ReportSheet = { name: '学月反思', grid: [['序号', '正文', '正文', '正文'], ...Array.from({ length: 3000 }, (_, r) => [r + 1, body, body, body])] };
    await insertReport(B64, [long]);
    const s = host.model.sheet('学月反思')!;
    expect(s.grid()).toHaveLength(3001);
    expect(s.value(3000, 3)).toBe(body);
    expect(host.stats.refused).toBe(0);
    expect(Math.max(...host.stats.requests)).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('addComparisonChart', () => {
  test('writes the comparison table and a clustered column chart over it', async () => {
    const host = useHost(() => undefined);
    await addComparisonChart('本校对比', '五通桥区实验小学', [{ label: '反思完成率', school: 0.9, district: 0.8 }, { label: '论文人均篇数', school: 1.2, district: 0.7 }]);
    const s = host.model.sheet('本校对比')!;
    expect(s.grid()).toEqual([['指标', '五通桥区实验小学', '全区'], ['反思完成率', 0.9, 0.8], ['论文人均篇数', 1.2, 0.7]]);
    expect(s.charts).toEqual([{ name: '图表 1', type: 'ColumnClustered', source: '本校对比!A1:C3', title: '五通桥区实验小学与全区对比' }]);
    await addComparisonChart('本校对比', '五通桥区实验小学', [{ label: '反思完成率', school: 1, district: 0.8 }]);
    expect(host.model.sheets.filter((x) => x.name.startsWith('本校对比'))).toHaveLength(1);
  });
});
