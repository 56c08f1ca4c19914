import { expect } from 'vitest';
import type { Manifest } from './realisticApplication.ts';

// The oracle is the documentation, not the code: schema/format/README.md ("Cleaned fields") and the restore
// actions' contracts (agent/src/restore/actions/*), written out here again.

/** The `metadata` fields format v1 leaves out of every archived object; `status` goes too. */
const cleanedMetadataFields = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
];

/** Annotations of a PVC recording how the source cluster bound it; the restore drops them. */
const bindingAnnotations = ['pv.kubernetes.io/bind-completed', 'pv.kubernetes.io/bound-by-controller'];

/** The labels by which a Job's selector finds its pods; the server generates them from the Job's uid. */
const jobUidLabels = ['controller-uid', 'batch.kubernetes.io/controller-uid'];

/** Which restore put an object where. */
export interface RoundTrip {
  source: string;
  target: string;
  backupId: string;
  restoreId: string;
}

interface ServicePort {
  name?: string;
  port: number;
  nodePort?: number;
}

/** A copy of `object` without the fields format v1 does not archive. */
export function withoutCleanedFields(object: Manifest): Manifest {
  const copy = structuredClone(object);
  for (const field of cleanedMetadataFields) delete copy.metadata[field];
  delete copy.status;
  return copy;
}

const lastAppliedKey = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The object read from the source cluster as the restore is documented to write it into the target: cleaned,
 * labelled with the backup and the restore (a Service annotated instead), moved to the target namespace (a
 * Namespace renamed, with the name label the server gives every namespace; the last-applied-configuration
 * following), and with the per-kind fix-ups applied — a Service's cluster
 * IPs and the node ports the user did not choose cleared, a PV's claimRef pointed at the target namespace
 * without the source claim's uid, a PVC's binding annotations dropped, a RoleBinding's subjects mapped, a
 * Job's uid-derived selector labels dropped (the target generates its own).
 */
export function expectedRestored(original: Manifest, trip: RoundTrip): Manifest {
  const expected = withoutCleanedFields(original);
  const { metadata } = expected;
  const marks = { 'fleetback.io/backup': trip.backupId, 'fleetback.io/restore': trip.restoreId };
  // The endpoints controllers copy a Service's labels onto what they make, so a Service is marked by annotations.
  if (expected.kind === 'Service') metadata.annotations = { ...metadata.annotations, ...marks };
  else metadata.labels = { ...metadata.labels, ...marks };
  if (expected.kind === 'Namespace') {
    metadata.name = trip.target;
    metadata.labels = { ...metadata.labels, 'kubernetes.io/metadata.name': trip.target };
  } else if (metadata.namespace === trip.source) {
    metadata.namespace = trip.target;
  }
  const lastApplied = metadata.annotations?.[lastAppliedKey];
  if (lastApplied !== undefined && metadata.annotations) {
    const manifest = JSON.parse(lastApplied) as { metadata: { name?: string; namespace?: string } };
    const field = expected.kind === 'Namespace' ? 'name' : 'namespace';
    if (manifest.metadata[field] === trip.source) manifest.metadata[field] = trip.target;
    metadata.annotations[lastAppliedKey] = `${JSON.stringify(manifest)}\n`;
  }
  const spec = expected.spec as Record<string, unknown> | undefined;
  switch (expected.kind) {
    case 'Service':
      withoutAssignedAddresses(expected, () => undefined);
      break;
    case 'PersistentVolume': {
      const claimRef = spec?.claimRef as Record<string, unknown> | undefined;
      if (claimRef) {
        delete claimRef.uid;
        delete claimRef.resourceVersion;
        if (claimRef.namespace === trip.source) claimRef.namespace = trip.target;
      }
      break;
    }
    case 'PersistentVolumeClaim':
      for (const key of bindingAnnotations) delete metadata.annotations?.[key];
      break;
    case 'RoleBinding':
      for (const subject of (expected.subjects ?? []) as { namespace?: string }[]) {
        if (subject.namespace === trip.source) subject.namespace = trip.target;
      }
      break;
    case 'Job':
      withoutJobUidLabels(expected, () => undefined);
      break;
  }
  return expected;
}

/**
 * The object read from the target cluster, cleaned, without what the target assigned in place of the
 * documented fix-ups — each checked to be there: a Service's cluster IP and node ports, the uid of the claim
 * a PV is bound to, a bound PVC's binding annotations, a Job's uid-derived selector labels.
 */
export function withoutTargetAssignments(restored: Manifest, uid: string): Manifest {
  const object = withoutCleanedFields(restored);
  const what = `${object.kind} ${object.metadata.name}`;
  const spec = object.spec as Record<string, unknown> | undefined;
  switch (object.kind) {
    case 'Service':
      withoutAssignedAddresses(object, (field, value) => {
        if (field === 'clusterIP') expect(value, `${what}: ${field}`).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
        else expect(value, `${what}: ${field}`).toBeGreaterThanOrEqual(30_000);
      });
      break;
    case 'PersistentVolume': {
      const claimRef = spec?.claimRef as Record<string, unknown> | undefined;
      if (claimRef) {
        expect(claimRef.uid, `${what}: the uid of the claim bound in the target`).toEqual(expect.any(String));
        delete claimRef.uid;
        delete claimRef.resourceVersion;
      }
      break;
    }
    case 'PersistentVolumeClaim':
      if (spec?.volumeName) {
        expect(object.metadata.annotations?.['pv.kubernetes.io/bind-completed'], `${what}: bound in the target`).toBe('yes');
      }
      for (const key of bindingAnnotations) delete object.metadata.annotations?.[key];
      break;
    case 'Job':
      withoutJobUidLabels(object, (label, value) => expect(value, `${what}: ${label}`).toBe(uid));
      break;
  }
  return object;
}

/**
 * Removes what a cluster allocates for a Service: cluster IPs (unless headless), the health-check node port
 * and node ports not chosen by the user (absent from the last-applied manifest); `seen` gets each value.
 */
function withoutAssignedAddresses(service: Manifest, seen: (field: string, value: unknown) => void): void {
  const spec = service.spec as { clusterIP?: string; clusterIPs?: string[]; healthCheckNodePort?: number; ports?: ServicePort[] };
  if (spec.clusterIP !== 'None') {
    seen('clusterIP', spec.clusterIP);
    delete spec.clusterIP;
    delete spec.clusterIPs;
  }
  delete spec.healthCheckNodePort;
  const chosen = chosenNodePorts(service);
  for (const port of spec.ports ?? []) {
    if (port.nodePort !== undefined && !chosen.has(port.nodePort)) {
      seen(`nodePort of ${port.name ?? port.port}`, port.nodePort);
      delete port.nodePort;
    }
  }
}

function chosenNodePorts(service: Manifest): Set<number> {
  const applied = service.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
  const manifest = JSON.parse(applied ?? '{}') as { spec?: { ports?: ServicePort[] } };
  return new Set((manifest.spec?.ports ?? []).flatMap((p) => (p.nodePort === undefined ? [] : [p.nodePort])));
}

/** Removes a Job's uid-derived labels from its selector and pod template; `seen` gets each value. */
function withoutJobUidLabels(job: Manifest, seen: (label: string, value: unknown) => void): void {
  const spec = job.spec as { selector?: { matchLabels?: Record<string, string> }; template?: { metadata?: { labels?: Record<string, string> } } };
  for (const labels of [spec.selector?.matchLabels, spec.template?.metadata?.labels]) {
    for (const key of jobUidLabels) {
      if (labels?.[key] === undefined) continue;
      seen(key, labels[key]);
      delete labels[key];
    }
  }
}
