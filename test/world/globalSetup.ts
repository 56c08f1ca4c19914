import type { TestProject } from 'vitest/node';
import { allPeers, type PeerName, startWorld } from './startWorld.ts';
import type { WorldInfo } from './WorldInfo.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    world: WorldInfo;
  }
}

/** Starts one test world for the whole integration run and stops it afterwards. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const requireAll = process.env.CI === 'true';
  const peers = process.env.FLEETBACK_WORLD_PEERS?.split(',').map((p) => p.trim());
  const unknown = peers?.filter((p) => !(allPeers as readonly string[]).includes(p));
  if (unknown?.length) throw new Error(`FLEETBACK_WORLD_PEERS: unknown peer(s) ${unknown.join(', ')}`);
  const world = await startWorld({ requireAll, peers: peers as PeerName[] | undefined });
  for (const m of world.info.missing) {
    console.warn(
      `\n!!! SKIPPING every suite that needs '${m.peer}': it is not built. Build it with: ${m.command}\n`,
    );
  }
  console.info(`test world up; logs in ${world.info.logDir}`);
  project.provide('world', world.info);
  return () => world.stop();
}
