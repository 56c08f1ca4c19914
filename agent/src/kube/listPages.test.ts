import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { type FetchPage, listPages } from './listPages.ts';

/** A fake list over `names`, paged by offset, that answers 410 Gone to the continue tokens in `expired`. */
function fakeList(names: string[], expired: Set<string>, calls: (string | undefined)[]): FetchPage<string> {
  return async (limit, token) => {
    calls.push(token);
    if (token !== undefined && expired.has(token)) {
      expired.delete(token);
      throw new ApiException(410, 'Gone', '{"kind":"Status","reason":"Expired"}', {});
    }
    const start = token === undefined ? 0 : Number(token);
    const end = start + limit;
    return { items: names.slice(start, end), continueToken: end < names.length ? String(end) : undefined };
  };
}

async function collect(pages: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const item of pages) out.push(item);
  return out;
}

const names = Array.from({ length: 12 }, (_, i) => `cm-${String(i).padStart(2, '0')}`);

describe('listPages', () => {
  it('reads page after page with limit and continue until the last page', async () => {
    const calls: (string | undefined)[] = [];
    const restarts: string[] = [];
    const items = await collect(
      listPages(fakeList(names, new Set(), calls), {
        pageSize: 5,
        keyOf: (n) => n,
        onRestart: (r) => restarts.push(r),
      }),
    );
    expect(items).toEqual(names);
    expect(calls).toEqual([undefined, '5', '10']);
    expect(restarts).toEqual([]);
  });

  it('restarts once from scratch on 410 Gone and still yields each item once', async () => {
    const calls: (string | undefined)[] = [];
    const restarts: string[] = [];
    const items = await collect(
      listPages(fakeList(names, new Set(['10']), calls), {
        pageSize: 5,
        keyOf: (n) => n,
        onRestart: (r) => restarts.push(r),
      }),
    );
    expect(items).toEqual(names);
    expect(calls).toEqual([undefined, '5', '10', undefined, '5', '10']);
    expect(restarts).toHaveLength(1);
    expect(restarts[0]).toContain('410');
  });

  it('gives up on a second 410 and throws it', async () => {
    const pages = listPages(fakeList(names, new Set(['5', '10']), []), {
      pageSize: 5,
      keyOf: (n) => n,
      onRestart: () => undefined,
    });
    await expect(collect(pages)).rejects.toMatchObject({ code: 410 });
  });

  it('throws any other failure without retrying', async () => {
    const failing: FetchPage<string> = async () => {
      throw new ApiException(403, 'Forbidden', '', {});
    };
    await expect(
      collect(listPages(failing, { pageSize: 5, keyOf: (n) => n, onRestart: () => undefined })),
    ).rejects.toMatchObject({ code: 403 });
  });
});
