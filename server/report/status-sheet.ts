/** 上报情况: every school × kind with its state (未上报 / 已上报 / 已退回), version, rows, warnings and deadline. */
import type { StatusBoard } from '../../shared/contract';
import type { Summary } from '../../shared/metrics';
import { registersOf, titleOf } from '../../shared/registers/list';
import { fitWidths, type PlainCell } from './cells';
import { TableSheet, type Book } from './sheet';

/** Header row of 上报情况. */
export const STATUS_HEADERS = ['学校代码', '学校', '登记表', '状态', '上报时间', '版本', '行数', '警告数', '跨校警告', '截止日期', '是否逾期', '退回意见'];

const v = <T>(x: T | null | undefined): T | undefined => (x === null ? undefined : x);

/** An ISO instant as Beijing time (the schools' clock), `YYYY-MM-DD HH:mm`. */
export function beijingTime(iso: string | null): string | undefined {
  const t = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(t)) return undefined;
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The rows of 上报情况 from the board, one per school × register. */
export function fromBoard(board: StatusBoard, only?: string): PlainCell[][] {
  const out: PlainCell[][] = [];
  const titles = new Map(board.registers.map((r) => [r.code, r.name]));
  for (const s of board.schools) {
    if (only && s.code !== only) continue;
    for (const kind of board.kinds) {
      const c = s.kinds[kind];
      const title = titles.get(kind) ?? titleOf(kind);
      if (!c) {
        out.push([s.code, s.name, title, '未上报']);
        continue;
      }
      out.push([
        s.code,
        s.name,
        title,
        c.status,
        beijingTime(c.submittedAt),
        v(c.version),
        v(c.rows),
        v(c.warnings),
        c.crossWarnings || undefined,
        v(c.deadline) ?? v(board.deadlines[kind]),
        // 迟交: handed in after the deadline; 已逾期: not handed in with the deadline passed (as on the board).
        c.late ? (c.status === '已上报' ? '迟交' : '已逾期') : undefined,
        v(c.comment),
      ]);
    }
  }
  return out;
}

/** Without a board (e.g. a plain summary), a kind with rows counts as 已上报. */
function fromSummary(summary: Summary, only?: string): PlainCell[][] {
  const out: PlainCell[][] = [];
  for (const s of summary.schools) {
    if (only && s.code !== only) continue;
    for (const r of summary.registers ?? registersOf().map((x) => ({ code: x.code, name: x.title })))
      out.push([s.code, s.name, r.name, s.reported.includes(r.code) ? '已上报' : '未上报']);
  }
  return out;
}

/** Writes 上报情况 (a school's view: its own lines only). */
export async function writeStatusSheet(book: Book, summary: Summary, board: StatusBoard | undefined, only: string | undefined) {
  const rows = board ? fromBoard(board, only) : fromSummary(summary, only);
  const sheet = new TableSheet(book, { name: '上报情况', headers: STATUS_HEADERS, widths: fitWidths(STATUS_HEADERS, rows, [], 40), freezeCols: 2 });
  for (const r of rows) await sheet.add(r);
  await sheet.finish();
}
