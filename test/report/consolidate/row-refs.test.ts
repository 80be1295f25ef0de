import { RowRefs } from '../../../server/report/consolidate/row-refs';

describe('RowRefs: where rows sit, strings kept once', () => {
  it('gives back each row as added, across growth, and compares schools and teachers', () => {
    const r = new RowRefs();
    for (let i = 0; i < 3000; i++) expect(r.add(`S${i % 7}`, `表${i % 3}`, i + 3, `教师${i % 11}`)).toBe(i);
    expect(r.size).toBe(3000);
    expect([r.school(2999), r.sheet(2999), r.row(2999), r.teacher(2999)]).toEqual(['S3', '表2', 3002, '教师7']);
    expect([r.school(0), r.sheet(0), r.row(0), r.teacher(0)]).toEqual(['S0', '表0', 3, '教师0']);
    expect(r.sameSchool(0, 7)).toBe(true);
    expect(r.sameSchool(0, 1)).toBe(false);
    expect(r.sameSchoolAndTeacher(0, 77)).toBe(true); // 77 = 7 · 11
    expect(r.sameSchoolAndTeacher(0, 7)).toBe(false);
  });
});
