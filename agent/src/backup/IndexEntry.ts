import { createHash } from 'node:crypto';
import type { CollectedItem } from './ItemCollector.ts';

/**
 * One line of a backup's `index.jsonl` (format v1): an archived item, findable without opening the archive.
 * Field order is fixed, so equal entries serialize to equal bytes.
 */
export interface IndexEntry {
  /** Where the item lies in `resources.tar.gz` (`archivePathOf`). */
  path: string;
  /** The API group; `''` for the core group. */
  group: string;
  version: string;
  kind: string;
  /** The plural resource name (`deployments`). */
  resource: string;
  /** `null` for a cluster-scoped object. */
  namespace: string | null;
  name: string;
  /** The object's labels at backup time; `{}` when it has none. */
  labels: Record<string, string>;
  /** Bytes of the item's file in the archive. */
  size: number;
  /** Hex SHA-256 of the item's file in the archive. */
  sha256: string;
}

/** The index entry of an item archived at `path` as `bytes`. */
export function indexEntryOf(item: CollectedItem, path: string, bytes: Buffer): IndexEntry {
  return {
    path,
    group: item.group,
    version: item.version,
    kind: item.kind,
    resource: item.resource,
    namespace: item.namespace ?? null,
    name: item.name,
    labels: labelsOf(item.object.metadata),
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** String-valued labels only: the API server allows nothing else, and the index promises strings. */
function labelsOf(metadata: unknown): Record<string, string> {
  const labels = (metadata as { labels?: unknown } | undefined)?.labels;
  if (typeof labels !== 'object' || labels === null) return {};
  return Object.fromEntries(Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
