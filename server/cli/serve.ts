/** `yanbiao serve`: opens the store (migrating it), creates the demo district on an empty store, and listens. */
import type { Command } from './command';
import { listenConfigFromEnv, storeConfigFromEnv, uploadWorkersFromEnv } from '../config';
import { DEFAULT_POOL } from '../upload/pool';
import { catchUpCrossChecks } from '../cross/check';
import { createDemoDistrict } from '../demo/district';
import { makeLogger } from '../http/logging';
import { startServer } from '../main';
import { openStore } from '../store/open';
import { listSchools } from '../store/schools';
import { autoPublishFromEnv } from '../sheets/auto-publish';

/**
 * The V8 option the server is meant to run with (`npm start` and bin/yanbiao's first line pass it): on a district's
 * usual 2-core machine V8's parallel garbage-collection helpers compete with the upload workers for the cores —
 * measured with bench/upload.ts (SQLite, 100 schools, 20 at a time), p99 2.2 s → 0.9 s and CPU per upload
 * 64 → 52 ms with it. A V8 option can only be given when node starts, not set from inside.
 */
export const SERVER_NODE_FLAG = '--single-threaded-gc';

/** The banner's note when the server was started without SERVER_NODE_FLAG (e.g. `node bin/yanbiao serve`). */
export function gcNote(execArgv: readonly string[]): string | null {
  return execArgv.includes(SERVER_NODE_FLAG) ? null : `提示：未以 node ${SERVER_NODE_FLAG} 启动；在 2 核机器上多校同时上报时会慢得多，请用 npm start 或 ./bin/yanbiao serve 启动（见 README）`;
}

/** The serve command. */
export const serveCommand: Command = {
  options: {},
  name: 'serve',
  usage: 'serve',
  summary: '启动区级服务器（HOST/PORT，默认 127.0.0.1:8080；YANBIAO_DATA 或 DATABASE_URL；TLS_CERT/TLS_KEY 启用 HTTPS；YANBIAO_DEMO=0 不建演示数据）',
  async run() {
    const listen = listenConfigFromEnv();
    const uploadWorkers = uploadWorkersFromEnv();
    const logger = makeLogger();
    // A long-running server: SQLite's checkpoints run on a thread of their own, not inside uploads' commits.
    const store = await openStore({ ...storeConfigFromEnv(), backgroundCheckpoints: true, onCheckpointError: (message) => logger.warn({ message }, 'background checkpoint failed') });
    // One write, so whoever reads the output sees the URL and the tokens together; on stderr, so the tokens never
    // land in the JSON request logs on stdout (and `serve > log.json` keeps them out of log files).
    const lines: string[] = [];
    const out = (s: string) => lines.push(s);
    let demo: Awaited<ReturnType<typeof createDemoDistrict>> | null = null;
    if (process.env.YANBIAO_DEMO !== '0' && (await listSchools(store.db)).length === 0) demo = await createDemoDistrict(store);
    const caughtUp = await catchUpCrossChecks(store);
    if (caughtUp > 0) logger.warn({ submissions: caughtUp }, 'cross-school checks caught up after an interrupted run');
    // A stray rejected promise must be logged, not take every school's connection down with it.
    process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
    const running = await startServer(store, listen, logger, uploadWorkers);
    // Republishes the district summary to Google Sheets after uploads when YANBIAO_SHEETS_SPREADSHEET is set.
    const sheets = autoPublishFromEnv(store, (level, msg, detail) => logger[level]({ detail }, msg));
    out(`研表服务器已启动：${running.url}`);
    out(`数据存储：${store.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} ${store.where}`);
    out(`上报处理线程：${uploadWorkers ?? DEFAULT_POOL.size} 个（读取与校验上传的工作簿；YANBIAO_UPLOAD_WORKERS 可改）`);
    const note = gcNote(process.execArgv);
    if (note) out(note);
    if (demo) {
      out(`已创建演示区县（${demo.term}，${demo.schools.length} 所学校）。令牌只显示这一次：`);
      out(`  区级令牌：${demo.district}`);
      for (const s of demo.schools) out(`  ${s.code} ${s.name}：${s.token}`);
    } else {
      out('令牌只在签发时显示一次；用 yanbiao admin token <学校编码> 或 yanbiao admin district-token 重新签发。');
    }
    process.stderr.write(`${lines.join('\n')}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await sheets?.stop();
    await running.close();
    await store.close();
    return 0;
  },
};
