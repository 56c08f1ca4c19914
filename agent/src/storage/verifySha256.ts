import { pipeline, type Readable } from 'node:stream';
import { Sha256Meter } from './Sha256Meter.ts';

/**
 * Passes `source` through, re-hashing it; when it ends with a SHA-256 other than `expected`, the returned
 * stream errors with `mismatch(actual)` instead of ending. Without `expected` (an object that carries no
 * digest) the content passes unverified.
 */
export function verifySha256(
  source: NodeJS.ReadableStream,
  expected: string | undefined,
  mismatch: (actual: string) => Error,
): Readable {
  const wanted = expected?.toLowerCase();
  const meter = new Sha256Meter({
    check: (actual) => (wanted !== undefined && actual !== wanted ? mismatch(actual) : undefined),
  });
  // pipeline, not pipe: an error of the source (a dropped connection) must reach the reader, and a reader
  // that stops early must release the source's connection.
  return pipeline(source, meter, () => {});
}
