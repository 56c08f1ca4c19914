import type { MikroORM } from '@mikro-orm/core';
import { createOrm } from '../../hub/src/server/createOrm.ts';
import { type StartTestHubOptions, startTestHub, type TestHub, type TestHubStorage } from './startTestHub.ts';

export interface SeedableHub extends TestHub, TestHubStorage {
  /** A second connection to the hub's database, for rows only an agent would write (finished backups). */
  orm: MikroORM;
}

/**
 * Like `startTestHub`, and also opens the hub's database, so suites can seed what agents will produce once
 * they exist. The hub's own connection is untouched; the seed connection is closed by `stop`.
 */
export async function startSeedableHub(options: StartTestHubOptions): Promise<SeedableHub> {
  const hub = await startTestHub(options);
  const orm = await createOrm({ dataDir: hub.dataDir, databaseUrl: hub.databaseUrl });
  return {
    ...hub,
    orm,
    async stop() {
      await orm.close();
      await hub.stop();
    },
  };
}
