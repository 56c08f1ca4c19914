import {
  type ClusterFacts,
  type NamespaceInventory,
  type WorkloadKind,
  workloadKinds,
} from '#schema/agent/ClusterInventory';
import { namespaceProblem } from '#schema/contracts/kubernetesNames';
import { BadUserInputError } from '../errors/errors.ts';
import { labelsFromList } from '../graphql/Label.ts';
import { validateLabels } from '../graphql/validateName.ts';
import type { NamespaceInventoryInput } from '../dispatch/InventoryInputs.ts';
import type { ClusterFacts as ClusterFactsInput } from './ClusterFacts.ts';

/** The most entries any one list of an inventory report may hold (namespaces, workloads of one, …). */
export const maxInventoryListLength = 10_000;

/** The longest free text kept from an inventory (a provisioner, a phase); longer ones are cut. */
const maxInventoryTextLength = 253;

/** Refuses a list longer than `maxInventoryListLength`: an agent never sends one, so it is a fault or an attack. */
export function boundedList<T>(field: string, list: readonly T[]): readonly T[] {
  if (list.length > maxInventoryListLength) {
    throw new BadUserInputError(field, `must hold at most ${maxInventoryListLength} entries`);
  }
  return list;
}

function text<T extends string | null>(value: T): T {
  return (value === null ? null : value.slice(0, maxInventoryTextLength)) as T;
}

/** Kubernetes object names are DNS subdomains of at most 253 characters. */
function objectName(field: string, value: string): string {
  if (value.length === 0 || value.length > 253) throw new BadUserInputError(field, `'${value}' is not an object name`);
  return value;
}

function count(field: string, value: number | null): number | null {
  if (value !== null && value < 0) throw new BadUserInputError(field, 'must not be negative');
  return value;
}

/** Checks an agent's facts where they enter the hub. */
export function parseFactsInput(input: ClusterFactsInput): ClusterFacts {
  count('facts.nodeCount', input.nodeCount);
  return {
    kubernetesVersion: input.kubernetesVersion.slice(0, 64),
    nodeCount: input.nodeCount,
    storageClasses: boundedList('facts.storageClasses', input.storageClasses).map((c, i) => ({
      name: objectName(`facts.storageClasses[${i}].name`, c.name),
      provisioner: text(c.provisioner),
      isDefault: c.isDefault,
    })),
    csiDrivers: boundedList('facts.csiDrivers', input.csiDrivers).map((d, i) => objectName(`facts.csiDrivers[${i}]`, d)),
    volumeSnapshotClasses: boundedList('facts.volumeSnapshotClasses', input.volumeSnapshotClasses).map((c, i) => ({
      name: objectName(`facts.volumeSnapshotClasses[${i}].name`, c.name),
      driver: text(c.driver),
      deletionPolicy: text(c.deletionPolicy),
    })),
  };
}

/** Checks one namespace of an agent's inventory where it enters the hub. */
export function parseNamespaceInput(input: NamespaceInventoryInput, field: string): NamespaceInventory {
  const problem = namespaceProblem(input.name);
  if (problem) throw new BadUserInputError(`${field}.name`, problem);
  return {
    name: input.name,
    labels: validateLabels(`${field}.labels`, labelsFromList(input.labels)),
    workloads: boundedList(`${field}.workloads`, input.workloads).map((w, i) => {
      const at = `${field}.workloads[${i}]`;
      if (!workloadKinds.includes(w.kind as WorkloadKind)) {
        throw new BadUserInputError(`${at}.kind`, `must be one of ${workloadKinds.join(', ')}`);
      }
      return {
        kind: w.kind as WorkloadKind,
        name: objectName(`${at}.name`, w.name),
        labels: validateLabels(`${at}.labels`, labelsFromList(w.labels)),
        replicas: count(`${at}.replicas`, w.replicas),
        readyReplicas: count(`${at}.readyReplicas`, w.readyReplicas),
      };
    }),
    persistentVolumeClaims: boundedList(`${field}.persistentVolumeClaims`, input.persistentVolumeClaims).map((c, i) => ({
      name: objectName(`${field}.persistentVolumeClaims[${i}].name`, c.name),
      labels: validateLabels(`${field}.persistentVolumeClaims[${i}].labels`, labelsFromList(c.labels)),
      storageClassName: text(c.storageClassName),
      requestedStorage: text(c.requestedStorage),
      phase: text(c.phase),
      volumeName: text(c.volumeName),
    })),
    countsByKind: Object.fromEntries(
      boundedList(`${field}.countsByKind`, input.countsByKind).map((c, i) => [c.kind, count(`${field}.countsByKind[${i}].count`, c.count) ?? 0]),
    ),
  };
}
