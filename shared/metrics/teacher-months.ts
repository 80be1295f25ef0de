/**
 * A school's teacher-months (教师 × 月份 of a monthly register), each counted once, with a few flags (on time, 优秀,
 * meets a condition) ORed over its copies. One byte per teacher-month in a typed array, teachers numbered as they
 * are met and months by their place among the months due: a district's 300 tallies hold 270k teacher-months in a
 * few hundred kB, where a Map of `teacher\0month` strings to objects took about 100 MB.
 */

/** Set on every teacher-month that has a row; the caller's flags are the other bits (2, 4, …, 128). */
export const SEEN = 1;
/** The flag both monthly counts use: a copy was handed in by the month's deadline. */
export const ON_TIME = 2;

export class TeacherMonths {
  private readonly teacherIds = new Map<string, number>();
  private readonly teachers: string[] = [];
  private readonly monthIds = new Map<string, number>();
  private flags = new Uint8Array(0);

  /** `months`: the months that count (the months due); rows of other months are not kept. */
  constructor(months: readonly string[]) {
    for (const m of months) if (!this.monthIds.has(m)) this.monthIds.set(m, this.monthIds.size);
  }

  /** Whether rows of `month` are kept. */
  counts(month: string): boolean {
    return this.monthIds.has(month);
  }

  /** Marks the teacher-month as seen, ORing `bits` into its flags; nothing for a month that does not count. */
  mark(teacher: string, month: string, bits: number): void {
    const m = this.monthIds.get(month);
    if (m === undefined) return;
    let t = this.teacherIds.get(teacher);
    if (t === undefined) {
      t = this.teachers.length;
      this.teacherIds.set(teacher, t);
      this.teachers.push(teacher);
    }
    const at = t * this.monthIds.size + m;
    if (at >= this.flags.length) {
      const bigger = new Uint8Array(Math.max(64, this.flags.length * 2, at + 1));
      bigger.set(this.flags);
      this.flags = bigger;
    }
    this.flags[at] |= SEEN | bits;
  }

  /**
   * Counts the seen teacher-months of the teachers `keep` accepts (all of them without `keep`): how many there are,
   * and how many have each flag (`with[bit]`).
   */
  count(keep?: (teacher: string) => boolean): { seen: number; with: (bit: number) => number } {
    const perBit = new Map<number, number>();
    let seen = 0;
    const n = this.monthIds.size;
    for (let t = 0; t < this.teachers.length; t++) {
      if (keep && !keep(this.teachers[t])) continue;
      for (let m = 0; m < n; m++) {
        const f = this.flags[t * n + m];
        if (!(f & SEEN)) continue;
        seen++;
        for (let bit = 2; bit < 256; bit <<= 1) if (f & bit) perBit.set(bit, (perBit.get(bit) ?? 0) + 1);
      }
    }
    return { seen, with: (bit) => perBit.get(bit) ?? 0 };
  }
}
