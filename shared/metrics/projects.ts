/** 课题登记 → 级别 × 阶段, 在研, 逾期未结题, 本学期新立项. */
import { text, type Values } from './fields';
import type { Totals } from './schema';
import { bump, emptyTable } from './tables';
import { ACTIVE_STAGES, CLOSED_STAGES, LEVELS, STAGES } from './values';

/** Counts projects; `asOf` decides 逾期, the term span decides 新立项. */
export class ProjectTally {
  private count = 0;
  private active = 0;
  private overdue = 0;
  private fresh = 0;
  private readonly table = emptyTable(LEVELS, STAGES);

  constructor(private readonly asOf: string, private readonly start: string, private readonly end: string) {}

  /** One project record. */
  add(v: Values): void {
    this.count++;
    const stage = text(v['阶段']);
    const level = text(v['级别']);
    if (level && stage) bump(this.table, level, stage);
    if (ACTIVE_STAGES.has(stage)) this.active++;
    const planned = text(v['计划结题日期']);
    if (planned && planned < this.asOf && !CLOSED_STAGES.has(stage)) this.overdue++;
    const approved = text(v['立项日期']);
    if (approved && approved >= this.start && approved <= this.end) this.fresh++;
  }

  /** The school's project figures. */
  finish(): Totals['projects'] {
    return { count: this.count, byLevelStage: this.table, active: this.active, overdue: this.overdue, newThisTerm: this.fresh };
  }
}
