import { SpecReader } from '../contracts/SpecReader.ts';

/**
 * The hub's answers to an agent's job mutations (`agent.graphql`), read where they enter the agent: each
 * parser takes the mutation's `data` and throws a `WireError` naming the first bad field. An absent flag reads
 * as the safe side: not run, not accepted.
 */

/** `ackJob { run reason }`. */
export function parseJobStart(data: unknown): { run: boolean; reason: string | null } {
  const r = SpecReader.of(data, '').object('ackJob');
  return { run: r.boolean('run', false), reason: r.optionalString('reason') };
}

/** `reportProgress { stop reason }` or `reportRestoreItems { stop reason }`, by `field`. */
export function parseStopAnswer(
  data: unknown,
  field: 'reportProgress' | 'reportRestoreItems',
): { stop: boolean; reason: string | null } {
  const r = SpecReader.of(data, '').object(field);
  return { stop: r.boolean('stop', false), reason: r.optionalString('reason') };
}

/** `completeJob { accepted }` or `failJob { accepted }`, by `field`. */
export function parseSettlement(data: unknown, field: 'completeJob' | 'failJob'): { accepted: boolean } {
  return { accepted: SpecReader.of(data, '').object(field).boolean('accepted', false) };
}
