import { round } from './measureRun.ts';
import type { ToolFigures } from './runPhases.ts';

/** The targets for `fleetback` against the faster (or smaller) of restic and Kopia, as measured. */
export function judgeTargets(tools: Record<string, ToolFigures>) {
  const us = tools.fleetback!;
  const peers = [tools.restic!, tools.kopia!];
  const fastestBackup = Math.max(...peers.map((t) => t.firstBackup.MiBPerSecond));
  const fastestRestore = Math.max(...peers.map((t) => t.restore.MiBPerSecond));
  const smallest = Math.min(...peers.map((t) => t.repositoryBytes));
  const backupRatio = round(us.firstBackup.MiBPerSecond / fastestBackup);
  const restoreRatio = round(us.restore.MiBPerSecond / fastestRestore);
  const sizeRatio = round(us.repositoryBytes / smallest);
  return {
    firstBackup: { target: '>= 1.5x the faster peer', ratio: backupRatio, met: backupRatio >= 1.5 },
    restore: { target: '>= 1.5x the faster peer', ratio: restoreRatio, met: restoreRatio >= 1.5 },
    secondBackup: { target: '<= 5 % of the first', percent: us.secondBackup.percentOfFirst, met: us.secondBackup.percentOfFirst <= 5 },
    repository: { target: '<= 1.05x the smaller peer', ratio: sizeRatio, met: sizeRatio <= 1.05 },
  };
}
