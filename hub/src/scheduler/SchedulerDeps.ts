import type { EntityManager } from '@mikro-orm/core';
import type { DispatchSignals } from '../dispatch/dispatchSignals.ts';
import type { Logger } from '../logging/Logger.ts';
import type { Clock } from './Clock.ts';

/** What each scheduler pass works with; `em()` sees every tenant, since the scheduler acts for the hub. */
export interface SchedulerDeps {
  em(): EntityManager;
  signals: DispatchSignals;
  clock: Clock;
  logger: Logger;
  /** How long a Failed backup stays listed before its leftovers are deleted. */
  failedBackupRetentionMs: number;
}
