import { unreachable } from '../../../schema/spec/unreachable.ts';
import { readCatalog } from '../backup/readCatalog.ts';
import { deleteBackupData } from '../backup/deleteBackupData.ts';
import { runBackup } from '../backup/runBackup.ts';
import type { KubeWrite } from '../kube/KubeWriter.ts';
import { runRestore } from '../restore/runRestore.ts';
import type { PodExec } from '../rules/PodExec.ts';
import { openObjectStore } from '../storage/openObjectStore.ts';
import { probeLocation } from '../storage/probeLocation.ts';
import type { JobHandler } from './JobRunner.ts';

/**
 * The agent's job handler: what each kind of job does, against this cluster's API (`kube`, and `exec` into its
 * pods for pre/post-exec rules) and the job's location.
 */
export function createJobHandler(kube: KubeWrite, exec: PodExec): JobHandler {
  return async (payload, context) => {
    switch (payload.kind) {
      case 'validateLocation':
        context.progress({ done: 0, total: 1, bytes: 0, message: 'writing, reading and deleting a probe object' });
        await probeLocation(payload.location, `.fleetback-probe-${context.jobId}`);
        context.progress({ done: 1, total: 1, bytes: 0, message: 'the location works' });
        return undefined;
      case 'backup':
        return runBackup(payload, { kube, exec, store: openObjectStore(payload.location) }, context);
      case 'deleteBackup':
        await deleteBackupData(payload.backup.id, payload.location, openObjectStore(payload.location), context);
        return undefined;
      case 'rebuildCatalog':
        return readCatalog(payload.location, openObjectStore(payload.location), context);
      case 'restore':
        return runRestore(payload, { kube, store: openObjectStore(payload.location) }, context);
      default:
        return unreachable(payload);
    }
  };
}
