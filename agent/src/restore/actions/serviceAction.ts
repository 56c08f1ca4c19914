import type { RestoreAction } from './RestoreAction.ts';

/**
 * Services: the cluster IPs were allocated from the source cluster's service range, so they are cleared and
 * the target allocates its own; a headless Service (`clusterIP: None`) stays headless. Node ports are kept only
 * when the user chose them (they appear in the `kubectl.kubernetes.io/last-applied-configuration` annotation);
 * ports the source allocated are cleared, since they would likely collide with the target's own allocations
 * and fail the item. `healthCheckNodePort` is always allocated, so it is cleared too.
 */
export const serviceAction: RestoreAction = {
  appliesTo: { types: ['services'] },
  run: (object) => {
    const spec = (object.spec ?? {}) as Record<string, unknown>;
    if (spec.clusterIP !== 'None') {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    delete spec.healthCheckNodePort;
    const chosen = chosenNodePorts(object.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']);
    if (Array.isArray(spec.ports)) {
      for (const port of spec.ports as Record<string, unknown>[]) {
        if (typeof port.nodePort === 'number' && !chosen.has(port.nodePort)) delete port.nodePort;
      }
    }
    return { object };
  },
};

/** The node ports a `kubectl apply` manifest named explicitly. */
function chosenNodePorts(lastApplied: string | undefined): Set<number> {
  if (!lastApplied) return new Set();
  try {
    const manifest = JSON.parse(lastApplied) as { spec?: { ports?: { nodePort?: unknown }[] } };
    return new Set((manifest.spec?.ports ?? []).map((p) => p.nodePort).filter((p): p is number => typeof p === 'number'));
  } catch {
    return new Set();
  }
}
