import type { TestProject } from 'vitest/node';
import { startWorld } from './startWorld.ts';
import type { WorldInfo } from './WorldInfo.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    world: WorldInfo;
  }
}

/** Starts one test world for the whole integration run and stops it afterwards. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const requireAll = process.env.CI === 'true';
  const world = await startWorld({ requireAll });
  for (const m of world.info.missing) {
    console.warn(`\n!!! SKIPPING every suite that needs '${m.peer}': it is not built. Build it with: ${m.command}\n`);
  }
  console.info(`test world up; logs in ${world.info.logDir}`);
  project.provide('world', world.info);
  return () => world.stop();
}
