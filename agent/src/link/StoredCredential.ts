import { SpecReader } from '#schema/contracts/SpecReader';
import { WireError } from '#schema/contracts/WireError';
import { createHash } from 'node:crypto';
import { AgentFatalError } from './AgentFatalError.ts';

/**
 * What a credential store keeps: the cluster credential together with what it was issued for, so an agent can
 * tell that a stored credential is not its own (another agent's, in a shared directory or Secret) before using
 * it. Kept as JSON, format version 1.
 */
export interface StoredCredential {
  credential: string;
  /** The hub that issued it, as `hubIdentity` spells it. */
  hubUrl: string;
  clusterId: string;
  clusterName: string;
  tenantId: string;
  /** SHA-256 (hex) of the enrollment token traded for it: the same token given again is this credential's. */
  enrollmentTokenSha256: string;
}


/** The record as its store writes it. */
export function serializeStoredCredential(stored: StoredCredential): string {
  return `${JSON.stringify({ version: 1, ...stored })}\n`;
}

/**
 * Reads a stored record back; `where` names the store for the message. Anything but a version 1 record with
 * every field a non-empty string (a bare credential of an older agent, a damaged file) is refused with what to
 * do, since a credential that says nothing about its cluster could be any cluster's.
 */
export function parseStoredCredential(text: string, where: string): StoredCredential {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  try {
    const record = SpecReader.of(value);
    if (record.get('version') !== 1) throw new WireError('version', 'must be 1');
    return {
      credential: record.string('credential'),
      hubUrl: record.string('hubUrl'),
      clusterId: record.string('clusterId'),
      clusterName: record.string('clusterName'),
      tenantId: record.string('tenantId'),
      enrollmentTokenSha256: record.string('enrollmentTokenSha256'),
    };
  } catch (error) {
    if (!(error instanceof WireError)) throw error;
    throw new AgentFatalError(
      `${where} does not hold a credential record this agent can use (a JSON record of version 1 naming its hub and cluster): remove it and start the agent with a new enrollment token (Mutation.renewClusterEnrollment)`,
      { cause: error },
    );
  }
}

/** How a hub URL is compared: ws(s) and http(s) spellings of the same hub are one hub. */
export function hubIdentity(url: URL): string {
  const same = new URL(url.href);
  if (same.protocol === 'ws:') same.protocol = 'http:';
  if (same.protocol === 'wss:') same.protocol = 'https:';
  return same.href;
}

/** SHA-256 (hex) of an enrollment token, as `StoredCredential.enrollmentTokenSha256` holds it. */
export function enrollmentTokenSha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
