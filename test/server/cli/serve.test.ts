/** `yanbiao serve` (what `npm start` runs) on an empty store: demo district, URL and tokens printed, tokens work. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_NODE_FLAG } from '../../../server/cli/serve';
import { termOf, todayIso } from '../../../shared/term';
import { childEnv, startChild } from '../../support/child-server';
import { storeKinds } from '../../support/pg';
import { openTestStore } from '../../support/store';

const ROOT = join(__dirname, '../../..');

test.each(storeKinds())('on %s: first start creates the demo district and prints working tokens; a restart creates nothing more', async (kind) => {
  const t = await openTestStore(kind);
  try {
    const first = await startChild(childEnv(t.env, { YANBIAO_DEMO: '1' }));
    let term = '';
    let district = '';
    const schools: Record<string, string> = {};
    try {
      const out = first.output();
      term = /已创建演示区县（(\d{4}[春秋])，6 所学校）/.exec(out)![1];
      // The server's only clock is the system's: the demo is this term's, today in China (test/clock/faketime.test.ts
      // runs this on each term's first and last day).
      expect(term).toBe(termOf(todayIso()));
      district = /区级令牌：(ybd_\S+)/.exec(out)![1];
      // The banner and its tokens go to stderr; stdout carries only the JSON request logs.
      await fetch(`${first.url}/healthz`);
      expect(first.stdout()).not.toMatch(/ybd_|ybs_|研表服务器已启动/);
      for (const m of out.matchAll(/^\s+(WTQ-[A-Z]+) \S+：(ybs_\S+)$/gm)) schools[m[1]] = m[2];
      expect(Object.keys(schools).sort()).toEqual(['WTQ-GY', 'WTQ-JS', 'WTQ-NH', 'WTQ-SY', 'WTQ-XB', 'WTQ-ZG']);
      const get = (path: string, token: string) => fetch(`${first.url}${path}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
      expect(await get('/api/v1/me', schools['WTQ-SY'])).toEqual({ role: 'school', school: { code: 'WTQ-SY', name: '五通桥区实验小学', type: '小学' } });
      const board = await get(`/api/v1/terms/${encodeURIComponent(term)}/status`, district);
      const status = Object.fromEntries(board.schools.map((s: { code: string; kinds: Record<string, { status: string }> }) => [s.code, Object.values(s.kinds).map((k) => k.status).join(',')]));
      expect(status['WTQ-SY']).toBe('已上报,已上报,已上报,已上报,已上报');
      expect(status['WTQ-XB']).toBe('已上报,未上报,未上报,已上报,未上报');
      expect(status['WTQ-GY']).toBe('未上报,未上报,未上报,未上报,未上报');
      // The planted copy: 实验小学's first paper title under a 竹根 teacher.
      const zg = await get(`/api/v1/terms/${encodeURIComponent(term)}/submissions`, schools['WTQ-ZG']);
      const papers = zg.submissions.find((s: { kind: string }) => s.kind === 'papers');
      expect(papers.crossSchool.some((f: { code: string; other: { school: string } }) => f.code === 'duplicate' && f.other.school === 'WTQ-SY')).toBe(true);
    } finally {
      await first.stop();
    }
    const second = await startChild(childEnv(t.env, { YANBIAO_DEMO: '1', YANBIAO_UPLOAD_WORKERS: '1' }));
    try {
      expect(first.output()).toMatch(/上报处理线程：[1-4] 个/);
      expect(second.output()).toContain('上报处理线程：1 个');
      expect(second.output()).not.toMatch(/已创建演示区县/);
      expect(second.output()).toMatch(/令牌只在签发时显示一次/);
      expect(second.output()).toContain(kind === 'postgres' ? '数据存储：PostgreSQL' : '数据存储：SQLite');
      const me = await fetch(`${second.url}/api/v1/me`, { headers: { authorization: `Bearer ${district}` } });
      expect(me.status).toBe(200);
    } finally {
      await second.stop();
    }
  } finally {
    await t.dispose();
  }
});

test('started as npm start and bin/yanbiao start it (node --single-threaded-gc) the banner is quiet; started bare, it says how to start it', async () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.scripts.start).toBe(`node ${SERVER_NODE_FLAG} bin/yanbiao serve`);
  expect(readFileSync(join(ROOT, 'bin/yanbiao'), 'utf8').split('\n')[0]).toBe(`#!/usr/bin/env -S node ${SERVER_NODE_FLAG}`);
  // The first line works here: the file run as a program, by its #! line.
  expect(execFileSync(join(ROOT, 'bin/yanbiao'), ['help'], { encoding: 'utf8' })).toContain('研表 yanbiao');
  const t = await openTestStore('sqlite');
  try {
    for (const flags of [[SERVER_NODE_FLAG], []]) {
      const s = await startChild(childEnv(t.env), flags);
      try {
        const note = /^提示：未以 node --single-threaded-gc 启动.*npm start.*$/m;
        if (flags.length) expect(s.output()).not.toMatch(note);
        else expect(s.output()).toMatch(note);
      } finally {
        await s.stop();
      }
    }
  } finally {
    await t.dispose();
  }
});
