/** The merged report read back with exceljs: sheets, headers, frozen panes, filters, a school's view, formula text. */
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { computeSummary } from '../../shared/metrics';
import type { ReportData, ReportRow } from '../../server/report/write';
import { fixtureDistrict } from '../shared/metrics/fixture-district';
import { BUILTIN_REGISTERS, BUILTIN_SUMMARY_HEADERS } from '../fixtures/summary-headers';
import { readBack, reportBuffer, rowsOf, zipParts } from './read-back';

const DANGEROUS = ['=HYPERLINK("http://evil.example","点我")', '+1+2', '-3+4', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];

function fixtureData(): ReportData {
  const input = fixtureDistrict();
  const rows: Partial<Record<string, ReportRow[]>> = {};
  for (const s of input.schools)
    for (const [kind, recs] of Object.entries(s.records)) for (const r of recs!) (rows[kind] ??= []).push({ school: s.code, values: r.values });
  // A school typed formula-looking text into 题目 and 评比或刊物.
  for (const [i, t] of DANGEROUS.entries())
    rows.papers!.push({ school: 'WTQ-EM', values: { 教师: ['孙丽'], 题目: t, 去向: '评比', 评比或刊物: t, 提交日期: '2025-03-02', 状态: '已提交', 发表期次: i } });
  return {
    summary: computeSummary(input),
    rows,
    issues: [
      { school: 'WTQ-SY', kind: 'papers', sheet: '论文', row: 3, col: 'B', field: '题目', code: 'duplicate', severity: 'warning', value: 'P1', message: '题目与他校重复' },
      { school: 'WTQ-EM', kind: 'reflections', sheet: '反思', row: 4, col: 'F', field: '提交日期', code: 'late', severity: 'warning', value: '=1+1', message: '迟交' },
    ],
  };
}

