/** 论文投稿 → 篇数, qualified papers (区县级二等奖+ or 已发表), 发表, awards table, ≤40 participation. */
import { ratio } from './calendar';
import { authors, text, type Values } from './fields';
import type { People } from './people';
import type { Totals } from './schema';
import { bump, emptyTable } from './tables';
import { AWARDS, LEVELS, TARGET_AWARDS, TARGET_LEVELS } from './values';

/** Is this submission a 县二等奖及以上 or 公开发表 paper? */
export function isQualified(v: Values): boolean {
  const status = text(v['状态']);
  if (status === '已发表') return true;
  return status === '获奖' && TARGET_LEVELS.has(text(v['级别'])) && TARGET_AWARDS.has(text(v['获奖等级']));
}

/** Counts rows as 篇数; a paper qualifying in two contests counts once toward the target (by first author + 题目). */
export class PaperTally {
  private count = 0;
  private published = 0;
  private readonly qualified = new Set<string>();
  private readonly writers = new Set<string>();
  private readonly awards = emptyTable(LEVELS, AWARDS);

  /** One paper record. */
  add(v: Values): void {
    this.count++;
    const names = authors(v['教师']);
    for (const n of names) this.writers.add(n);
    if (text(v['状态']) === '已发表') this.published++;
    if (isQualified(v)) this.qualified.add((names[0] ?? '') + '\u0000' + text(v['题目']));
    const level = text(v['级别']);
    const award = text(v['获奖等级']);
    if (text(v['状态']) === '获奖' && level && award) bump(this.awards, level, award);
  }

  /** Per-teacher figures use 在岗教师数; participation counts ≤40 teachers named anywhere in 教师. */
  finish(people: People): Totals['papers'] {
    let under40Authors = 0;
    for (const n of people.under40Names) if (this.writers.has(n)) under40Authors++;
    return {
      count: this.count,
      perTeacher: ratio(this.count, people.teachers),
      qualified: this.qualified.size,
      qualifiedPerTeacher: ratio(this.qualified.size, people.teachers),
      published: this.published,
      under40Authors,
      under40Participation: ratio(under40Authors, people.under40),
      awards: this.awards,
    };
  }
}
