/**
 * 催交 (district token): GET /api/v1/reminders/channels — the group robots configured on the server (names only; the
 * webhook URLs and secrets never leave it). POST /api/v1/terms/:term/reminders `{ schools, send? }` — the reminder
 * text for the chosen schools (what the board shows them owing, as of today), sent to the chosen robots when asked;
 * every reminder made is recorded in the audit log with its schools and where it went.
 */
import express, { Router } from 'express';
import { z } from 'zod';
import { todayIso } from '../../shared';
import { reminderText } from '../../shared/reminders';
import { actorOf, districtOnly, principal } from '../http/auth';
import { HttpError } from '../http/errors';
import { CHANNEL_NAMES, CHANNELS, sendTo, type Sent, type Webhooks } from '../reminders/webhooks';
import { audit } from '../store/audit';
import { requireTerm } from '../upload/ingest';
import { statusBoard } from '../views/status';
import type { RouteContext } from './context';

const ReminderRequest = z.object({
  schools: z.array(z.string().min(1).max(40)).min(1).max(1000),
  send: z.array(z.enum(CHANNELS)).max(CHANNELS.length).optional(),
});

export function reminderRoutes(ctx: RouteContext, webhooks: Webhooks): Router {
  const r = Router();

  r.get('/reminders/channels', districtOnly, (_req, res) => {
    res.json({ channels: CHANNELS.filter((c) => webhooks[c]).map((id) => ({ id, name: CHANNEL_NAMES[id] })) });
  });

  r.post('/terms/:term/reminders', districtOnly, express.json({ limit: '64kb' }), async (req, res) => {
    const term = requireTerm(req.params.term);
    const parsed = ReminderRequest.safeParse(req.body, { error: z.locales.zhCN().localeError });
    if (!parsed.success) throw new HttpError(400, 'bad_request', `请求格式不正确：${parsed.error.issues[0].path.join('.') || '(根)'} ${parsed.error.issues[0].message}`);
    const { schools, send = [] } = parsed.data;
    const missing = send.filter((c) => !webhooks[c]);
    if (missing.length) throw new HttpError(400, 'no_channel', `服务器没有配置${missing.map((c) => CHANNEL_NAMES[c]).join('、')}的机器人，无法发送`);
    const now = ctx.now();
    const board = await statusBoard(ctx.store, term, todayIso(now), null);
    const text = reminderText(board, schools);
    if (!text) throw new HttpError(422, 'nothing_to_remind', '所选学校的登记表都已上报，没有需要催交的');
    const sent: Sent[] = [];
    for (const c of send) sent.push(await sendTo(c, webhooks[c]!, text, now));
    await audit(ctx.store.db, { actor: actorOf(principal(req)), action: 'reminder', target: term, detail: { schools, channels: sent.map((s) => ({ channel: s.channel, ok: s.ok })) } }, now);
    res.json({ text, sent });
  });
  return r;
}
