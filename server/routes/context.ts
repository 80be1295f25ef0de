/** What every router is built from. */
import type { Logger } from 'pino';
import type { Store } from '../store/schema';
import type { UploadLimits } from '../upload/limits';
import type { UploadPool } from '../upload/pool';

/** Shared dependencies of the routers. */
export interface RouteContext {
  store: Store;
  logger: Logger;
  now: () => Date;
  limits: UploadLimits;
  /** Where uploads are read and validated, off the event loop. */
  pool: UploadPool;
}
