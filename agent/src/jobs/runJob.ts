import { unreachable } from '../../../schema/spec/unreachable.ts';
import type { JobPayload } from '../../../schema/agent/JobPayload.ts';
import type { OperationOutcome } from '../../../schema/agent/OperationOutcome.ts';
import { probeFilesystemLocation } from '../storage/probeFilesystemLocation.ts';
import { JobFailure } from './JobFailure.ts';
import type { JobContext } from './JobRunner.ts';

/**
 * The agent's job handler: what each kind of job does. Backups, restores, deletions and the checks of
 * object-store locations need the storage adapters and the backup engine, which this agent version does
 * not have yet; such jobs fail at once with that reason instead of hanging.
 */
export async function runJob(payload: JobPayload, context: JobContext): Promise<OperationOutcome | undefined> {
  switch (payload.kind) {
    case 'validateLocation': {
      const { location } = payload;
      if (location.kind !== 'filesystem') {
        throw new JobFailure(`this agent version cannot check ${location.kind} locations yet; only filesystem ones`);
      }
      context.progress({ done: 0, total: 1, bytes: 0, message: `probing ${location.path}` });
      await probeFilesystemLocation(location.path, location.prefix, `.fleetback-probe-${context.jobId}`);
      context.progress({ done: 1, total: 1, bytes: 4096, message: 'probe written, read back and deleted' });
      return undefined;
    }
    case 'backup':
    case 'restore':
    case 'deleteBackup':
      throw new JobFailure(`this agent version cannot run ${payload.kind} jobs yet; upgrade the agent`);
    default:
      return unreachable(payload);
  }
}