describe('writeReport (district view)', () => {
  let wb: ExcelJS.Workbook;
  let buf: Buffer;
  beforeAll(async () => {
    buf = await reportBuffer(fixtureData());
    wb = await readBack(buf);
  });

  test('sheets in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['区级汇总', '分类统计', '上报情况', '教师名册', '课题登记', '课程登记', '学月反思', '论文投稿', '问题清单']);
  });

  test('each kind sheet: 学校代码, 学校 and the template columns in order; every school\'s rows', () => {
    for (const { title, columns } of Object.values(BUILTIN_REGISTERS)) {
      const ws = wb.getWorksheet(title)!;
      expect(rowsOf(ws)[0]).toEqual(['学校代码', '学校', ...columns]);
    }
    const papers = rowsOf(wb.getWorksheet('论文投稿')!);
    expect(papers.length).toBe(1 + 9 + DANGEROUS.length);
    expect(new Set(papers.slice(1).map((r) => r[0]))).toEqual(new Set(['WTQ-SY', 'WTQ-EM', 'WTQ-NR']));
    // 教师 (string[]) joined with 、, dates as ISO text, school name looked up from the summary.
    expect(papers[1].slice(0, 4)).toEqual(['WTQ-SY', '五通桥区实验小学', '张伟、赵敏', 'P1']);
    const roster = rowsOf(wb.getWorksheet('教师名册')!);
    expect(roster.length).toBe(1 + 5 + 2);
  });

  test('headers frozen, filter over header and data, widths fit Chinese text, printable on A4 landscape', () => {
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToHeight: 0 });
      // As few pages across as keep the print at about 75% or more: each page holds at most 170 width units.
      const total = (ws.columns ?? []).reduce((a, c) => a + (c.width ?? 0), 0);
      const across = ws.pageSetup.fitToWidth ?? 1;
      expect([ws.name, total / across <= 170, across === 1 || total / (across - 1) > 170]).toEqual([ws.name, true, true]);
      if (ws.name === '分类统计') continue; // the cross tables: no single header row to repeat or filter
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.pageSetup.printTitlesRow).toBe('1:1');
      // A sheet split across pages repeats 学校代码/学校 on each.
      if (across > 1) expect([ws.name, ws.pageSetup.printTitlesColumn]).toEqual([ws.name, 'A:B']);
      expect(String(ws.autoFilter)).toMatch(/^A1:[A-Z]+\d+$/);
    }
    // 区级汇总's long Chinese headers wrap over narrow figure columns: two pages across, not five.
    const summary = wb.getWorksheet('区级汇总')!;
    expect(summary.pageSetup.fitToWidth).toBeLessThanOrEqual(3);
    expect(summary.getRow(1).height).toBeGreaterThan(30);
    const papers = wb.getWorksheet('论文投稿')!;
    expect(papers.autoFilter).toBe(`A1:N${1 + 9 + DANGEROUS.length}`);
    // 五通桥区二码头小学 is 9 CJK characters = 18 units.
    expect(papers.getColumn(2).width).toBeGreaterThanOrEqual(18);
    expect(wb.getWorksheet('区级汇总')!.getColumn(2).width).toBeGreaterThanOrEqual(18);
    // The summary's filter covers the school lines only, not the totals below them.
    expect(wb.getWorksheet('区级汇总')!.autoFilter).toBe('A1:AG4');
  });

  test('区级汇总: school lines, district totals, targets and ranks', () => {
    const rows = rowsOf(wb.getWorksheet('区级汇总')!);
    const h = rows[0] as string[];
    const at = (r: unknown[], name: string) => r[h.indexOf(name)] ?? null;
    expect(rows.slice(1, 4).map((r) => r[0])).toEqual(['WTQ-SY', 'WTQ-EM', 'WTQ-NR']);
    // 甲小学's 4 of 8 due teacher-months (April not due as of 04-15; test/shared/metrics/summary.test.ts works it out).
    expect(at(rows[1], '反思完成率')).toBe(0.5);
    expect(at(rows[2], '县二等奖及以上或发表人均')).toBe(1);
    expect(at(rows[2], '县二等奖及以上或发表人均排名')).toBe(1);
    expect(at(rows[1], '县二等奖及以上或发表人均排名')).toBe(2);
    expect(at(rows[3], '论文人均篇数')).toBeNull(); // no roster: blank, not 0
    // 丙小学 reported only 论文投稿 (its 1 paper): its other registers read 未上报, not 0; 乙小学 has no 课题登记.
    expect([at(rows[3], '在岗教师'), at(rows[3], '反思完成率'), at(rows[3], '论文篇数'), at(rows[3], '课题数')]).toEqual(['未上报', '未上报', 1, '未上报']);
    expect([at(rows[2], '课题数'), at(rows[2], '在研课题'), at(rows[2], '课程登记数')]).toEqual(['未上报', '未上报', 2]);
    expect(rows[4][1]).toBe('全区合计');
    expect(at(rows[4], '论文篇数')).toBe(9); // the summary is computed from the fixture's records
    expect(rows[5][1]).toBe('目标');
    expect(at(rows[5], '县二等奖及以上或发表人均')).toBe('≥ 1');
    expect(at(rows[5], '40岁以下论文参与率')).toBe('= 100%');
    const cell = wb.getWorksheet('区级汇总')!.getCell(2, h.indexOf('反思完成率') + 1);
    expect(cell.numFmt).toBe('0.0%');
    expect(h).toEqual(BUILTIN_SUMMARY_HEADERS);
    // Each school's figure is marked against its target: green met, red missed, nothing where 未上报.
    const fill = (row: number, name: string) => {
      const f = wb.getWorksheet('区级汇总')!.getCell(row, h.indexOf(name) + 1).fill;
      return f && f.type === 'pattern' ? f.fgColor?.argb : undefined;
    };
    expect([fill(2, '县二等奖及以上或发表人均'), fill(3, '县二等奖及以上或发表人均'), fill(4, '在岗教师')]).toEqual(['FFFFC7CE', 'FFC6EFCE', undefined]);
    expect(fill(2, '论文篇数')).toBeUndefined(); // no target, no mark
    // The cross tables (交叉表 indicators) are on a sheet of their own.
    expect(rows.map((r) => r[0]).filter((x) => typeof x === 'string' && x.startsWith('全区'))).toEqual([]);
    const cross = rowsOf(wb.getWorksheet('分类统计')!);
    expect(cross.map((r) => r[0]).filter((x) => typeof x === 'string' && x.startsWith('全区'))).toEqual(['全区分类统计（2025春，统计截至 2025-04-15）', '全区论文获奖（级别 × 获奖等级）', '全区课题（级别 × 阶段）', '全区课程（课型 × 级别）']);
  });

  test('formula-looking text stays text: string cells, and no <f> anywhere in the XML', async () => {
    const ws = wb.getWorksheet('论文投稿')!;
    const titles: unknown[] = [];
    ws.eachRow((r, n) => {
      if (n > 10) {
        const c = r.getCell(4);
        expect(c.type).toBe(ExcelJS.ValueType.String);
        expect(c.formula).toBeUndefined();
        titles.push(c.value);
      }
    });
    // Exactly as typed: a CR is written as &#13; (a literal one would be read back as LF).
    expect(titles).toEqual(DANGEROUS);
    const parts = await zipParts(buf);
    const sheets = [...parts.keys()].filter((k) => k.startsWith('xl/worksheets/sheet'));
    expect(sheets.length).toBe(9);
    for (const k of sheets) expect(parts.get(k)).not.toMatch(/<f[ >]/);
    expect(rowsOf(wb.getWorksheet('问题清单')!)[2][9]).toBe('=1+1');
  });
});

