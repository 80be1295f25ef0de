/** consolidate reads files on worker threads: the result must not depend on how many (file order is kept). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { schoolSheets, writeSheets } from '../../../bench/consolidate-data';
import { consolidate } from '../../../server/report/consolidate/run';
import { rowsOf } from '../read-back';

/** Three school files and a separate roster; a roster-less 论文 file whose only error needs the separate roster. */
async function writeInputs(dir: string): Promise<string[]> {
  const s2 = schoolSheets(2, 60).sheets;
  s2.find((s) => s.sheet === '论文')!.rows[0][0] = '不在名册的人'; // only the roster from the other file can catch this
  for (const i of [0, 1]) await writeSheets(join(dir, `WTQ-00${i + 1}_登记表.xlsx`), schoolSheets(i, 60).sheets);
  // A roster in a file of its own: the school's other file is checked against it whichever worker reads it.
  await writeSheets(join(dir, 'WTQ-003_论文.xlsx'), s2.filter((s) => s.sheet === '论文'));
  await writeSheets(join(dir, 'WTQ-003_名册.xlsx'), s2.filter((s) => s.sheet === '教师名册'));
  return ['WTQ-001_登记表.xlsx', 'WTQ-003_论文.xlsx', 'WTQ-002_登记表.xlsx', 'WTQ-003_名册.xlsx'].map((f) => join(dir, f));
}

test('a file a reading thread has too little memory for is read in the main thread: the same report, nothing lost', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yanbiao-pool-'));
  try {
    const files = await writeInputs(dir);
    const opts = { term: '2025春', asOf: '2025-07-31' };
    const one = await consolidate(files, { ...opts, out: join(dir, 'one.xlsx'), jobs: 1 });
    // 2 MB of heap: a thread runs out of memory before it has loaded its code, so every file comes back here.
    const here: number[] = [];
    const starved = await consolidate(files, { ...opts, out: join(dir, 'starved.xlsx'), jobs: 2, threads: { heapMb: 2, onMainThread: (i) => here.push(i) } });
    expect(here.sort()).toEqual([0, 1, 2, 3]);
    expect(starved.summary).toEqual(one.summary);
    expect(starved.outcomes.map((o) => [o.file, o.status, o.errors, o.warnings])).toEqual(one.outcomes.map((o) => [o.file, o.status, o.errors, o.warnings]));
    // The 论文 file was still checked against the school's separate roster.
    expect(starved.outcomes.find((o) => o.file.endsWith('WTQ-003_论文.xlsx'))!.status).toBe('rejected');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('one thread and two workers give the same report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yanbiao-pool-'));
  try {
    const files = await writeInputs(dir);
    const opts = { term: '2025春', asOf: '2025-07-31' };
    const one = await consolidate(files, { ...opts, out: join(dir, 'one.xlsx'), jobs: 1 });
    const two = await consolidate(files, { ...opts, out: join(dir, 'two.xlsx'), jobs: 2 });
    expect(two.summary).toEqual(one.summary);
    expect(two.outcomes.map((o) => [o.file, o.status, o.errors, o.warnings])).toEqual(one.outcomes.map((o) => [o.file, o.status, o.errors, o.warnings]));
    // rosterFirst put 名册 first; the 论文 file was checked against it (in both runs) and left out.
    const papers = two.outcomes.find((o) => o.file.endsWith('WTQ-003_论文.xlsx'))!;
    expect(papers.status).toBe('rejected');
    expect(papers.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.row, f.field])).toEqual([['unknown_teacher', 3, '教师']]);
    expect(two.outcomes.filter((o) => o.status === 'merged').length).toBe(3);
    const read = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, f));
      return wb.worksheets.filter((w) => w.name !== '上报情况').map(rowsOf);
    };
    expect(await read('two.xlsx')).toEqual(await read('one.xlsx'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the district's reflection deadlines count in the figures (on time means by the district's date, not the month's last Friday)", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yanbiao-pool-'));
  try {
    await writeSheets(join(dir, 'WTQ-001_登记表.xlsx'), schoolSheets(0, 120).sheets);
    const files = [join(dir, 'WTQ-001_登记表.xlsx')];
    const opts = { term: '2025春', asOf: '2025-07-31' };
    const onTime = (r: Awaited<ReturnType<typeof consolidate>>) => r.summary.schools.map((s) => s.reflections.onTime);
    const usual = await consolidate(files, { ...opts, out: join(dir, 'usual.xlsx'), jobs: 2 });
    // Every month due on its first day: hardly anything is on time any more.
    const months = ['2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07'];
    const early = Object.fromEntries(months.map((m) => [m, `${m}-01`]));
    for (const jobs of [1, 2]) {
      const strict = await consolidate(files, { ...opts, out: join(dir, `strict${jobs}.xlsx`), jobs, reflectionDeadlines: early });
      expect(onTime(strict)[0]).toBeLessThan(onTime(usual)[0]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
