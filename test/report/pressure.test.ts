/** The writer honours back-pressure: rows are pulled from the source only as fast as the output takes bytes. */
import { Writable } from 'node:stream';
import { computeSummary } from '../../shared/metrics';
import { writeReport, type ReportRow } from '../../server/report/write';

test('a slow output holds the row source back (most bytes are out before the last row is read)', async () => {
  const N = 40_000;
  let written = 0;
  let writtenWhenSourceEnded = -1;
  // An output that takes each chunk a turn of the event loop later, like a socket to a slow client.
  const out = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _enc, cb) {
      setImmediate(() => {
        written += chunk.length;
        cb();
      });
    },
  });
  function* rows(): Generator<ReportRow> {
    for (let i = 0; i < N; i++) {
      yield {
        school: 'S1',
        values: { 月份: '2025-03', 教师: `教师${i % 97}`, 题目: `关于课堂提问有效性的第${i}次反思与改进`, 形式: '教育教学随笔', 字数: 1000 + (i % 900), 提交日期: '2025-03-20', 评价: '合格' },
      };
    }
    writtenWhenSourceEnded = written;
  }
  const summary = computeSummary({ term: '2025春', asOf: '2025-04-01', schools: [{ code: 'S1', name: '测试学校', type: '小学', records: {} }] });
  const stats = await writeReport(out, { summary, rows: { reflections: rows() } });
  expect(stats.rows.reflections).toBe(N);
  expect(writtenWhenSourceEnded).toBeGreaterThan(0);
  // Without waiting for the stream, the whole sheet would sit in memory and nearly nothing would be out yet.
  expect(writtenWhenSourceEnded / written).toBeGreaterThan(0.5);
});

test('a sheet closed with megabytes still in its zip entry does not stall the writer', async () => {
  // With no waits between rows, the whole sheet is still queued in the deflater when the sheet is closed; closing
  // must wait for it to go through (the member's end and data descriptor), never stall.
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  function* rows(): Generator<ReportRow> {
    for (let i = 0; i < 20_000; i++) yield { school: 'S1', values: { 教师: [`教师${i % 50}`], 题目: `跨学科主题学习中的评价设计与实施研究第${i}篇`, 评比或刊物: '五通桥区教育教学论文评比', 状态: '已提交' } };
  }
  const summary = computeSummary({ term: '2025春', asOf: '2025-04-01', schools: [{ code: 'S1', name: '测试学校', type: '小学', records: {} }] });
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<'stalled'>((resolve) => (timer = setTimeout(() => resolve('stalled'), 20_000)));
  const done = writeReport(out, { summary, rows: { papers: rows() } }, { checkEvery: 1_000_000 }).then((s) => s.rows.papers);
  const result = await Promise.race([done, stalled]);
  clearTimeout(timer);
  expect(result).toBe(20_000);
  expect(Buffer.concat(chunks).subarray(0, 2).toString()).toBe('PK');
});

test('a cancelled download stops the writer and releases the row source', async () => {
  let released = false;
  let pulled = 0;
  function* rows(): Generator<ReportRow> {
    try {
      for (let i = 0; i < 5_000_000; i++) {
        pulled++;
        yield { school: 'S1', values: { 月份: '2025-03', 教师: `教师${i % 97}`, 题目: `第${i}篇反思`, 字数: 900, 提交日期: '2025-03-20' } };
      }
    } finally {
      released = true; // a store cursor would be closed here
    }
  }
  let received = 0;
  const out: Writable = new Writable({
    write(chunk: Buffer, _enc, cb) {
      received += chunk.length;
      if (received > 256 * 1024) out.destroy(); // the client hangs up
      setImmediate(cb);
    },
  });
  const summary = computeSummary({ term: '2025春', asOf: '2025-04-01', schools: [{ code: 'S1', name: '测试学校', type: '小学', records: {} }] });
  await expect(writeReport(out, { summary, rows: { reflections: rows() } })).rejects.toThrow(/关闭/);
  await new Promise((r) => setTimeout(r, 200));
  expect(released).toBe(true);
  expect(pulled).toBeLessThan(1_000_000);
});

test('a row source that fails mid-way makes writeReport reject with its error (never hang)', async () => {
  function* rows(): Generator<ReportRow> {
    for (let i = 0; i < 1000; i++) yield { school: 'S1', values: { 姓名: `教师${i}`, 学科: '语文' } };
    throw new Error('数据库连接中断');
  }
  const out = new Writable({ write: (_c, _e, cb) => cb() });
  const summary = computeSummary({ term: '2025春', asOf: '2025-04-01', schools: [{ code: 'S1', name: '测试学校', type: '小学', records: {} }] });
  await expect(writeReport(out, { summary, rows: { roster: rows() } })).rejects.toThrow('数据库连接中断');
});
