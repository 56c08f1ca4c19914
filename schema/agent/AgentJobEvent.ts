import { SpecReader } from '../contracts/SpecReader.ts';
import { WireError } from '../contracts/WireError.ts';

/** An event of the agent's `jobs` subscription: a job offered (again, maybe), or the cancellation of one. */
export type AgentJobEvent =
  | { type: 'Offer'; jobId: string; attempt: number; payload: string | null }
  | { type: 'Cancel'; jobId: string };

/**
 * Parses the data of one `jobs` event (`{ jobs: { type jobId attempt payload } }`) as the agent receives it;
 * the payload stays text for `parseJobPayload`, which fails that job alone when it cannot read it. Throws a
 * `WireError` naming the first bad field.
 */
export function parseAgentJobEvent(value: unknown): AgentJobEvent {
  const event = SpecReader.of(value, '').object('jobs');
  const type = event.string('type');
  const jobId = event.string('jobId');
  if (type === 'Cancel') return { type, jobId };
  if (type !== 'Offer') throw new WireError(event.field('type'), 'must be Offer or Cancel');
  const payload = event.get('payload');
  if (payload !== undefined && typeof payload !== 'string') throw new WireError(event.field('payload'), 'must be a string');
  return { type, jobId, attempt: event.integer('attempt', 1, 1, Number.MAX_SAFE_INTEGER), payload: payload ?? null };
}
