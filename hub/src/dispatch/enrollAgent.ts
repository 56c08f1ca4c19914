import type { EntityManager } from '@mikro-orm/core';
import { hashSecret, newSecret } from '../auth/secretToken.ts';
import { ClusterEntity } from '../clusters/ClusterEntity.ts';
import { UnauthenticatedError } from '../errors/errors.ts';
import type { Enrollment } from './AgentLinkTypes.ts';

const askAgain =
  'ask a tenant admin for a new token (Mutation.renewClusterEnrollment) and start the agent with it';

/**
 * Trades a one-time enrollment token for the cluster's credential. The token is cleared in the same
 * conditional update that stores the credential, so of two agents racing with one token only one enrolls.
 */
export async function enrollAgent(em: EntityManager, token: string): Promise<Enrollment> {
  const tokenHash = hashSecret(token);
  const cluster = await em.findOne(ClusterEntity, { enrollmentHash: tokenHash });
  if (!cluster) {
    throw new UnauthenticatedError(`the enrollment token is not valid: it was already used or replaced; ${askAgain}`);
  }
  if (!cluster.enrollmentExpiresAt || cluster.enrollmentExpiresAt.getTime() <= Date.now()) {
    throw new UnauthenticatedError(
      `the enrollment token expired at ${cluster.enrollmentExpiresAt?.toISOString() ?? 'an unknown time'}; ${askAgain}`,
    );
  }
  const credential = newSecret('fbk_agent');
  const enrolled = await em.nativeUpdate(
    ClusterEntity,
    { id: cluster.id, enrollmentHash: tokenHash },
    {
      enrollmentHash: null,
      enrollmentExpiresAt: null,
      credentialHash: credential.hash,
      enrolledAt: new Date(),
    },
  );
  if (enrolled === 0) {
    throw new UnauthenticatedError(`the enrollment token is not valid: it was already used or replaced; ${askAgain}`);
  }
  return { clusterId: cluster.id, clusterName: cluster.name, tenantId: cluster.tenantId, credential: credential.token };
}
