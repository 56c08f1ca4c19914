import { type JobPayload, parseJobPayload as parsePayload } from '#schema/agent/JobPayload';
import { UnknownVersionError } from '#schema/contracts/UnknownVersionError';
import { WireError } from '#schema/contracts/WireError';
import { agentVersion } from '../agentVersion.ts';
import { parseLocationTarget } from '../storage/parseLocationTarget.ts';
import { JobFailure } from './JobFailure.ts';

/**
 * Reads a payload from the hub where it enters the agent, with the `schema/` parsers the hub validated it
 * with, specs and rules included (the agent runs their commands). A payload this agent does not understand
 * fails the job with a message saying what and to upgrade the agent, rather than crashing the agent: a spec
 * of a version it does not know, a kind of job or location it does not know (a newer hub wrote them), or any
 * other field it cannot read.
 */
export function parseJobPayload(text: string | null): JobPayload {
  try {
    return parsePayload(text, parseLocationTarget);
  } catch (error) {
    if (error instanceof UnknownVersionError) {
      throw new JobFailure(
        `this agent (${agentVersion}) cannot run the job: its ${error.contract} is version ${JSON.stringify(error.found)} ` +
          `(${error.field}), and this agent knows only version ${error.known.join(', ')}; a newer hub wrote it: ` +
          'upgrade the agent',
        { cause: error },
      );
    }
    if (error instanceof WireError) {
      throw new JobFailure(
        `this agent (${agentVersion}) cannot run the job: ${error.message}; the hub and agent versions may not ` +
          "match: upgrade the agent to the hub's version",
        { cause: error },
      );
    }
    throw error;
  }
}
