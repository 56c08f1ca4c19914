import type { TestHub } from './startTestHub.ts';

export interface WatchableTenant {
  tenantId: string;
  /** Queues another location check; it stays Queued, as no agent runs it. Resolves to the job's id. */
  queueJob(): Promise<string>;
}

/**
 * Makes a tenant of `hub` with a registered cluster (no agent) and a location whose checks stay Queued:
 * suites about subscriptions watch such a job and end it with `cancelJob`.
 */
export async function jobToWatch(hub: TestHub, name: string): Promise<WatchableTenant> {
  const { createTenant } = await hub.admin<{ createTenant: { id: string } }>(
    'mutation($n: String!) { createTenant(input: { name: $n }) { id } }',
    { n: name },
  );
  const tenantId = createTenant.id;
  const { registerCluster } = await hub.admin<{ registerCluster: { cluster: { id: string } } }>(
    'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "watched" }) { cluster { id } } }',
    { t: tenantId },
  );
  const { createBackupLocation } = await hub.admin<{ createBackupLocation: { id: string } }>(
    'mutation($t: ID!) { createBackupLocation(input: { tenantId: $t, name: "disk", filesystem: { path: "/backups" } }) { id } }',
    { t: tenantId },
  );
  return {
    tenantId,
    queueJob: async () => {
      const { validateBackupLocation } = await hub.admin<{ validateBackupLocation: { id: string } }>(
        'mutation($l: ID!, $c: ID!) { validateBackupLocation(id: $l, clusterId: $c) { id } }',
        { l: createBackupLocation.id, c: registerCluster.cluster.id },
      );
      return validateBackupLocation.id;
    },
  };
}
