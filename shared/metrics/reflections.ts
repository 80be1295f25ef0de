/** 学月反思 → 应交, 实交 (distinct teacher-months), 按时, 优秀. */
import { ratio } from './calendar';
import { text, type Values } from './fields';
import type { People } from './people';
import type { Totals } from './schema';
import { ON_TIME, TeacherMonths } from './teacher-months';

const EXCELLENT = 4;

/** Counts each (teacher, month) once: on time if any copy was handed in by the deadline, 优秀 if any was rated so. */
export class ReflectionTally {
  private readonly seen: TeacherMonths;

  /** `months`: the months due; `deadline(month)`: that month's deadline (ISO). */
  constructor(private readonly months: string[], private readonly deadline: (month: string) => string) {
    this.seen = new TeacherMonths(months);
  }

  /** One reflection record; months not yet due (or outside the term) are not counted. */
  add(v: Values): void {
    const month = text(v['月份']).slice(0, 7);
    const teacher = text(v['教师']);
    if (!teacher || !this.seen.counts(month)) return;
    const date = text(v['提交日期']);
    const onTime = date !== '' && date <= this.deadline(month);
    const excellent = text(v['评价']) === '优秀';
    this.seen.mark(teacher, month, (onTime ? ON_TIME : 0) | (excellent ? EXCELLENT : 0));
  }

  /** With a roster, only its 在岗 teachers count (so 实交 never exceeds 应交). */
  finish(people: People): Totals['reflections'] {
    const counted = this.seen.count(people.hasRoster ? (t) => people.active.has(t) : undefined);
    const submitted = counted.seen;
    const onTime = counted.with(ON_TIME);
    const excellent = counted.with(EXCELLENT);
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
