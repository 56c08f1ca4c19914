import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RestoreItem, RestoreItemReport } from '#schema/agent/RestoreItemReport';
import { HubRequestError } from '../link/HubRequestError.ts';
import { RestoreItemBatcher, type RestoreItemBatcherOptions } from './RestoreItemBatcher.ts';

const logger = pino({ level: 'silent' });
const item = (n: number): RestoreItem => ({ type: 'configmaps', namespace: 'shop', name: `cm-${n}`, result: 'created', uid: `u${n}` });
const ok = { stop: false, reason: null };

/** A hub that records each batch's indexes as sent and stores items by index, as the real one does. */
function fakeHub() {
  const batches: number[][] = [];
  const stored = new Map<number, RestoreItemReport>();
  const send = async (batch: readonly RestoreItemReport[]) => {
    batches.push(batch.map((i) => i.index));
    for (const i of batch) if (!stored.has(i.index)) stored.set(i.index, i);
    return ok;
  };
  return { batches, stored, send };
}

function batcher(options: Partial<RestoreItemBatcherOptions> & Pick<RestoreItemBatcherOptions, 'send'>) {
  return new RestoreItemBatcher({
    onStop: () => undefined,
    signal: new AbortController().signal,
    logger,
    retryDelayMs: () => 0,
    ...options,
  });
}

describe('RestoreItemBatcher', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends a full batch at once and the rest when the interval has passed', async () => {
    vi.useFakeTimers();
    const hub = fakeHub();
    const items = batcher({ send: hub.send, maxBatch: 3, intervalMs: 1000 });
    for (let n = 0; n < 7; n++) items.add(item(n));
    await vi.advanceTimersByTimeAsync(0);
    expect(hub.batches).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    await vi.advanceTimersByTimeAsync(999);
    expect(hub.batches).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(hub.batches).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  it('sends what is pending after the interval, however few', async () => {
    vi.useFakeTimers();
    const hub = fakeHub();
    const items = batcher({ send: hub.send, intervalMs: 1000 });
    items.add(item(0));
    await vi.advanceTimersByTimeAsync(500);
    items.add(item(1));
    expect(hub.batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(hub.batches).toEqual([[0, 1]]);
    items.add(item(2));
    await vi.advanceTimersByTimeAsync(1000);
    expect(hub.batches).toEqual([[0, 1], [2]]);
    expect([...hub.stored.values()].map((i) => i.name)).toEqual(['cm-0', 'cm-1', 'cm-2']);
  });

  it('close sends everything left at once and resolves only when the hub has it', async () => {
    let answer!: () => void;
    const sent: number[][] = [];
    const items = batcher({
      send: (batch) => {
        sent.push(batch.map((i) => i.index));
        return new Promise((resolve) => {
          answer = () => resolve(ok);
        });
      },
      maxBatch: 2,
      intervalMs: 60_000,
    });
    for (let n = 0; n < 3; n++) items.add(item(n));
    let closed = false;
    const closing = items.close().then((result) => {
      closed = true;
      return result;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(sent).toEqual([[0, 1]]);
    answer();
    await new Promise((r) => setTimeout(r, 10));
    expect(sent).toEqual([[0, 1], [2]]);
    expect(closed).toBe(false);
    answer();
    expect(await closing).toEqual({ refused: undefined });
    items.add(item(3));
    await new Promise((r) => setTimeout(r, 10));
    expect(sent).toHaveLength(2);
  });

  it('resends a batch the hub did not answer, losing and duplicating nothing', async () => {
    const hub = fakeHub();
    let calls = 0;
    const items = batcher({
      maxBatch: 4,
      intervalMs: 60_000,
      send: async (batch) => {
        calls++;
        if (calls === 1) throw new Error('link closed: going away');
        // The hub stores this one, but its answer is lost on the way back.
        if (calls === 3) {
          await hub.send(batch);
          throw new HubRequestError('internal error', 'INTERNAL');
        }
        return hub.send(batch);
      },
    });
    for (let n = 0; n < 10; n++) items.add(item(n));
    expect(await items.close()).toEqual({ refused: undefined });
    expect(hub.batches).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    expect([...hub.stored.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...hub.stored.values()].every((i) => i.name === `cm-${i.index}`)).toBe(true);
  });

  it('stops at a refusal and reports it from close', async () => {
    const sent: number[][] = [];
    const items = batcher({
      maxBatch: 2,
      intervalMs: 60_000,
      send: async (batch) => {
        sent.push(batch.map((i) => i.index));
        throw new HubRequestError('items[1].name: must be 1 to 253 characters', 'BAD_USER_INPUT');
      },
    });
    for (let n = 0; n < 5; n++) items.add(item(n));
    expect(await items.close()).toEqual({ refused: 'items[1].name: must be 1 to 253 characters' });
    expect(sent).toEqual([[0, 1]]);
  });

  it('takes the errors of an operation the hub did not run (a hub without reportRestoreItems) as a refusal', async () => {
    const items = batcher({
      intervalMs: 60_000,
      send: () => Promise.reject([{ message: 'Cannot query field "reportRestoreItems" on type "Mutation".' }]),
    });
    items.add(item(0));
    expect(await items.close()).toEqual({ refused: 'Cannot query field "reportRestoreItems" on type "Mutation".' });
  });

  it('stops the job when the hub says it has ended, and drops the rest', async () => {
    const stops: string[] = [];
    const sent: number[][] = [];
    const items = batcher({
      maxBatch: 2,
      intervalMs: 60_000,
      onStop: (reason) => stops.push(reason),
      send: async (batch) => {
        sent.push(batch.map((i) => i.index));
        return { stop: true, reason: 'cancelled by a user' };
      },
    });
    for (let n = 0; n < 5; n++) items.add(item(n));
    expect(await items.close()).toEqual({ refused: undefined });
    expect(sent).toEqual([[0, 1]]);
    expect(stops).toEqual(['cancelled by a user']);
  });

  it('gives up retrying when the job is aborted, so closing never hangs', async () => {
    const controller = new AbortController();
    let calls = 0;
    const items = batcher({
      signal: controller.signal,
      retryDelayMs: () => 60_000,
      intervalMs: 60_000,
      send: async () => {
        calls++;
        throw new Error('link closed');
      },
    });
    items.add(item(0));
    const closing = items.close();
    await new Promise((r) => setTimeout(r, 10));
    controller.abort(new Error('the agent is stopping'));
    expect(await closing).toEqual({ refused: undefined });
    expect(calls).toBe(1);
  });
});
