/** `yanbiao admin …`: schools, tokens and deadlines on the same store as the server (running or not). */
import { isTerm, parseTerm } from '../../shared';
import { currentDefinition, registerList } from '../store/registers';
import { isValidYmd } from '../../shared/normalise/date';
import { flag, parseArgs, type Command } from './command';
import { storeConfigFromEnv } from '../config';
import { audit } from '../store/audit';
import { setDeadline } from '../store/deadlines';
import { openStore } from '../store/open';
import type { Store } from '../store/schema';
import { addSchool, getSchool, SCHOOL_TYPES } from '../store/schools';
import { issueDistrictToken, issueSchoolToken } from '../store/tokens';

const USAGE = `用法：
  yanbiao admin add-school <编码> <名称> [--type 小学|九年制|初中]   添加学校并签发令牌
  yanbiao admin token <编码>                                      为学校签发新令牌（旧令牌作废）
  yanbiao admin district-token                                    签发区级令牌
  yanbiao admin deadline <学期> <类别> <YYYY-MM-DD>               设置截止日期（类别：登记表代码或名称，如 papers 或 论文投稿；
                                                                  学期写 YYYY-MM 时为该月学月反思的截止日）`;

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** Runs one admin command line on an open store; throws UsageError for bad input. */
export async function runAdmin(store: Store, args: string[], out: (s: string) => void): Promise<number> {
  const { positional, flags } = parseArgs(args);
  const [sub, ...rest] = positional;
  switch (sub) {
    case 'add-school': {
      const [code, name] = rest;
      if (!code || !name) throw new UsageError('add-school 需要 <编码> <名称>');
      if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/.test(code)) throw new UsageError(`学校编码只能用字母、数字、- 和 _（最多 32 个）：${code}`);
      const type = flag(flags, 'type') ?? '小学';
      if (!(SCHOOL_TYPES as readonly string[]).includes(type)) throw new UsageError(`学校类型应为 ${SCHOOL_TYPES.join('、')}：${type}`);
      if (!(await addSchool(store.db, { code, name, type }))) throw new UsageError(`编码 ${code} 已被使用`);
      await audit(store.db, { actor: 'cli', action: 'add-school', school: code, target: name, detail: { type } });
      const token = await issueSchoolToken(store.db, code);
      await audit(store.db, { actor: 'cli', action: 'token', school: code });
      out(`已添加学校 ${code} ${name}（${type}）。令牌只显示这一次：`);
      out(token);
      return 0;
    }
    case 'token': {
      const [code] = rest;
      if (!code) throw new UsageError('token 需要 <编码>');
      const school = await getSchool(store.db, code);
      if (!school) throw new UsageError(`没有编码为 ${code} 的学校`);
      const token = await issueSchoolToken(store.db, code);
      await audit(store.db, { actor: 'cli', action: 'token', school: code, detail: { revokedPrevious: true } });
      out(`已为 ${code} ${school.name} 签发新令牌，旧令牌已作废。令牌只显示这一次：`);
      out(token);
      return 0;
    }
    case 'district-token': {
      const token = await issueDistrictToken(store.db);
      await audit(store.db, { actor: 'cli', action: 'district-token' });
      out('已签发区级令牌。令牌只显示这一次：');
      out(token);
      return 0;
    }
    case 'deadline': {
      const [term, kindText, date] = rest;
      if (!term || !kindText || !date) throw new UsageError('deadline 需要 <学期> <类别> <YYYY-MM-DD>');
      // The register by its code (papers) or its Chinese title (论文投稿), among the definition in force.
      const registers = registerList(await currentDefinition(store.db));
      // Also a short title (论文 for 论文投稿) when it names one register only.
      const short = registers.filter((r) => r.title.startsWith(kindText) || kindText.startsWith(r.title));
      const kind = registers.find((r) => r.code === kindText || r.title === kindText)?.code ?? (short.length === 1 ? short[0].code : kindText);
      const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(term);
      if (!month && !isTerm(term)) throw new UsageError(`学期格式不正确：${term}（应为如 2025春，或学月反思的月份 2025-03）`);
      if (!registers.some((r) => r.code === kind)) throw new UsageError(`没有这张登记表：${kind}（可用：${registers.map((r) => `${r.code}=${r.title}`).join('、')}）`);
      if (month && kind !== 'reflections') throw new UsageError('按月的截止日期只用于学月反思（reflections）');
      // Date.parse accepts 2025-02-30 (it rolls over to March): check the calendar day itself.
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isValidYmd(+date.slice(0, 4), +date.slice(5, 7), +date.slice(8, 10))) throw new UsageError(`日期格式不正确：${date}（应为 YYYY-MM-DD）`);
      const key = month ? term : parseTerm(term).term;
      await setDeadline(store.db, key, kind, date);
      await audit(store.db, { actor: 'cli', action: 'deadline', target: key, detail: { kind, date } });
      out(`已设置 ${key} ${month ? '学月反思' : (registers.find((r) => r.code === kind)?.title ?? kind)}的截止日期：${date}`);
      return 0;
    }
    default:
      throw new UsageError(sub ? `未知的 admin 子命令：${sub}` : '缺少 admin 子命令');
  }
}

/** The admin command. */
export const adminCommand: Command = {
  options: { type: { type: 'string' } },
  name: 'admin',
  usage: 'admin add-school|token|district-token|deadline …',
  summary: '管理学校、令牌和截止日期（使用 YANBIAO_DATA 或 DATABASE_URL 指定的数据存储）',
  async run(args) {
    if (args.length === 0 || ['help', '-h', '--help'].includes(args[0])) {
      (args.length === 0 ? process.stderr : process.stdout).write(`${USAGE}\n`);
      return args.length === 0 ? 2 : 0;
    }
    const store = await openStore(storeConfigFromEnv());
    try {
      return await runAdmin(store, args, (s) => process.stdout.write(`${s}\n`));
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      process.stderr.write(`错误：${err.message}\n\n${USAGE}\n`);
      return 2;
    } finally {
      await store.close();
    }
  },
};
