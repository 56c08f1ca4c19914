import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { OperationOutcome } from '#schema/agent/OperationOutcome';
import { HubRequestError } from '../link/HubRequestError.ts';
import type { JobChannel } from './JobChannel.ts';
import { JobFailure } from './JobFailure.ts';
import { type JobHandler, JobRunner } from './JobRunner.ts';

const payload = JSON.stringify({ kind: 'validateLocation', location: { kind: 'filesystem', path: '/x', prefix: '' } });

/** Records calls; jobs in `ended` are answered "do not run". */
function recordingChannel(ended: string[] = []) {
  const calls: string[] = [];
  const channel: JobChannel = {
    ack: async (id) => {
      calls.push(`ack ${id}`);
      return ended.includes(id) ? { run: false, reason: 'already ended' } : { run: true, reason: null };
    },
    progress: async () => ({ stop: false, reason: null }),
    restoreItems: async (id, attempt, items) => {
      calls.push(`items ${id}#${attempt}: ${items.map((i) => `${i.index} ${i.name} ${i.result}`).join(', ')}`);
      return { stop: false, reason: null };
    },
    complete: async (id, outcome) => {
      calls.push(`complete ${id}${outcome ? ` ${outcome}` : ''}`);
      return { accepted: true };
    },
    fail: async (id, error) => {
      calls.push(`fail ${id}: ${error}`);
      return { accepted: true };
    },
  };
  return { channel, calls };
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

const logger = pino({ level: 'silent' });
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('JobRunner', () => {
  it('runs at most maxConcurrent jobs and starts the next when one ends', async () => {
    const { channel, calls } = recordingChannel();
    const gates = new Map([['a', gate()], ['b', gate()], ['c', gate()]]);
    const handle: JobHandler = async (_p, { jobId }) => {
      await gates.get(jobId)?.opened;
      return undefined;
    };
    const runner = new JobRunner({ channel, handle, maxConcurrent: 2, heartbeatMs: 60_000, logger });
    for (const id of ['a', 'b', 'c']) runner.offer({ jobId: id, attempt: 1, payload });
    await settle();
    expect(runner.running).toEqual(['a', 'b']);
    gates.get('a')?.open();
    await settle();
    expect(runner.running).toEqual(['b', 'c']);
    gates.get('b')?.open();
    gates.get('c')?.open();
    await settle();
    expect(calls.filter((c) => c.startsWith('complete')).sort()).toEqual(['complete a', 'complete b', 'complete c']);
  });

  it('ignores a second offer of a job it runs or ran, and skips one the hub says has ended', async () => {
    const { channel, calls } = recordingChannel(['done-elsewhere']);
    let runs = 0;
    const runner = new JobRunner({
      channel,
      handle: async () => {
        runs++;
        return undefined;
      },
      maxConcurrent: 2,
      heartbeatMs: 60_000,
      logger,
    });
    runner.offer({ jobId: 'x', attempt: 1, payload });
    runner.offer({ jobId: 'x', attempt: 2, payload });
    await settle();
    runner.offer({ jobId: 'x', attempt: 3, payload });
    runner.offer({ jobId: 'done-elsewhere', attempt: 2, payload });
    await settle();
    expect(runs).toBe(1);
    expect(calls).toEqual(['ack x', 'complete x', 'ack done-elsewhere']);
  });

  it('fails a job with the message of its JobFailure, and a cancelled job with the reason', async () => {
    const { channel, calls } = recordingChannel();
    const handle: JobHandler = async (_p, { jobId, signal }) => {
      if (jobId === 'bad') throw new JobFailure('bucket missing');
      await new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      return undefined;
    };
    const runner = new JobRunner({ channel, handle, maxConcurrent: 2, heartbeatMs: 60_000, logger });
    runner.offer({ jobId: 'bad', attempt: 1, payload });
    runner.offer({ jobId: 'long', attempt: 1, payload });
    await settle();
    runner.cancel('long');
    await settle();
    expect(calls).toContain('fail bad: bucket missing');
    expect(calls).toContain('fail long: cancelled by a user');
  });

  it('fails a job whose payload it does not understand', async () => {
    const { channel, calls } = recordingChannel();
    const runner = new JobRunner({ channel, handle: async () => undefined, maxConcurrent: 1, heartbeatMs: 60_000, logger });
    runner.offer({ jobId: 'odd', attempt: 1, payload: JSON.stringify({ kind: 'teleport' }) });
    await settle();
    expect(calls[1]).toMatch(/^fail odd: this agent \(.*\) cannot run the job: kind: 'teleport' is not a kind of job this reader knows/);
  });

  it("delivers a restore's items, numbered in order, before it reports the job's end", async () => {
    const { channel, calls } = recordingChannel();
    const outcome: OperationOutcome = { phase: 'Completed', countsByKind: {}, bytes: 0, warnings: [], errors: [] };
    const handle: JobHandler = async (_p, context) => {
      context.restoreItem?.({ type: 'namespaces', namespace: null, name: 'shop', result: 'created', uid: 'u1' });
      context.restoreItem?.({ type: 'configmaps', namespace: 'shop', name: 'a', result: 'skipped', reason: 'exists' });
      return outcome;
    };
    const runner = new JobRunner({ channel, handle, maxConcurrent: 1, heartbeatMs: 60_000, logger });
    runner.offer({ jobId: 'r', attempt: 2, payload });
    await settle();
    expect(calls).toEqual(['ack r', 'items r#2: 0 shop created, 1 a skipped', `complete r ${JSON.stringify(outcome)}`]);
  });

  it("sends the job's last progress report before its end, even when the throttle was holding it back", async () => {
    const { channel, calls } = recordingChannel();
    channel.progress = async (id, p) => {
      calls.push(`progress ${id}: ${p.message}`);
      return { stop: false, reason: null };
    };
    const handle: JobHandler = async (_p, context) => {
      context.progress({ done: 0, total: 1, bytes: 0, message: 'starting' });
      context.progress({ done: 1, total: 1, bytes: 0, message: 'committed' });
      return undefined;
    };
    const runner = new JobRunner({ channel, handle, maxConcurrent: 1, heartbeatMs: 60_000, logger });
    runner.offer({ jobId: 'p', attempt: 1, payload });
    await settle();
    expect(calls).toEqual(['ack p', 'progress p: starting', 'progress p: committed', 'complete p']);
  });

  it('ends a restore PartiallyFailed, with the reason, when the hub refuses its items', async () => {
    const { channel, calls } = recordingChannel();
    channel.restoreItems = async () => {
      throw new HubRequestError('items[0].uid: must be 0 to 128 characters', 'BAD_USER_INPUT');
    };
    const handle: JobHandler = async (_p, context) => {
      context.restoreItem?.({ type: 'configmaps', namespace: 'shop', name: 'a', result: 'created', uid: 'x' });
      return { phase: 'Completed', countsByKind: { configmaps: 1 }, bytes: 0, warnings: [], errors: [] };
    };
    const runner = new JobRunner({ channel, handle, maxConcurrent: 1, heartbeatMs: 60_000, logger });
    runner.offer({ jobId: 'r', attempt: 1, payload });
    await settle();
    const completed = calls.find((c) => c.startsWith('complete r '))?.slice('complete r '.length);
    expect(JSON.parse(completed ?? 'null')).toMatchObject({
      phase: 'PartiallyFailed',
      errors: ['the hub did not record every item of this restore: items[0].uid: must be 0 to 128 characters'],
    });
  });
});
