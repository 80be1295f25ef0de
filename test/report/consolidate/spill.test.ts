/** Parked rows come back whole and in order, Chinese text intact across 1 MB read boundaries. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Spill } from '../../../server/report/consolidate/spill';

test('rows parked per kind read back in order, multi-byte text unbroken', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yanbiao-spill-'));
  try {
    const spill = new Spill(dir);
    const N = 30_000;
    for (let f = 0; f < 3; f++) {
      let lines = '';
      for (let i = 0; i < N / 3; i++) lines += JSON.stringify([f, i + 3, { 题目: `论“双减”背景下作业设计的第${i}种思路——五通桥区实验小学`, 教师: ['张伟', '李娜'] }]) + '\n';
      await spill.add('papers', lines);
    }
    await spill.close();
    expect(statSync(spill.path('papers')).size).toBeGreaterThan(2 << 20); // several 1 MB reads
    let n = 0;
    const wrong: number[] = [];
    for await (const p of spill.read('papers')) {
      const ok = p.file === Math.floor(n / (N / 3)) && p.values['题目'] === `论“双减”背景下作业设计的第${n % (N / 3)}种思路——五通桥区实验小学`;
      if (!ok) wrong.push(n);
      n++;
    }
    expect(wrong).toEqual([]);
    expect(n).toBe(N);
    let empty = 0;
    for await (const _ of spill.read('roster')) empty++;
    expect(empty).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
