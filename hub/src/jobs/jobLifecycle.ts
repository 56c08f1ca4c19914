import { unreachable } from '../auth/Principal.ts';

/** A job's lifecycle: Queued until an agent takes it under a lease, then Running, then one of the ends. */
export const jobPhases = ['Queued', 'Running', 'Succeeded', 'Failed', 'Cancelled'] as const;
export type JobPhase = (typeof jobPhases)[number];

/** Whether a job in this phase has ended and will never change again. */
export function isFinished(phase: JobPhase): boolean {
  switch (phase) {
    case 'Queued':
    case 'Running':
      return false;
    case 'Succeeded':
    case 'Failed':
    case 'Cancelled':
      return true;
    default:
      return unreachable(phase);
  }
}
