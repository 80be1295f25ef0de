/** 学月反思 → 应交, 实交 (distinct teacher-months), 按时, 优秀. */
import { ratio } from './calendar';
import { text, type Values } from './fields';
import type { People } from './people';
import type { Totals } from './schema';

/** Counts each (teacher, month) once: on time if any copy was handed in by the deadline, 优秀 if any was rated so. */
export class ReflectionTally {
  private readonly seen = new Map<string, { teacher: string; onTime: boolean; excellent: boolean }>();
  private readonly due: Set<string>;

  /** `months`: the months due; `deadline(month)`: that month's deadline (ISO). */
  constructor(private readonly months: string[], private readonly deadline: (month: string) => string) {
    this.due = new Set(months);
  }

  /** One reflection record; months not yet due (or outside the term) are not counted. */
  add(v: Values): void {
    const month = text(v['月份']).slice(0, 7);
    const teacher = text(v['教师']);
    if (!teacher || !this.due.has(month)) return;
    const date = text(v['提交日期']);
    const onTime = date !== '' && date <= this.deadline(month);
    const excellent = text(v['评价']) === '优秀';
    const key = teacher + '\u0000' + month;
    const prev = this.seen.get(key);
    if (prev) {
      prev.onTime ||= onTime;
      prev.excellent ||= excellent;
    } else this.seen.set(key, { teacher, onTime, excellent });
  }

  /** With a roster, only its 在岗 teachers count (so 实交 never exceeds 应交). */
  finish(people: People): Totals['reflections'] {
    let submitted = 0;
    let onTime = 0;
    let excellent = 0;
    for (const r of this.seen.values()) {
      if (people.hasRoster && !people.active.has(r.teacher)) continue;
      submitted++;
      if (r.onTime) onTime++;
      if (r.excellent) excellent++;
    }
    const expected = people.teachers * this.months.length;
    return {
      months: this.months,
      expected,
      submitted,
      onTime,
      excellent,
      rate: ratio(submitted, expected),
      onTimeRate: ratio(onTime, submitted),
      excellentRate: ratio(excellent, submitted),
    };
  }
}
