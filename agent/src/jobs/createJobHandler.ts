import { unreachable } from '#schema/contracts/unreachable';
import { readCatalog } from '../backup/readCatalog.ts';
import { deleteBackupData } from '../backup/deleteBackupData.ts';
import { runBackup } from '../backup/runBackup.ts';
import type { KubeWrite } from '../kube/KubeWriter.ts';
import { runKeyRotation } from '../repository/runKeyRotation.ts';
import { runRestore } from '../restore/runRestore.ts';
import type { PodExec } from '../rules/PodExec.ts';
import { probeLocation } from '../storage/probeLocation.ts';
import type { StallLimits } from '../storage/StallWatch.ts';
import type { JobHandler } from './JobRunner.ts';
import { openWatchedStore } from './openWatchedStore.ts';

/**
 * The agent's job handler: what each kind of job does, against this cluster's API (`kube`, and `exec` into its
 * pods for pre/post-exec rules) and the job's location, watched for stalls with `stall` (`openWatchedStore`):
 * a location that stops answering shows as a warning in the job's progress, then fails the job.
 */
export function createJobHandler(kube: KubeWrite, exec: PodExec, stall: StallLimits): JobHandler {
  return async (payload, jobContext) => {
    if (payload.kind === 'validateLocation') {
      // The probe bounds each of its requests itself.
      jobContext.progress({ done: 0, total: 1, bytes: 0, message: 'writing, reading and deleting a probe object' });
      await probeLocation(payload.location, `.fleetback-probe-${jobContext.jobId}`);
      jobContext.progress({ done: 1, total: 1, bytes: 0, message: 'the location works' });
      return undefined;
    }
    const { store, context, close } = openWatchedStore(payload.location, jobContext, stall);
    try {
      switch (payload.kind) {
        case 'backup':
          return await runBackup(payload, { kube, exec, store }, context);
        case 'deleteBackup':
          await deleteBackupData(payload.backup.id, payload.location, store, context);
          return undefined;
        case 'rebuildCatalog':
          return await readCatalog(payload.location, store, context);
        case 'restore':
          return await runRestore(payload, { kube, store }, context);
        case 'rotateRepositoryKey':
          return await runKeyRotation(payload, store, context);
        default:
          return unreachable(payload);
      }
    } finally {
      close();
    }
  };
}