describe('writeReport (a school\'s view)', () => {
  test('has the district summary but only its own rows, board lines and problems', async () => {
    const wb = await readBack(await reportBuffer(fixtureData(), { school: 'WTQ-EM' }));
    expect(rowsOf(wb.getWorksheet('区级汇总')!).slice(1, 4).map((r) => r[0])).toEqual(['WTQ-SY', 'WTQ-EM', 'WTQ-NR']);
    for (const { title } of Object.values(BUILTIN_REGISTERS)) {
      const rows = rowsOf(wb.getWorksheet(title)!).slice(1);
      for (const r of rows) expect(r[0]).toBe('WTQ-EM');
    }
    expect(rowsOf(wb.getWorksheet('论文投稿')!).length).toBe(1 + 2 + DANGEROUS.length);
    expect(rowsOf(wb.getWorksheet('教师名册')!).slice(1).map((r) => r[2])).toEqual(['刘洋', '孙丽']);
    expect(rowsOf(wb.getWorksheet('上报情况')!).slice(1).every((r) => r[0] === 'WTQ-EM')).toBe(true);
    expect(rowsOf(wb.getWorksheet('问题清单')!).slice(1).map((r) => r[0])).toEqual(['WTQ-EM']);
    const all = JSON.stringify(wb.worksheets.filter((w) => w.name !== '区级汇总').map(rowsOf));
    expect(all).not.toContain('张伟');
  });
});

describe('writeReport from one stream of every register\'s rows (read once: the summary tallied as they pass)', () => {
  /** The fixture's rows as one stream, the registers taken in turn (each register's own order kept). */
  function oneStream(data: ReportData) {
    const lists = Object.entries(data.rows!).map(([kind, rows]) => (rows as ReportRow[]).map((r) => ({ ...r, kind })));
    const mixed = [];
    for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) mixed.push(l[i]);
    return mixed;
  }

  /** Both ways of the same data; the summary of the one-stream way is asked for only after its last row. */
  async function both(opts?: { school: string }) {
    const data = fixtureData();
    const mixed = oneStream(data);
    let read = 0;
    let askedAfter = -1;
    // In pages of 4, as a store hands them over.
    async function* rows() {
      for (let i = 0; i < mixed.length; i += 4) {
        const page = mixed.slice(i, i + 4);
        read += page.length;
        yield page;
      }
    }
    const summary = data.summary as Exclude<ReportData['summary'], () => unknown>;
    const once = await reportBuffer(
      { ...data, rows: undefined, allRows: rows(), schools: summary.schools, summary: () => ((askedAfter = read), summary) },
      opts,
    );
    return { once, perKind: await reportBuffer(data, opts), askedAfter, total: mixed.length };
  }

  const parts = async (buf: Buffer) => {
    const p = await zipParts(buf);
    p.delete('docProps/core.xml'); // its creation time
    return p;
  };

  test('the same workbook as register by register: every part the same, in the same order', async () => {
    const { once, perKind, askedAfter, total } = await both();
    expect(askedAfter).toBe(total);
    const [a, b] = [await parts(once), await parts(perKind)];
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [k, v] of b) expect([k, a.get(k)]).toEqual([k, v]);
    const wb = await readBack(once);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['区级汇总', '分类统计', '上报情况', '教师名册', '课题登记', '课程登记', '学月反思', '论文投稿', '问题清单']);
  });

  test('a school\'s view the same way', async () => {
    const { once, perKind } = await both({ school: 'WTQ-EM' });
    const [a, b] = [await parts(once), await parts(perKind)];
    for (const [k, v] of b) expect([k, a.get(k)]).toEqual([k, v]);
    expect(rowsOf((await readBack(once)).getWorksheet('教师名册')!).slice(1).map((r) => r[2])).toEqual(['刘洋', '孙丽']);
  });

  test('an output that fails while the sheets are filled aside rejects the report and leaves no spool file', async () => {
    const { Writable } = await import('node:stream');
    const { writeReport } = await import('../../server/report/write');
    const data = fixtureData();
    const mixed = oneStream(data);
    const out = new Writable({ write: (_c, _e, cb) => cb() });
    async function* rows() {
      for (const [i, r] of mixed.entries()) {
        if (i === 5) out.destroy(); // the download is cancelled while rows are still being read
        yield [r];
      }
    }
    const summary = data.summary as Exclude<ReportData['summary'], () => unknown>;
    const { ZipWriter } = await import('../../server/report/xlsx/zip');
    const spool = ZipWriter.prototype.spool;
    const dirs = new Set<string>();
    const spy = jest.spyOn(ZipWriter.prototype, 'spool').mockImplementation(function (this: InstanceType<typeof ZipWriter>) {
      const sp = spool.call(this);
      dirs.add(this.spoolDir!);
      return sp;
    });
    try {
      await expect(writeReport(out, { ...data, rows: undefined, allRows: rows(), schools: summary.schools, summary: () => summary })).rejects.toThrow(/关闭/);
    } finally {
      spy.mockRestore();
    }
    expect(dirs.size).toBe(1);
    for (const d of dirs) expect(existsSync(d)).toBe(false);
  });
});
