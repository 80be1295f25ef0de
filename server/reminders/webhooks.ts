/**
 * Sending a reminder to a school group through a group robot's webhook: 企业微信 (WeCom), 钉钉 (DingTalk) and
 * 飞书 (Feishu), each as its platform documents the request (text message; DingTalk's and Feishu's optional
 * signature). The webhook URLs and secrets are the district's, configured on the server and never sent to the page.
 *
 * - WeCom group robot: POST {url} (…/cgi-bin/webhook/send?key=…), `{"msgtype":"text","text":{"content":…}}`,
 *   answer `{"errcode":0,"errmsg":"ok"}`.
 * - DingTalk custom robot: POST {url} (…/robot/send?access_token=…), same body; with a secret, `&timestamp=<ms>&sign=`
 *   URL-encoded base64 of HMAC-SHA256(secret, "<timestamp>\n<secret>"); answer `{"errcode":0,"errmsg":"ok"}`.
 * - Feishu custom bot: POST {url} (…/open-apis/bot/v2/hook/…), `{"msg_type":"text","content":{"text":…}}`; with a
 *   secret, `timestamp` (seconds) and `sign` = base64 of HMAC-SHA256 keyed by "<timestamp>\n<secret>" over an empty
 *   message; answer `{"code":0,"msg":"success"}`.
 */
import { createHmac } from 'node:crypto';

/** The platforms a reminder can go to. */
export const CHANNELS = ['wecom', 'dingtalk', 'feishu'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What the officer sees on the button. */
export const CHANNEL_NAMES: Record<Channel, string> = { wecom: '企业微信群', dingtalk: '钉钉群', feishu: '飞书群' };

/** One configured robot. */
export interface Webhook {
  url: string;
  secret?: string;
}

export type Webhooks = Partial<Record<Channel, Webhook>>;

const ENV: Record<Channel, [string, string]> = {
  wecom: ['YANBIAO_WECOM_WEBHOOK', ''],
  dingtalk: ['YANBIAO_DINGTALK_WEBHOOK', 'YANBIAO_DINGTALK_SECRET'],
  feishu: ['YANBIAO_FEISHU_WEBHOOK', 'YANBIAO_FEISHU_SECRET'],
};

/** A webhook URL the server may call: https, or http to this machine (a stand-in). */
export function acceptableUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || (u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost'));
  } catch {
    return false;
  }
}

/** The robots configured in the environment (YANBIAO_WECOM_WEBHOOK, YANBIAO_DINGTALK_WEBHOOK and _SECRET, …). */
export function webhooksFromEnv(env: NodeJS.ProcessEnv = process.env): Webhooks {
  const out: Webhooks = {};
  for (const c of CHANNELS) {
    const [urlVar, secretVar] = ENV[c];
    const url = env[urlVar]?.trim();
    if (!url || !acceptableUrl(url)) continue;
    const secret = secretVar ? env[secretVar]?.trim() : undefined;
    out[c] = secret ? { url, secret } : { url };
  }
  return out;
}

/** The HTTP request a platform expects for a text message. */
export function requestFor(channel: Channel, hook: Webhook, text: string, now: Date): { url: string; body: Record<string, unknown> } {
  switch (channel) {
    case 'wecom':
      return { url: hook.url, body: { msgtype: 'text', text: { content: text } } };
    case 'dingtalk': {
      if (!hook.secret) return { url: hook.url, body: { msgtype: 'text', text: { content: text } } };
      const ts = String(now.getTime());
      const sign = createHmac('sha256', hook.secret).update(`${ts}\n${hook.secret}`).digest('base64');
      const url = `${hook.url}${hook.url.includes('?') ? '&' : '?'}timestamp=${ts}&sign=${encodeURIComponent(sign)}`;
      return { url, body: { msgtype: 'text', text: { content: text } } };
    }
    case 'feishu': {
      const body: Record<string, unknown> = { msg_type: 'text', content: { text } };
      if (hook.secret) {
        const ts = String(Math.floor(now.getTime() / 1000));
        body.timestamp = ts;
        body.sign = createHmac('sha256', `${ts}\n${hook.secret}`).update('').digest('base64');
      }
      return { url: hook.url, body };
    }
  }
}

/** What came of one sending. */
export interface Sent {
  channel: Channel;
  ok: boolean;
  message: string;
}

/** Sends the text to one robot (10 s at most); the outcome in Chinese, never a throw. */
export async function sendTo(channel: Channel, hook: Webhook, text: string, now: Date, timeoutMs = 10_000): Promise<Sent> {
  const { url, body } = requestFor(channel, hook, text, now);
  const name = CHANNEL_NAMES[channel];
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    return { channel, ok: false, message: `没能连上${name}的机器人（网络不通或超时），请稍后再试` };
  }
  const answer = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  const code = answer ? (answer.errcode ?? answer.code ?? answer.StatusCode) : undefined;
  if (res.ok && (code === 0 || code === '0')) return { channel, ok: true, message: `已发送到${name}` };
  const why = answer ? String(answer.errmsg ?? answer.msg ?? answer.StatusMessage ?? '') : `HTTP ${res.status}`;
  return { channel, ok: false, message: `${name}的机器人拒绝了这条消息：${why || `HTTP ${res.status}`}（请检查区里配置的机器人地址和密钥）` };
}
