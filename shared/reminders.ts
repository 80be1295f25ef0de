/**
 * 催交: the reminder a district officer sends to schools that have not handed in — which schools are chosen by
 * default, and the text itself (Chinese, ready to paste into a WeChat/QQ group or to send through a group robot).
 * One function for the page's preview and the server's sending, so both say the same. Types only from the contract:
 * the page bundles this without zod.
 */
import type { StatusBoard } from './contract';

type School = StatusBoard['schools'][number];

/** What a school still owes: the registers not handed in (or returned), with deadline and lateness. */
export interface Owed {
  code: string;
  name: string;
  items: { kind: string; title: string; state: '未上报' | '已退回'; deadline: string | null; overdue: boolean; comment: string | null }[];
}

/** Every school that owes something on the board, in board order. */
export function owedOf(board: StatusBoard): Owed[] {
  const titles = new Map(board.registers.map((r) => [r.code, r.name]));
  const out: Owed[] = [];
  for (const s of board.schools) {
    const items = board.kinds.flatMap((k) => {
      const c = s.kinds[k];
      const state = !c ? '未上报' : c.status;
      if (state === '已上报') return [];
      const deadline = c?.deadline ?? board.deadlines[k] ?? null;
      return [{ kind: k, title: titles.get(k) ?? k, state, deadline, overdue: deadline !== null && board.asOf > deadline, comment: c?.comment ?? null }];
    });
    if (items.length) out.push({ code: s.code, name: s.name, items });
  }
  return out;
}

/** The schools chosen by default: every school missing a register or with one returned. */
export function defaultReminded(board: StatusBoard): string[] {
  return owedOf(board).map((o) => o.code);
}

/** A date as schools read it: 6月20日. */
function md(iso: string): string {
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

function item(i: Owed['items'][number]): string {
  const when = i.deadline ? `（截止${md(i.deadline)}${i.overdue ? '，已逾期' : ''}）` : '';
  if (i.state === '已退回') return `${i.title}已退回，请修改后重新上报${when}${i.comment ? `，意见：${i.comment}` : ''}`;
  return `${i.title}${when}`;
}

/** The reminder text for the chosen schools (none chosen, or none owing: an empty string). */
export function reminderText(board: StatusBoard, schools: readonly string[], from = '区教科室'): string {
  const chosen = new Set(schools);
  const owed = owedOf(board).filter((o) => chosen.has(o.code));
  if (!owed.length) return '';
  const lines = [
    `【催交】${board.term}学期登记表上报通知（截至${md(board.asOf)}）`,
    `以下 ${owed.length} 所学校还有登记表未上报，请尽快在研表中上报：`,
    ...owed.map((o, n) => `${n + 1}. ${o.name}：${o.items.map(item).join('；')}`),
    `—— ${from}`,
  ];
  return lines.join('\n');
}
