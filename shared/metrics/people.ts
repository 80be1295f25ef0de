/** 教师名册 → 在岗教师数 and the ≤40 teachers, the denominators of every per-teacher metric. */
import { ageAt } from './calendar';
import { text, type Values } from './fields';

/** What the other tallies need to know about a school's teachers. */
export interface People {
  /** Whether a roster was given at all (without one, names are not filtered and per-teacher ratios are null). */
  hasRoster: boolean;
  teachers: number;
  under40: number;
  active: Set<string>;
  under40Names: Set<string>;
  /** The 在岗 teachers' roster records (what an indicator's 名册条件 is tested on). */
  records: Values[];
}

/** Counts 在岗 teachers (在岗 defaults to 是) and those ≤40 at the term's start from 出生年月. */
export class PeopleTally {
  private rows = 0;
  private teachers = 0;
  private under40 = 0;
  private readonly active = new Set<string>();
  private readonly young = new Set<string>();
  private readonly records: Values[] = [];

  constructor(private readonly termStart: string) {}

  /** One roster record. */
  add(v: Values): void {
    this.rows++;
    if (v['在岗'] === false || v['在岗'] === '否') return;
    const name = text(v['姓名']);
    this.teachers++;
    this.records.push(v);
    if (name) this.active.add(name);
    const age = ageAt(text(v['出生年月']), this.termStart);
    if (age !== null && age <= 40) {
      this.under40++;
      if (name) this.young.add(name);
    }
  }

  /** The school's teacher facts. */
  finish(): People {
    return { hasRoster: this.rows > 0, teachers: this.teachers, under40: this.under40, active: this.active, under40Names: this.young, records: this.records };
  }
}
