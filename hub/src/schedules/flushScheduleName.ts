import type { EntityManager } from '@mikro-orm/core';
import { flushOrConflict } from '../db/flushOrConflict.ts';

/** Flushes, turning a clash of schedule names in the tenant into CONFLICT. */
export function flushScheduleName(em: EntityManager, name: string): Promise<void> {
  return flushOrConflict(em, `this tenant already has a backup schedule named '${name}'`);
}
