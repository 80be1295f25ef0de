/** The canonical value lists the metrics group by, taken from the engine's value sets (never retyped). */
import { VALUE_SETS } from '../templates/value-sets';

/** 国家级 … 校级. */
export const LEVELS = Object.keys(VALUE_SETS.level.values);
/** 特等奖 … 优秀奖. */
export const AWARDS = Object.keys(VALUE_SETS.award.values);
/** 申报 … 撤销. */
export const STAGES = Object.keys(VALUE_SETS.projectStage.values);
/** 示范课 … 外出培训. */
export const COURSE_TYPES = Object.keys(VALUE_SETS.courseType.values);

/** Levels that count for the paper target: 区县级 or higher. */
export const TARGET_LEVELS = new Set(['国家级', '省级', '市级', '区县级']);
/** Awards that count for the paper target: 二等奖 or better. */
export const TARGET_AWARDS = new Set(['特等奖', '一等奖', '二等奖']);
/** Project stages that mean the project is being researched (在研). */
export const ACTIVE_STAGES = new Set(['立项', '开题', '中期', '延期']);
/** Stages after which a project can no longer be overdue. */
export const CLOSED_STAGES = new Set(['结题', '撤销']);
/** Course types that are public lessons (公开课). */
export const PUBLIC_LESSON_TYPES = new Set(['示范课', '研究课', '汇报课', '竞赛课', '交流课', '送教课']);
/** The course type whose 学时 are training hours. */
export const TRAINING_TYPE = '外出培训';
