import { AgentFatalError } from './AgentFatalError.ts';
import type { CredentialStore } from './CredentialStore.ts';
import type { HubLink } from './HubLink.ts';
import { HubRequestError } from './HubRequestError.ts';

export interface EnrollmentResult {
  clusterId: string;
  clusterName: string;
  tenantId: string;
}

/**
 * Trades the one-time enrollment token for the cluster credential over a link opened without a credential,
 * and stores the credential before returning. A refused token is fatal: only an admin can issue another.
 */
export async function enroll(link: HubLink, token: string, store: CredentialStore): Promise<EnrollmentResult> {
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
  const { credential, ...cluster } = answer.enroll;
  await store.save(credential);
  return cluster;
}
