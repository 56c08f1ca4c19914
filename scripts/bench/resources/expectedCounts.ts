import { benchResource } from './benchObjects.ts';
import type { ObjectMix } from './ResourcesBenchOptions.ts';

/**
 * The countsByKind a backup or restore of the seeded namespaces must report: every seeded object, every
 * Namespace, and for a backup the CRD its custom objects need (a restore into the same cluster skips it, as it
 * exists there).
 */
export function expectedCounts(mix: ObjectMix, namespaces: number, withCrd: boolean): Record<string, number> {
  const counts: Record<string, number> = { configmaps: mix.configMaps, secrets: mix.secrets, namespaces };
  if (mix.custom > 0) {
    counts[benchResource] = mix.custom;
    if (withCrd) counts['customresourcedefinitions.apiextensions.k8s.io'] = 1;
  }
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

/** Every difference between reported and expected counts, as sentences; empty when they agree. */
export function countsProblems(reported: readonly { resource: string; count: number }[], expected: Record<string, number>): string[] {
  const actual = Object.fromEntries(reported.map((c) => [c.resource, c.count]));
  const kinds = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  return [...kinds]
    .filter((kind) => actual[kind] !== expected[kind])
    .map((kind) => `${kind}: reported ${actual[kind] ?? 0}, expected ${expected[kind] ?? 0}`);
}
