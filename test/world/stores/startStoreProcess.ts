import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManagedProcess } from '../ManagedProcess.ts';
import { waitForHttp } from './waitForHttp.ts';

export interface StoreProcessOptions {
  /** Log and temp-dir name, e.g. `minio`. */
  name: string;
  logDir: string;
  command: string;
  /** Arguments, given the empty temp directory the store keeps its data in. */
  args: (dataDir: string) => string[];
  env?: NodeJS.ProcessEnv;
  /** URL that answers once the store serves requests. */
  readyUrl: string;
  /** Which status of `readyUrl` means ready; 2xx by default. */
  ready?: (status: number) => boolean;
  timeoutMs?: number;
}

/** A running object-store process whose data directory goes away with it. */
export interface StoreProcess {
  stop(): Promise<void>;
  logTails(): string;
}

/**
 * Starts an object-store emulator with its data in a fresh temp directory and waits until `readyUrl`
 * answers. When it never gets ready the process is stopped and the directory removed before rethrowing,
 * because the caller gets no handle to clean up with.
 */
export async function startStoreProcess(options: StoreProcessOptions): Promise<StoreProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), `fleetback-${options.name}-`));
  const proc = new ManagedProcess({
    name: options.name,
    command: options.command,
    args: options.args(dataDir),
    logDir: options.logDir,
    env: { ...process.env, ...options.env },
  });
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= proc.stop().finally(() => rmSync(dataDir, { recursive: true, force: true }));
    return stopped;
  };
  try {
    await waitForHttp(options.readyUrl, {
      what: `${options.name} at ${options.readyUrl}`,
      timeoutMs: options.timeoutMs ?? 60_000,
      abortIf: () => proc.assertRunning(),
      ready: options.ready,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop, logTails: () => `----- ${proc.name} -----\n${proc.logTail()}` };
}
