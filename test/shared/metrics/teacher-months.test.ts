import { TeacherMonths } from '../../../shared/metrics/teacher-months';

describe('TeacherMonths: each teacher-month once, flags ORed over its copies', () => {
  it('counts teacher-months of the months that count, ORs flags, and filters teachers', () => {
    const t = new TeacherMonths(['2025-03', '2025-04']);
    t.mark('张三', '2025-03', 2);
    t.mark('张三', '2025-03', 4); // a second copy of the same month
    t.mark('张三', '2025-04', 0);
    t.mark('李四', '2025-04', 2);
    t.mark('李四', '2025-05', 2); // not a month that counts
    expect(t.counts('2025-05')).toBe(false);
    const all = t.count();
    expect([all.seen, all.with(2), all.with(4), all.with(8)]).toEqual([3, 2, 1, 0]);
    const onlyLi = t.count((name) => name === '李四');
    expect([onlyLi.seen, onlyLi.with(2), onlyLi.with(4)]).toEqual([1, 1, 0]);
  });

  it('keeps every teacher apart past its first allocation (500 teachers × 6 months)', () => {
    const months = ['2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07'];
    const t = new TeacherMonths(months);
    for (let k = 0; k < 500; k++) for (const m of months) t.mark(`教师${k}`, m, k % 5 === 0 ? 2 : 0);
    for (let k = 0; k < 500; k += 2) t.mark(`教师${k}`, '2025-02', 4); // again, with another flag
    const c = t.count();
    expect([c.seen, c.with(2), c.with(4)]).toEqual([3000, 600, 250]);
    expect(t.count((n) => n === '教师499').seen).toBe(6);
  });
});

describe('TeacherMonths with a month listed twice', () => {
  it('keeps teachers apart (a repeated month is one month)', () => {
    const t = new TeacherMonths(['2025-03', '2025-03', '2025-04']);
    t.mark('甲', '2025-04', 2);
    t.mark('乙', '2025-03', 4);
    const c = t.count();
    expect([c.seen, c.with(2), c.with(4)]).toEqual([2, 1, 1]);
    expect(t.count((n) => n === '甲').with(2)).toBe(1);
    expect(t.count((n) => n === '乙').seen).toBe(1);
    t.mark('甲', '2025-03', 0); // the same teacher's other month is another teacher-month
    expect(t.count((n) => n === '甲').seen).toBe(2);
  });

  it('keeps a teacher-month past a first allocation smaller than one teacher’s months (200 months)', () => {
    const months = Array.from({ length: 200 }, (_, i) => `m${i}`);
    const t = new TeacherMonths(months);
    t.mark('甲', 'm199', 2);
    t.mark('乙', 'm199', 2);
    expect([t.count().seen, t.count().with(2)]).toEqual([2, 2]);
  });
});
