import { type BackupFreshness, backupFreshness, type ScheduleRuns } from './backupFreshness.ts';
import type { FleetCluster, FleetSchedule } from './fleetQuery.ts';

/** When a cluster's last good backup was taken: its start (its data is as of then), else its creation. */
export function lastGoodAt(cluster: FleetCluster): string | null {
  const backup = cluster.lastSuccessfulBackup;
  return backup ? (backup.startedAt ?? backup.createdAt) : null;
}

/** Each cluster's freshness, from the fleet query's clusters and active schedules. */
export function clusterFreshness(
  clusters: readonly FleetCluster[],
  schedules: readonly FleetSchedule[],
  now: number,
): Map<string, BackupFreshness> {
  const byCluster = new Map<string, ScheduleRuns[]>();
  for (const s of schedules) {
    const list = byCluster.get(s.clusterId) ?? [];
    list.push(s);
    byCluster.set(s.clusterId, list);
  }
  return new Map(
    clusters.map((c) => [
      c.id,
      backupFreshness({ now, lastGoodAt: lastGoodAt(c), schedules: byCluster.get(c.id) ?? [] }),
    ]),
  );
}
