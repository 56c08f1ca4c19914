import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StallError, stallGuard } from './stallGuard.ts';

async function drain(chunks: AsyncIterable<Buffer>, delayMs = 0): Promise<string> {
  let text = '';
  for await (const chunk of chunks) {
    text += chunk.toString();
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
  }
  return text;
}

describe('stallGuard', () => {
  it('passes every chunk through, however slowly they are consumed', async () => {
    const source = Readable.from([Buffer.from('a'), Buffer.from('b'), Buffer.from('c')]);
    // The consumer takes 60 ms a chunk, longer than the 30 ms limit: that is not the source stalling.
    expect(await drain(stallGuard(source, 30, 'x'), 60)).toBe('abc');
  });

  it('fails naming the object when the source sends nothing for too long, and destroys it', async () => {
    const source = new PassThrough();
    source.write('first');
    const failure = await drain(stallGuard(source, 30, 'reading backups/b1/resources.tar.gz')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StallError);
    expect((failure as Error).message).toBe('reading backups/b1/resources.tar.gz: the location sent nothing for 0 s');
    expect(source.destroyed).toBe(true);
  });
});
