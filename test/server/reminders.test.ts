/**
 * 催交: the reminder text for the schools that owe registers, and sending it to WeCom, DingTalk and Feishu group
 * robots (a stand-in on 127.0.0.1 that holds each request to its platform's documented shape and signature).
 * Only the district may; the webhook addresses never reach the page; each reminder is audited.
 */
import request from 'supertest';
import type { StatusBoard } from '../../shared/contract';
import { unreportedCell } from '../../shared/contract';
import { defaultReminded, reminderText } from '../../shared/reminders';
import { startRobots, type Robots } from '../support/robots';
import { bearer, openDistrict, type TestDistrict } from '../support/store';
import * as F from '../support/fixture-district';

const submitted = { ...unreportedCell(), status: '已上报' as const, submissionId: 1, submittedAt: '2025-04-01T02:00:00Z', version: 1, rows: 3, warnings: 0 };

test('the text: each chosen school with what it owes, deadlines as schools read them, returned registers with the comment', () => {
  const board: StatusBoard = {
    term: '2025春',
    asOf: '2025-04-30',
    kinds: ['roster', 'papers', 'reflections'],
    registers: [
      { code: 'roster', name: '教师名册' },
      { code: 'papers', name: '论文投稿' },
      { code: 'reflections', name: '学月反思' },
    ],
    deadlines: { papers: '2025-04-20', reflections: '2025-05-30' },
    schools: [
      { code: 'A', name: '甲小学', type: '小学', kinds: { roster: submitted, papers: unreportedCell('2025-04-20', true), reflections: unreportedCell('2025-05-30') } },
      { code: 'B', name: '乙小学', type: '小学', kinds: { roster: submitted, papers: { ...submitted, status: '已退回', comment: '第3篇缺获奖等级' }, reflections: submitted } },
      { code: 'C', name: '丙小学', type: '小学', kinds: { roster: submitted, papers: submitted, reflections: submitted } },
    ],
  };
  expect(defaultReminded(board)).toEqual(['A', 'B']);
  expect(reminderText(board, ['A', 'B', 'C'])).toBe(
    [
      '【催交】2025春学期登记表上报通知（截至4月30日）',
      '以下 2 所学校还有登记表未上报，请尽快在研表中上报：',
      '1. 甲小学：论文投稿（截止4月20日，已逾期）；学月反思（截止5月30日）',
      '2. 乙小学：论文投稿已退回，请修改后重新上报（截止4月20日，已逾期），意见：第3篇缺获奖等级',
      '—— 区教科室',
    ].join('\n'),
  );
  expect(reminderText(board, ['C'])).toBe('');
});

describe('POST /api/v1/terms/:term/reminders', () => {
  let d: TestDistrict;
  let robots: Robots;
  // The server's clock, which the robots share (their signatures' timestamps must be within an hour of it).
  const now = () => F.NOW;
  // A fresh district and robots for every test (the audit log and what the robots received are compared whole):
  // each test passes alone (-t) and in any order.
  beforeEach(async () => {
    robots = await startRobots({ now });
    d = await openDistrict('sqlite', F.SCHOOLS, { now, webhooks: robots.hooks });
  });
  afterEach(async () => {
    await d.dispose();
    await robots.close();
  });
  const post = (token: string, body: unknown) => request(d.app).post(`/api/v1/terms/${encodeURIComponent(F.TERM)}/reminders`).set('Authorization', bearer(token)).send(body as object);

  test('the channels configured, by name only: no webhook address or key reaches the page', async () => {
    const res = await request(d.app).get('/api/v1/reminders/channels').set('Authorization', bearer(d.district));
    expect(res.body).toEqual({ channels: [{ id: 'wecom', name: '企业微信群' }, { id: 'dingtalk', name: '钉钉群' }, { id: 'feishu', name: '飞书群' }] });
    expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|key|token|secret/i);
  });

  test('sent to all three robots as each documents it, and audited', async () => {
    const res = await post(d.district, { schools: ['WTQ-A', 'WTQ-B'], send: ['wecom', 'dingtalk', 'feishu'] });
    expect(res.status).toBe(200);
    expect(res.body.sent).toEqual([
      { channel: 'wecom', ok: true, message: '已发送到企业微信群' },
      { channel: 'dingtalk', ok: true, message: '已发送到钉钉群' },
      { channel: 'feishu', ok: true, message: '已发送到飞书群' },
    ]);
    expect(res.body.text).toMatch(/^【催交】2025春学期登记表上报通知/);
    expect(res.body.text).toContain('1. 甲小学：教师名册');
    expect(res.body.text).toContain('2. 乙小学：');
    expect(res.body.text).not.toContain('丙小学');
    expect(robots.received).toEqual([
      { channel: 'wecom', text: res.body.text },
      { channel: 'dingtalk', text: res.body.text },
      { channel: 'feishu', text: res.body.text },
    ]);
    const audit = await request(d.app).get('/api/v1/audit?action=reminder').set('Authorization', bearer(d.district));
    expect(audit.body.entries.map((e: { action: string; target: string; detail: unknown }) => [e.action, e.target, e.detail])).toEqual([
      ['reminder', F.TERM, { schools: ['WTQ-A', 'WTQ-B'], channels: [{ channel: 'wecom', ok: true }, { channel: 'dingtalk', ok: true }, { channel: 'feishu', ok: true }] }],
    ]);
  });

  test('the text alone (to copy) is made and audited too; a school may not; nothing owed: 422; unknown channel: 400', async () => {
    const copy = await post(d.district, { schools: ['WTQ-C'] });
    expect([copy.status, copy.body.sent]).toEqual([200, []]);
    expect((await post(d.tokens['WTQ-A'], { schools: ['WTQ-A'] })).status).toBe(403);
    expect((await post(d.district, { schools: [] })).status).toBe(400);
    expect((await post(d.district, { schools: ['NOPE'] })).body.error.code).toBe('nothing_to_remind');
    expect((await post(d.district, { schools: ['WTQ-A'], send: ['qq'] })).status).toBe(400);
  });

  test("a robot that refuses (a wrong secret) is said in Chinese; the others still go", async () => {
    const wrong = await openDistrict('sqlite', F.SCHOOLS, { now, webhooks: { dingtalk: { ...robots.hooks.dingtalk, secret: 'SECwrong' }, wecom: robots.hooks.wecom } });
    try {
      const res = await request(wrong.app).post(`/api/v1/terms/${encodeURIComponent(F.TERM)}/reminders`).set('Authorization', bearer(wrong.district)).send({ schools: ['WTQ-A'], send: ['dingtalk', 'wecom'] });
      expect(res.body.sent).toEqual([
        { channel: 'dingtalk', ok: false, message: '钉钉群的机器人拒绝了这条消息：sign not match（请检查区里配置的机器人地址和密钥）' },
        { channel: 'wecom', ok: true, message: '已发送到企业微信群' },
      ]);
      const off = await request(wrong.app).post(`/api/v1/terms/${encodeURIComponent(F.TERM)}/reminders`).set('Authorization', bearer(wrong.district)).send({ schools: ['WTQ-A'], send: ['feishu'] });
      expect([off.status, off.body.error.message]).toEqual([400, '服务器没有配置飞书群的机器人，无法发送']);
    } finally {
      await wrong.dispose();
    }
  });
});
