/** `yanbiao sheets publish|import`: Google Sheets sync from the command line, on the server's store. */
import { storeConfigFromEnv } from '../config';
import { HttpError } from '../http/errors';
import { openStore } from '../store/open';
import type { Store } from '../store/schema';
import { startAutoPublish } from '../sheets/auto-publish';
import { createSheetsClient, type SheetsClient } from '../sheets/client';
import { sheetsConfigFromEnv } from '../sheets/config';
import { SheetsError } from '../sheets/errors';
import { importFromSheets } from '../sheets/import';
import { spreadsheetIdOf } from '../sheets/links';
import { publishTerm } from '../sheets/publish-term';
import { requireTerm } from '../upload/ingest';
import { flag, parseArgs, type Command, OPTIONS } from './command';

const USAGE = `用法：
  yanbiao sheets publish --term 2025春 --spreadsheet <表格ID或网址> [--watch]
      把区级汇总和上报情况写入 Google 表格；--watch 在每次有新上报后自动重新发布（最多每分钟一次），Ctrl+C 结束
  yanbiao sheets import --school <学校编码> --term 2025春 [--spreadsheet <表格ID或网址> --range <范围>]
      读取学校登记的 Google 表格范围，按普通上报一样校验并保存为新版本（给出表格和范围时同时登记）
需要 GOOGLE_APPLICATION_CREDENTIALS（服务账号密钥文件）或 GOOGLE_OAUTH_ACCESS_TOKEN；数据存储同服务器（YANBIAO_DATA 或 DATABASE_URL）。`;

class UsageError extends Error {}

type Out = (s: string) => void;

function client(): SheetsClient {
  const config = sheetsConfigFromEnv();
  if (!config) throw new SheetsError('not_configured', '未配置 Google 表格：请设置 GOOGLE_APPLICATION_CREDENTIALS（服务账号密钥文件）或 GOOGLE_OAUTH_ACCESS_TOKEN');
  return createSheetsClient(config);
}

/** Resolves on Ctrl+C / SIGTERM. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

async function publish(store: Store, flags: Record<string, string | true>, out: Out): Promise<number> {
  const term = requireTerm(flag(flags, 'term') ?? '');
  const raw = flag(flags, 'spreadsheet', 'spreadsheet-id') ?? process.env.YANBIAO_SHEETS_SPREADSHEET ?? '';
  const spreadsheetId = spreadsheetIdOf(raw);
  if (!spreadsheetId) throw new UsageError(raw ? `Google 表格 ID 不正确：${raw}` : '缺少 --spreadsheet <表格ID或网址>');
  const c = client();
  const r = await publishTerm(store, c, spreadsheetId, term);
  for (const t of r.tabs) out(`已${t.created ? '新建并' : ''}写入“${t.title}”：${t.rows} 行 × ${t.columns} 列`);
  out(`已发布 ${term} 到 Google 表格 ${spreadsheetId}（统计截至 ${r.asOf}）`);
  if (flags.watch !== true) return 0;
  // Listen for Ctrl+C before saying so: a signal right after the message must stop the watcher, not kill the process.
  const signalled = untilSignal();
  out('正在等待新的上报（最多每分钟发布一次），按 Ctrl+C 结束……');
  const watcher = startAutoPublish({
    store,
    client: c,
    spreadsheetId,
    term,
    onEvent: (e) => {
      const now = new Date().toISOString().replace('T', ' ').slice(0, 19);
      if (e.type === 'published') out(`${now} 有新上报，已重新发布`);
      if (e.type === 'retry') out(`${now} ${e.error.message}（${Math.round(e.waitMs / 1000)} 秒后重试）`);
      if (e.type === 'failed') out(`${now} 发布失败：${e.error instanceof Error ? e.error.message : String(e.error)}`);
      if (e.type === 'watch-error') out(`${now} 检查新上报时出错：${e.error instanceof Error ? e.error.message : String(e.error)}`);
    },
  });
  await signalled;
  await watcher.stop();
  return 0;
}

async function importSheet(store: Store, flags: Record<string, string | true>, out: Out): Promise<number> {
  const school = flag(flags, 'school');
  if (!school) throw new UsageError('缺少 --school <学校编码>');
  const { receipt, link } = await importFromSheets(store, client(), {
    school,
    term: flag(flags, 'term') ?? '',
    spreadsheetId: flag(flags, 'spreadsheet', 'spreadsheet-id'),
    range: flag(flags, 'range'),
    actor: 'cli',
    byDistrict: true,
  });
  out(`已从 Google 表格 ${link.spreadsheetId}（${link.range}）导入 ${receipt.school.code} ${receipt.school.name} ${receipt.term}：`);
  for (const s of receipt.submissions) out(`  ${s.sheet}：第 ${s.version} 版，${s.rows} 行，${s.warnings} 个警告`);
  return 0;
}

/** The sheets command. */
export const sheetsCommand: Command = {
  options: { term: OPTIONS.term, spreadsheet: { type: 'string' }, 'spreadsheet-id': { type: 'string' }, watch: { type: 'boolean' }, school: { type: 'string' }, range: { type: 'string' } },
  name: 'sheets',
  usage: 'sheets publish|import …',
  summary: '与 Google 表格同步：发布区级汇总和上报情况，或从学校的 Google 表格导入登记表',
  async run(args) {
    const { positional, flags } = parseArgs(args, ['watch']);
    const [sub] = positional;
    const out: Out = (s) => process.stdout.write(`${s}\n`);
    if (sub !== 'publish' && sub !== 'import') {
      process.stderr.write(`${sub ? `未知的 sheets 子命令：${sub}` : '缺少 sheets 子命令'}\n\n${USAGE}\n`);
      return 2;
    }
    const store = await openStore(storeConfigFromEnv());
    try {
      return sub === 'publish' ? await publish(store, flags, out) : await importSheet(store, flags, out);
    } catch (err) {
      if (err instanceof UsageError) {
        process.stderr.write(`错误：${err.message}\n\n${USAGE}\n`);
        return 2;
      }
      if (err instanceof HttpError && err.findings) {
        process.stderr.write(`错误：${err.message}\n`);
        for (const f of err.findings) process.stderr.write(`  ${f.sheet} 第 ${f.row} 行 ${f.col} 列（${f.field}）：${f.message}\n`);
        return 1;
      }
      if (err instanceof HttpError || err instanceof SheetsError) {
        process.stderr.write(`错误：${err.message}\n`);
        return 2;
      }
      throw err;
    } finally {
      await store.close();
    }
  },
};
