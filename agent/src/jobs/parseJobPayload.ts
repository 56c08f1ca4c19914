import type { JobPayload, ResolvedRule } from '#schema/agent/JobPayload';
import { parseRuleSpec } from '#schema/contracts/RuleSpec';
import { WireError } from '#schema/contracts/WireError';
import { JobFailure } from './JobFailure.ts';

const kinds = ['validateLocation', 'backup', 'restore', 'deleteBackup', 'rebuildCatalog'];
const locationKinds = ['s3', 'azure', 'gcs', 'filesystem'];

/**
 * Checks the shape of a payload from the hub where it enters the agent. A payload this agent does not
 * understand fails the job with a message pointing at a version mismatch rather than crashing the agent.
 * A backup's rules are validated whole, since the agent runs their commands: absent ones become null.
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
  if (payload.kind === 'backup') {
    const backup = value as Record<string, unknown>;
    return {
      ...(value as Extract<JobPayload, { kind: 'backup' }>),
      preRule: parseResolvedRule(backup.preRule, 'preRule'),
      postRule: parseResolvedRule(backup.postRule, 'postRule'),
    };
  }
  return value as JobPayload;
}

function parseResolvedRule(value: unknown, field: string): ResolvedRule | null {
  if (value === undefined || value === null) return null;
  const rule = value as { id?: unknown; name?: unknown; spec?: unknown };
  if (typeof value !== 'object' || typeof rule.id !== 'string' || typeof rule.name !== 'string') {
    throw new JobFailure(`the job payload's ${field} has no id and name; the hub and agent versions may not match`);
  }
  try {
    return { id: rule.id, name: rule.name, spec: parseRuleSpec(rule.spec, `${field}.spec`) };
  } catch (error) {
    if (!(error instanceof WireError)) throw error;
    throw new JobFailure(
      `rule '${rule.name}' is not one this agent can run (${error.message}); the hub and agent versions may not match`,
      { cause: error },
    );
  }
}
