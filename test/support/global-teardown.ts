/** jest globalTeardown: stops the PostgreSQL cluster globalSetup started (if it started one). */
import { stopCluster } from './pg-cluster';

/** Stops the cluster after the last test file. */
export default async function globalTeardown(): Promise<void> {
  const dir = process.env.YANBIAO_TEST_PG_DIR;
  const bin = process.env.YANBIAO_TEST_PG_BIN;
  if (dir && bin) stopCluster(bin, dir);
}
