import { CorruptObjectError } from './CorruptObjectError.ts';
import { openObject } from './openObject.ts';
import type { SnapshotInfo } from './Repository.ts';
import type { RepositoryKeys } from './RepositoryKeys.ts';
import { sealObject } from './sealObject.ts';

/**
 * A snapshot object: the sealed info's length (u32, little-endian) ‖ the sealed info (JSON: time, tags,
 * parent) ‖ the sealed manifest. Two sealed parts, so listing snapshots reads the small info with a ranged
 * read and never fetches a manifest that may run to megabytes.
 */
export function encodeSnapshotObject(
  keys: RepositoryKeys,
  info: Omit<SnapshotInfo, 'id'>,
  manifest: Uint8Array,
): Buffer {
  const json = JSON.stringify({ time: info.time.toISOString(), tags: info.tags, parent: info.parent });
  const sealedInfo = sealObject(keys, 'snapshot', Buffer.from(json));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(sealedInfo.length);
  return Buffer.concat([length, sealedInfo, sealObject(keys, 'snapshot', manifest)]);
}

/** Where the sealed info ends, from the object's first four bytes. */
export function snapshotInfoEnd(head: Buffer, what: string): number {
  if (head.length < 4) throw new CorruptObjectError(what, 'it is too short to be a snapshot');
  return 4 + head.readUInt32LE(0);
}

/** The info of a snapshot object, from its first `snapshotInfoEnd` bytes (or more). */
export function openSnapshotInfo(keys: RepositoryKeys, id: string, bytes: Buffer, what: string): SnapshotInfo {
  const end = snapshotInfoEnd(bytes, what);
  if (bytes.length < end) throw new CorruptObjectError(what, 'it ends inside its info');
  const plaintext = openObject(keys, 'snapshot', bytes.subarray(4, end), what);
  let parsed: { time?: unknown; tags?: unknown; parent?: unknown };
  try {
    parsed = JSON.parse(plaintext.toString('utf8')) as typeof parsed;
  } catch (error) {
    throw new CorruptObjectError(what, 'its info is not JSON', { cause: error });
  }
  const time = new Date(typeof parsed.time === 'string' ? parsed.time : NaN);
  const tags = parsed.tags;
  const validTags =
    typeof tags === 'object' && tags !== null && !Array.isArray(tags) && Object.values(tags).every((v) => typeof v === 'string');
  if (Number.isNaN(time.getTime()) || !validTags || (parsed.parent !== undefined && typeof parsed.parent !== 'string')) {
    throw new CorruptObjectError(what, 'its info lacks a valid time, tags or parent');
  }
  return {
    id,
    time,
    tags: { ...(tags as Record<string, string>) },
    ...(parsed.parent === undefined ? {} : { parent: parsed.parent }),
  };
}

/** The manifest of a whole snapshot object. */
export function openSnapshotManifest(keys: RepositoryKeys, bytes: Buffer, what: string): Buffer {
  const end = snapshotInfoEnd(bytes, what);
  if (bytes.length < end) throw new CorruptObjectError(what, 'it ends inside its info');
  return openObject(keys, 'snapshot', bytes.subarray(end), what);
}
