import { existsSync } from 'node:fs';

/** Debian's Chromium (`apt-get install chromium`); FLEETBACK_CHROMIUM names another build. */
export const chromiumPath = process.env.FLEETBACK_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumInstallCommand = 'apt-get install chromium';

/** Chromium is not installed, so the browser suites cannot run. */
export class ChromiumMissingError extends Error {
  override readonly name = 'ChromiumMissingError';
  constructor(readonly path: string = chromiumPath) {
    super(`the browser tests need Chromium at ${path}; install it with: ${chromiumInstallCommand}`);
  }
}

let warned = false;

/**
 * Whether the browser suites can run. Like a missing test-world peer (test/world/startWorld.ts), a missing
 * Chromium skips them with a loud line, except under CI=true, where it throws and so fails the suite.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI === 'true') throw new ChromiumMissingError();
  if (!warned) {
    warned = true;
    console.warn(`\n!!! SKIPPING the browser suites (test/console): ${new ChromiumMissingError().message}\n`);
  }
  return false;
}
