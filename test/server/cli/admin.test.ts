/** `yanbiao admin …`: tokens alone on the last line, re-issue revokes, deadlines stored — on SQLite and PostgreSQL. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runAdmin, UsageError } from '../../../server/cli/admin';
import { termDeadlines } from '../../../server/store/deadlines';
import { lookupToken } from '../../../server/store/tokens';
import { childEnv } from '../../support/child-server';
import { storeKinds } from '../../support/pg';
import { openTestStore, type TestStore } from '../../support/store';

const run = promisify(execFile);
const BIN = join(__dirname, '..', '..', '..', 'bin', 'yanbiao');
const lastLine = (s: string) => s.trimEnd().split('\n').pop()!;

describe.each(storeKinds())('yanbiao admin on %s', (kind) => {
  let t: TestStore;
  /** In-process: the same code the command runs, without paying a process start per call. */
  const admin = async (...args: string[]) => {
    const lines: string[] = [];
    try {
      return { code: await runAdmin(t.store, args, (s) => lines.push(s)), stdout: lines.join('\n'), error: '' };
    } catch (err) {
      if (err instanceof UsageError) return { code: 2, stdout: lines.join('\n'), error: err.message };
      throw err;
    }
  };

  // A fresh store for every test: each test passes alone (-t) and in any order.
  beforeEach(async () => {
    t = await openTestStore(kind);
  });
  afterEach(() => t.dispose());
  /** 实验小学, added as the first test adds it with the real command. */
  const addSy = async () => expect((await admin('add-school', 'WTQ-SY', '五通桥区实验小学', '--type', '小学')).code).toBe(0);

  test('the real command: add-school prints a working token alone on the last line, exit 0; a bad call exits 2', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'admin', 'add-school', 'WTQ-SY', '五通桥区实验小学', '--type', '小学'], { env: childEnv(t.env) });
    const token = lastLine(stdout);
    expect(token).toMatch(/^ybs_[A-Za-z0-9_-]{32}$/);
    expect(await lookupToken(t.store.db, token)).toEqual(expect.objectContaining({ role: 'school', school: 'WTQ-SY' }));
    const bad = await run(process.execPath, [BIN, 'admin', 'token', 'NOPE'], { env: childEnv(t.env) }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/没有编码为 NOPE 的学校/);
  });

  test('add-school refuses a taken code, a bad code and an unknown type', async () => {
    await addSy();
    expect((await admin('add-school', 'WTQ-SY', '重复')).error).toMatch(/已被使用/);
    expect((await admin('add-school', 'WTQ X', '某校')).code).toBe(2);
    expect((await admin('add-school', 'WTQ-X', '某校', '--type', '大学')).error).toMatch(/学校类型/);
    const ok = await admin('add-school', 'WTQ-JZ', '五通桥区冠英镇九年制学校', '--type', '九年制');
    expect(ok.code).toBe(0);
    expect(lastLine(ok.stdout)).toMatch(/^ybs_/);
  });

  test('token re-issues and revokes the old one; district-token issues a district token; all audited', async () => {
    await addSy();
    const a = lastLine((await admin('token', 'WTQ-SY')).stdout);
    const b = lastLine((await admin('token', 'WTQ-SY')).stdout);
    expect(a).not.toBe(b);
    expect(await lookupToken(t.store.db, a)).toBeNull();
    expect((await lookupToken(t.store.db, b))?.school).toBe('WTQ-SY');
    const d = lastLine((await admin('district-token')).stdout);
    expect(d).toMatch(/^ybd_/);
    expect((await lookupToken(t.store.db, d))?.role).toBe('district');
    const actions = await t.store.db.selectFrom('audit').select(['action', 'school_code']).execute();
    // add-school's own token + two re-issues.
    expect(actions.filter((x) => x.action === 'token' && x.school_code === 'WTQ-SY').length).toBe(3);
    expect(actions.some((x) => x.action === 'district-token')).toBe(true);
  });

  test('deadline sets a term deadline and a month’s reflection deadline; bad input is refused', async () => {
    expect((await admin('deadline', '2025春', 'papers', '2025-06-20')).code).toBe(0);
    expect((await admin('deadline', '2025春', 'papers', '2025-06-27')).code).toBe(0);
    expect((await admin('deadline', '2025-03', 'reflections', '2025-04-03')).code).toBe(0);
    expect((await admin('deadline', '2025春', '课题登记', '2025-07-10')).code).toBe(0); // the Chinese title works too
    // …and a short title naming one register only; the answer is Chinese throughout.
    const short = await admin('deadline', '2025春', '课程', '2025-07-03');
    expect([short.code, lastLine(short.stdout)]).toEqual([0, '已设置 2025春 课程登记的截止日期：2025-07-03']);
    expect(await termDeadlines(t.store.db, '2025春')).toEqual({ papers: '2025-06-27', projects: '2025-07-10', courses: '2025-07-03' });
    expect(await termDeadlines(t.store.db, '2025-03')).toEqual({ reflections: '2025-04-03' });
    for (const bad of [['2025夏', 'papers', '2025-06-20'], ['2025春', 'essays', '2025-06-20'], ['2025春', 'all', '2025-06-20'], ['2025春', 'papers', '6/20'], ['2025春', 'papers', '2025-02-30'], ['2025-03', 'papers', '2025-04-03'], ['2025春']]) {
      expect([bad.join(' '), (await admin('deadline', ...bad)).code]).toEqual([bad.join(' '), 2]);
    }
    expect((await admin('nope')).error).toMatch(/未知的 admin 子命令/);
  });
});
