import { WireError } from '#schema/contracts/WireError';
import type { KubeObject } from './KubeObject.ts';

/**
 * A Kubernetes object read from an untrusted source (an archived file): JSON whose `apiVersion`, `kind` and
 * `metadata` have the types `KubeObject` promises, so nothing downstream meets a label that is a number or
 * owner references that are not a list. Other fields are kept as they are. Throws a `WireError` naming the
 * first bad field (`metadata.labels.app: must be a string`).
 */
export function parseKubeObject(value: unknown): KubeObject {
  const object = recordAt(value, '');
  const meta = recordAt(object.metadata, 'metadata');
  const labels = optional(meta.labels, (v) => stringMap(v, 'metadata.labels'));
  const annotations = optional(meta.annotations, (v) => stringMap(v, 'metadata.annotations'));
  const namespace = optional(meta.namespace, (v) => stringAt(v, 'metadata.namespace'));
  const resourceVersion = optional(meta.resourceVersion, (v) => stringAt(v, 'metadata.resourceVersion'));
  const uid = optional(meta.uid, (v) => stringAt(v, 'metadata.uid'));
  const ownerReferences = optional(meta.ownerReferences, ownerReferencesAt);
  return {
    ...object,
    apiVersion: stringAt(object.apiVersion, 'apiVersion'),
    kind: stringAt(object.kind, 'kind'),
    metadata: {
      ...meta,
      name: stringAt(meta.name, 'metadata.name'),
      ...(namespace !== undefined && { namespace }),
      ...(labels !== undefined && { labels }),
      ...(annotations !== undefined && { annotations }),
      ...(resourceVersion !== undefined && { resourceVersion }),
      ...(uid !== undefined && { uid }),
      ...(ownerReferences !== undefined && { ownerReferences }),
    },
  };
}

type OwnerReference = NonNullable<KubeObject['metadata']['ownerReferences']>[number];

function ownerReferencesAt(value: unknown): OwnerReference[] {
  if (!Array.isArray(value)) throw new WireError('metadata.ownerReferences', 'must be a list');
  return value.map((item: unknown, i) => {
    const field = `metadata.ownerReferences[${i}]`;
    const reference = recordAt(item, field);
    return {
      ...reference,
      apiVersion: stringAt(reference.apiVersion, `${field}.apiVersion`),
      kind: stringAt(reference.kind, `${field}.kind`),
      name: stringAt(reference.name, `${field}.name`),
      uid: stringAt(reference.uid, `${field}.uid`),
    };
  });
}

/** Absent is undefined; a value that is there must read (the API server omits empty fields, never nulls them). */
function optional<T>(value: unknown, read: (value: unknown) => T): T | undefined {
  return value === undefined ? undefined : read(value);
}

function stringMap(value: unknown, field: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [key, item] of Object.entries(recordAt(value, field))) map[key] = stringAt(item, `${field}.${key}`);
  return map;
}

function recordAt(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new WireError(field, 'must be an object');
  return Object.fromEntries(Object.entries(value));
}

function stringAt(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new WireError(field, 'must be a string');
  return value;
}
