import type { V1Status } from '@kubernetes/client-node';
import type { ExecEnd } from './PodExec.ts';

/**
 * Reads how a command ended from the `Status` the exec API sends on its error channel. Success is exit code
 * 0. A kubelet reports a non-zero exit as reason `NonZeroExitCode` with a cause `{reason: 'ExitCode',
 * message: '3'}`; other implementations (kwok) only say `exit status 3` in the message, which is read as a
 * fallback. Any other failure (the container is not running, the program does not exist) has no exit code.
 */
export function execEndOf(status: V1Status): ExecEnd {
  if (status.status === 'Success') return { kind: 'exited', exitCode: 0 };
  const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
  const fromCause = Number.parseInt(cause?.message ?? '', 10);
  if (Number.isSafeInteger(fromCause)) return { kind: 'exited', exitCode: fromCause };
  const message = status.message ?? status.reason ?? 'the command failed without a message';
  const fromMessage = /exit (?:status|code) (\d+)/.exec(message);
  if (fromMessage) return { kind: 'exited', exitCode: Number(fromMessage[1]) };
  return { kind: 'failed', message };
}
