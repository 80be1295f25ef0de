/** jest globalSetup: starts a throwaway PostgreSQL for the server tests (YANBIAO_TEST_PG_URL); in CI a missing one fails the run. */
import { pgBinDir, reapStale, startCluster } from './pg-cluster';

/** Starts the cluster (or notes its absence) before any test file runs. */
export default async function globalSetup(): Promise<void> {
  if (process.env.YANBIAO_TEST_PG_URL) return; // an existing server was given
  const bin = pgBinDir();
  if (!bin) {
    if (process.env.CI === 'true') throw new Error('CI 环境中找不到 PostgreSQL（/usr/lib/postgresql/*/bin/initdb）；请先运行 .ci/deps');
    process.stderr.write('未安装 PostgreSQL：PostgreSQL 部分的服务器测试将跳过（CI 中会失败）\n');
    return;
  }
  reapStale(bin);
  const cluster = await startCluster(bin);
  // Workers are forked after globalSetup and inherit these.
  process.env.YANBIAO_TEST_PG_URL = cluster.url;
  process.env.YANBIAO_TEST_PG_DIR = cluster.dir;
  process.env.YANBIAO_TEST_PG_BIN = bin;
}
