import { SpecReader } from '#schema/contracts/SpecReader';
import { WireError } from '#schema/contracts/WireError';
import { AgentFatalError } from './AgentFatalError.ts';
import type { CredentialStore } from './CredentialStore.ts';
import type { HubLink } from './HubLink.ts';
import { HubRequestError } from './HubRequestError.ts';
import { enrollmentTokenSha256, hubIdentity, type StoredCredential } from './StoredCredential.ts';

export interface EnrollmentResult {
  clusterId: string;
  clusterName: string;
  tenantId: string;
}

/**
 * Trades the one-time enrollment token for the cluster credential over a link to `hubUrl` opened without a
 * credential, and stores it, bound to that hub, the cluster and the token, before returning it. A refused
 * token is fatal: only an admin can issue another.
 */
export async function enroll(link: Pick<HubLink, 'request'>, hubUrl: URL, token: string, store: CredentialStore): Promise<StoredCredential> {
  let answer: unknown;
  try {
    answer = await link.request(
      'mutation($token: String!) { enroll(token: $token) { clusterId clusterName tenantId credential } }',
      { token },
    );
  } catch (error) {
    if (error instanceof HubRequestError && error.code === 'UNAUTHENTICATED') {
      throw new AgentFatalError(`enrollment refused: ${error.message}`);
    }
    throw error;
  }
  const { credential, clusterId, clusterName, tenantId } = enrollAnswerOf(answer);
  const stored: StoredCredential = {
    credential,
    hubUrl: hubIdentity(hubUrl),
    clusterId,
    clusterName,
    tenantId,
    enrollmentTokenSha256: enrollmentTokenSha256(token),
  };
  await store.save(stored);
  return stored;
}

/**
 * The hub's answer to `enroll`, every field a non-empty string. Any other answer is fatal: the token is spent
 * either way, and an agent that stored a partial credential could not use it.
 */
function enrollAnswerOf(answer: unknown): EnrollmentResult & { credential: string } {
  try {
    const enrolled = SpecReader.of(answer, 'data').object('enroll');
    return {
      credential: enrolled.string('credential'),
      clusterId: enrolled.string('clusterId'),
      clusterName: enrolled.string('clusterName'),
      tenantId: enrolled.string('tenantId'),
    };
  } catch (error) {
    if (!(error instanceof WireError)) throw error;
    throw new AgentFatalError(
      `the hub's answer to enroll cannot be read (${error.message}); the hub and agent versions may not match: ` +
        "install an agent of the hub's version and renew the cluster's enrollment (Mutation.renewClusterEnrollment)",
      { cause: error },
    );
  }
}
