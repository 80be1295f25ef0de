/** 课程登记 → 课型 × 级别, public lessons and training hours per teacher. */
import { ratio } from './calendar';
import { num, text, type Values } from './fields';
import type { People } from './people';
import type { Totals } from './schema';
import { bump, emptyTable } from './tables';
import { COURSE_TYPES, LEVELS, PUBLIC_LESSON_TYPES, TRAINING_TYPE } from './values';

/** Counts course-register rows. */
export class CourseTally {
  private count = 0;
  private lessons = 0;
  private hours = 0;
  private readonly table = emptyTable(COURSE_TYPES, LEVELS);

  /** One course record. */
  add(v: Values): void {
    this.count++;
    const type = text(v['课型']);
    const level = text(v['级别']);
    if (type && level) bump(this.table, type, level);
    if (PUBLIC_LESSON_TYPES.has(type)) this.lessons++;
    if (type === TRAINING_TYPE) this.hours += num(v['学时']) ?? 0;
  }

  /** Per-teacher figures use 在岗教师数. */
  finish(people: People): Totals['courses'] {
    const hours = Math.round(this.hours * 100) / 100;
    return {
      count: this.count,
      byTypeLevel: this.table,
      publicLessons: this.lessons,
      publicLessonsPerTeacher: ratio(this.lessons, people.teachers),
      trainingHours: hours,
      trainingHoursPerTeacher: ratio(hours, people.teachers),
    };
  }
}
