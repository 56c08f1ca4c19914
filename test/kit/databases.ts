import type { WorldInfo } from '../world/WorldInfo.ts';
import type { Database } from './startTestHub.ts';

/** The databases a hub suite runs on: SQLite always, PostgreSQL when the world has it. */
export function databasesOf(world: WorldInfo): Database[] {
  return world.postgres ? ['sqlite', 'postgresql'] : ['sqlite'];
}
