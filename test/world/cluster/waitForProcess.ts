import type { ManagedProcess } from '../ManagedProcess.ts';
import { waitFor } from '../waitFor.ts';

/**
 * Waits until `probe` succeeds while `process` keeps running. On failure (the process exited, or it never
 * became ready) the process is stopped and the error carries its log tail, so a broken start explains itself.
 */
export async function waitForProcess<T>(
  process: ManagedProcess,
  probe: () => Promise<T | undefined | false>,
  options: { what: string; timeoutMs?: number; intervalMs?: number },
): Promise<T> {
  try {
    return await waitFor(probe, { ...options, abortIf: () => process.assertRunning() });
  } catch (error) {
    await process.stop();
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes(process.logFile)) throw error;
    throw new Error(`${process.name}: ${message}; log ${process.logFile}:\n${process.logTail()}`, {
      cause: error,
    });
  }
}
