import type { JobPayload } from '../../../schema/agent/JobPayload.ts';
import { JobFailure } from './JobFailure.ts';

const kinds = ['validateLocation', 'backup', 'restore', 'deleteBackup', 'rebuildCatalog'];
const locationKinds = ['s3', 'azure', 'gcs', 'filesystem'];

/**
 * Checks the shape of a payload from the hub where it enters the agent. A payload this agent does not
 * understand fails the job with a message pointing at a version mismatch rather than crashing the agent.
 */
export function parseJobPayload(text: string | null): JobPayload {
  let value: unknown;
  try {
    value = JSON.parse(text ?? '');
  } catch {
    throw new JobFailure('the job payload is not JSON; the hub and agent versions may not match');
  }
  const payload = value as { kind?: unknown; location?: { kind?: unknown; prefix?: unknown } };
  if (typeof payload !== 'object' || payload === null || !kinds.includes(payload.kind as string)) {
    throw new JobFailure(`this agent does not know jobs of kind '${String(payload?.kind)}'; upgrade the agent`);
  }
  const location = payload.location;
  if (typeof location !== 'object' || location === null || !locationKinds.includes(location.kind as string)) {
    throw new JobFailure(`this agent does not know locations of kind '${String(location?.kind)}'; upgrade the agent`);
  }
  if (typeof location.prefix !== 'string') throw new JobFailure('the job payload has no location prefix');
  return value as JobPayload;
}
