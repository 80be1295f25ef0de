/**
 * A stand-in for the three group-robot webhooks on 127.0.0.1, holding each request to its platform's documented
 * shape (see server/reminders/webhooks.ts for the documents): method, JSON body, the key/token in the URL, and
 * DingTalk's and Feishu's signatures (HMAC-SHA256, timestamps within an hour). It answers as the platform does,
 * errors included, and keeps every message it accepted.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Robots {
  base: string;
  /** The webhooks as the server is configured with them. */
  hooks: { wecom: { url: string }; dingtalk: { url: string; secret: string }; feishu: { url: string; secret: string } };
  received: { channel: string; text: string }[];
  close(): Promise<void>;
}

const KEY = 'wecom-key-0001';
const TOKEN = 'dingtalk-token-0001';
const DING_SECRET = 'SECdingtalk';
const HOOK = 'feishu-hook-0001';
const FEISHU_SECRET = 'feishu-secret';

/**
 * Starts the robots. `now` is the platforms' clock for the one-hour timestamp window: the real one by default; a test
 * that runs the server on an injected clock gives the robots the same one (as the real platforms share the server's).
 */
export async function startRobots(opts: { now?: () => Date } = {}): Promise<Robots> {
  const now = opts.now ?? (() => new Date());
  const received: Robots['received'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const answer = (o: unknown) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(o));
      };
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return answer({ errcode: 40035, errmsg: 'invalid json' });
      }
      const jsonType = (req.headers['content-type'] ?? '').startsWith('application/json');
      if (req.method !== 'POST' || !jsonType) return answer({ errcode: 40035, errmsg: 'POST application/json only' });
      const within = (ms: number) => Math.abs(now().getTime() - ms) < 3600_000;
      if (url.pathname === '/cgi-bin/webhook/send') {
        if (url.searchParams.get('key') !== KEY) return answer({ errcode: 93000, errmsg: 'invalid webhook url' });
        const t = body.text as { content?: unknown } | undefined;
        if (body.msgtype !== 'text' || typeof t?.content !== 'string' || Object.keys(body).length !== 2) return answer({ errcode: 40008, errmsg: 'invalid message type' });
        received.push({ channel: 'wecom', text: t.content });
        return answer({ errcode: 0, errmsg: 'ok' });
      }
      if (url.pathname === '/robot/send') {
        if (url.searchParams.get('access_token') !== TOKEN) return answer({ errcode: 300001, errmsg: 'token is not exist' });
        const ts = url.searchParams.get('timestamp') ?? '';
        const sign = url.searchParams.get('sign') ?? '';
        const want = createHmac('sha256', DING_SECRET).update(`${ts}\n${DING_SECRET}`).digest('base64');
        if (!/^\d{13}$/.test(ts) || !within(Number(ts)) || sign !== want) return answer({ errcode: 310000, errmsg: 'sign not match' });
        const t = body.text as { content?: unknown } | undefined;
        if (body.msgtype !== 'text' || typeof t?.content !== 'string') return answer({ errcode: 40035, errmsg: 'missing text' });
        received.push({ channel: 'dingtalk', text: t.content });
        return answer({ errcode: 0, errmsg: 'ok' });
      }
      if (url.pathname === `/open-apis/bot/v2/hook/${HOOK}`) {
        const ts = String(body.timestamp ?? '');
        const want = createHmac('sha256', `${ts}\n${FEISHU_SECRET}`).update('').digest('base64');
        if (!/^\d{10}$/.test(ts) || !within(Number(ts) * 1000) || body.sign !== want) return answer({ code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' });
        const c = body.content as { text?: unknown } | undefined;
        if (body.msg_type !== 'text' || typeof c?.text !== 'string') return answer({ code: 9499, msg: 'Bad Request' });
        received.push({ channel: 'feishu', text: c.text });
        return answer({ code: 0, msg: 'success', data: {} });
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    hooks: {
      wecom: { url: `${base}/cgi-bin/webhook/send?key=${KEY}` },
      dingtalk: { url: `${base}/robot/send?access_token=${TOKEN}`, secret: DING_SECRET },
      feishu: { url: `${base}/open-apis/bot/v2/hook/${HOOK}`, secret: FEISHU_SECRET },
    },
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
