import type { Readable } from 'node:stream';

/** The location stopped sending an object mid-way; the message names the object and how long it waited. */
export class StallError extends Error {
  override readonly name = 'StallError';
}

/**
 * `source`'s chunks, failing with `StallError` when the source itself gives nothing for `timeoutMs`: only the
 * waits for the source count, not the time the consumer takes between chunks, so back-pressure from a slow
 * consumer never looks like a stall. Some stores' clients bound no read (GCS downloads), and a read that hangs
 * must not hang the job that made it. The source is destroyed on a stall.
 */
export async function* stallGuard(source: Readable, timeoutMs: number, what: string): AsyncGenerator<Buffer> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<'stalled'>((resolve) => {
      timer = setTimeout(() => resolve('stalled'), timeoutMs);
    });
    const next = await Promise.race([chunks.next(), stalled]).finally(() => clearTimeout(timer));
    if (next === 'stalled') {
      source.destroy();
      throw new StallError(`${what}: the location sent nothing for ${Math.round(timeoutMs / 1000)} s`);
    }
    if (next.done) return;
    yield next.value;
  }
}
