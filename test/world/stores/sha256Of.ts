import { createHash } from 'node:crypto';

/** The hex SHA-256 of everything `source` yields, read chunk by chunk so large objects are never held whole. */
export async function sha256Of(
  source: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>,
): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of source) hash.update(chunk);
  return hash.digest('hex');
}
