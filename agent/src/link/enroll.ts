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
export async function enroll(link: HubLink, hubUrl: URL, token: string, store: CredentialStore): Promise<StoredCredential> {
  let answer: { enroll: EnrollmentResult & { credential: string } };
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
  const { credential, clusterId, clusterName, tenantId } = answer.enroll;
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
