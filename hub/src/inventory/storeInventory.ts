import type { EntityManager } from '@mikro-orm/core';
import type { NamespaceInventory } from '#schema/agent/ClusterInventory';
import { ClusterNamespaceEntity } from './ClusterNamespaceEntity.ts';

export interface InventoryUpdate {
  /** True: `upserted` is the whole inventory and every other namespace is gone. */
  full: boolean;
  upserted: NamespaceInventory[];
  removed: string[];
}

/** Writes an agent's inventory report for its cluster, in one transaction. */
export async function storeInventory(
  em: EntityManager,
  cluster: { id: string; tenantId: string },
  update: InventoryUpdate,
): Promise<void> {
  const now = new Date();
  await em.transactional(async (tx) => {
    if (update.full) {
      await tx.nativeDelete(ClusterNamespaceEntity, { clusterId: cluster.id });
    } else {
      const names = [...update.removed, ...update.upserted.map((n) => n.name)];
      if (names.length > 0) await tx.nativeDelete(ClusterNamespaceEntity, { clusterId: cluster.id, name: { $in: names } });
    }
    if (update.upserted.length > 0) {
      await tx.insertMany(
        ClusterNamespaceEntity,
        update.upserted.map((ns) => ({ clusterId: cluster.id, tenantId: cluster.tenantId, ...ns, updatedAt: now })),
      );
    }
  });
}
