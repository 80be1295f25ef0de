/** What every router is built from. */
import type { Logger } from 'pino';
import type { Store } from '../store/schema';
import type { UploadLimits } from '../upload/limits';

/** Shared dependencies of the routers. */
export interface RouteContext {
  store: Store;
  logger: Logger;
  now: () => Date;
  limits: UploadLimits;
}
