import { describe, expect, it } from 'vitest';
import { OutputTail } from './OutputTail.ts';

async function write(tail: OutputTail, ...chunks: (string | Buffer)[]): Promise<void> {
  for (const chunk of chunks) {
    await new Promise<void>((resolve, reject) => tail.write(chunk, (error) => (error ? reject(error) : resolve())));
  }
}

describe('OutputTail', () => {
  it('keeps everything while within the limit', async () => {
    const tail = new OutputTail(16);
    await write(tail, 'hello ', 'world\n');
    expect(tail.captured()).toEqual({ text: 'hello world\n', droppedBytes: 0 });
  });

  it('keeps the last bytes and counts what it dropped, across and within chunks', async () => {
    const tail = new OutputTail(8);
    await write(tail, 'abc', 'defgh', 'ijklmnop', 'qr');
    expect(tail.captured()).toEqual({ text: 'klmnopqr', droppedBytes: 10 });
  });

  it('leaves out a character whose first bytes were dropped', async () => {
    const tail = new OutputTail(4);
    // 'é' is two bytes (c3 a9); the limit cuts between them.
    await write(tail, Buffer.from('xxé-ok'));
    expect(tail.captured()).toEqual({ text: '-ok', droppedBytes: 4 });
  });
});
