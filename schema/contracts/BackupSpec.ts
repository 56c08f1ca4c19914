import { checkLabelSelector } from './checkLabelSelector.ts';
import {
  labelKeyProblem,
  labelValueProblem,
  namespacePatternProblem,
  resourceTypeProblem,
} from './kubernetesNames.ts';
import { SpecReader } from './SpecReader.ts';

/**
 * Which cluster-scoped resources a backup takes: `auto` only those the selected objects need (the PVs of
 * selected PVCs, the CRDs of selected custom resources), `all` every one, `none` none.
 */
export const clusterScopedPolicies = ['auto', 'all', 'none'] as const;
export type ClusterScopedPolicy = (typeof clusterScopedPolicies)[number];

/** Thirty days, Velero's default: long enough for a monthly restore test, short enough to not pile up. */
export const defaultBackupTtlSeconds = 30 * 86_400;
const maxTtlSeconds = 10 * 365 * 86_400;

/**
 * What to back up, shared by the hub (which stores it) and the agent (which executes it). Empty include
 * lists mean "all"; excludes win over includes. Several label selectors are OR'd; each is in Kubernetes
 * syntax. Version 1; a change that an older agent would misread gets a new version.
 */
export interface BackupSpec {
  version: 1;
  clusterId: string;
  locationId: string;
  /** Namespace names or `*` globs. */
  includeNamespaces: string[];
  excludeNamespaces: string[];
  labelSelectors: string[];
  /** Resource types as `kubectl api-resources` names them: `deployments.apps`, `configmaps`. */
  includeResources: string[];
  excludeResources: string[];
  clusterScoped: ClusterScopedPolicy;
  /** Whether persistent volume data is backed up, not just the PV and PVC objects. */
  volumes: boolean;
  preRuleId: string | null;
  postRuleId: string | null;
  /** How long the backup is kept before it expires and is deleted. */
  ttlSeconds: number;
  labels: Record<string, string>;
}

/** Validates a backup spec from the wire; throws a `WireError` naming the first bad field, under `path` if given. */
export function parseBackupSpec(value: unknown, path = ''): BackupSpec {
  const r = SpecReader.of(value, path);
  r.version('backup spec', [1]);
  const spec: BackupSpec = {
    version: 1,
    clusterId: r.string('clusterId'),
    locationId: r.string('locationId'),
    includeNamespaces: r.stringList('includeNamespaces', namespacePatternProblem),
    excludeNamespaces: r.stringList('excludeNamespaces', namespacePatternProblem),
    labelSelectors: r.stringList('labelSelectors', checkLabelSelector),
    includeResources: r.stringList('includeResources', resourceTypeProblem),
    excludeResources: r.stringList('excludeResources', resourceTypeProblem),
    clusterScoped: r.oneOf('clusterScoped', clusterScopedPolicies, 'auto'),
    volumes: r.boolean('volumes', true),
    preRuleId: r.optionalString('preRuleId'),
    postRuleId: r.optionalString('postRuleId'),
    ttlSeconds: r.integer('ttlSeconds', defaultBackupTtlSeconds, 60, maxTtlSeconds),
    labels: r.stringMap('labels', labelKeyProblem, labelValueProblem),
  };
  r.disjoint('includeNamespaces', spec.includeNamespaces, spec.excludeNamespaces);
  r.disjoint('includeResources', spec.includeResources, spec.excludeResources);
  return spec;
}
