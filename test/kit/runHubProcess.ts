import { type ChildProcess, spawn } from 'node:child_process';
import { repoRoot } from '../world/peerBinary.ts';
import { waitFor } from '../world/waitFor.ts';

export interface HubProcess {
  child: ChildProcess;
  /** What the process wrote so far, stdout and stderr together. */
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Runs `fleetback hub` from source as its own process on a free loopback port, with `env` added. The caller
 * kills it (`child.kill`) when done.
 */
export function runHubProcess(env: NodeJS.ProcessEnv, args: string[] = []): HubProcess {
  // Node itself with tsx's loader, not the tsx command: that one runs the hub in a grandchild, which a SIGKILL
  // of the command leaves running (every killed test hub stayed behind, listening, until the machine stopped).
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/kit/runHubMain.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, FLEETBACK_HOST: '127.0.0.1', FLEETBACK_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

/** The http://host:port the hub process listens on, once its log says so. */
export async function listeningUrl(hub: HubProcess): Promise<string> {
  return waitFor(async () => hub.output().match(/"url":"(http:\/\/[^"]+)\/graphql"/)?.[1], {
    what: `the hub to listen; output so far:\n${hub.output()}`,
    timeoutMs: 60_000,
  });
}
