import type { EntityManager } from '@mikro-orm/core';
import { unreachable } from '../auth/Principal.ts';
import { CredentialEntity, type CredentialKindName } from '../credentials/CredentialEntity.ts';
import { BadUserInputError } from '../errors/errors.ts';
import type { LocationKindName } from './BackupLocationEntity.ts';

/** The credential kind each location kind signs in with; filesystem locations take none. */
export function credentialKindFor(kind: LocationKindName): CredentialKindName | null {
  switch (kind) {
    case 's3':
      return 'aws';
    case 'azure':
      return 'azure';
    case 'gcs':
      return 'gcp';
    case 'filesystem':
      return null;
    default:
      return unreachable(kind);
  }
}

/**
 * Why a location of `kind` reached at `endpoint` cannot go without a credential, or null when it can: azure
 * always needs one (the hub cannot count on an ambient identity); gcs needs one unless it names an endpoint
 * (an emulator, or a private endpoint that authenticates at the network layer), to which the agent then
 * sends unauthenticated requests; s3 may use the agent's ambient identity (IAM roles); filesystem takes none.
 */
export function missingCredentialProblem(kind: LocationKindName, endpoint: string | null): string | null {
  switch (kind) {
    case 'azure':
      return 'azure locations need a credential of kind azure';
    case 'gcs':
      return endpoint === null
        ? 'gcs locations need a credential of kind gcp, unless they name an endpoint that takes ' +
            'unauthenticated requests (an emulator, or a private endpoint that authenticates at the network layer)'
        : null;
    case 's3':
    case 'filesystem':
      return null;
    default:
      return unreachable(kind);
  }
}

/**
 * Checks the credential a location of `kind` at `endpoint` in `tenantId` would use: required where
 * `missingCredentialProblem` says so, refused for filesystem; when given, a credential of the same tenant
 * and the matching kind.
 */
export async function checkLocationCredential(
  em: EntityManager,
  field: string,
  tenantId: string,
  location: { kind: LocationKindName; endpoint: string | null },
  credentialId: string | null,
): Promise<string | null> {
  const { kind } = location;
  const wanted = credentialKindFor(kind);
  if (credentialId === null) {
    const problem = missingCredentialProblem(kind, location.endpoint);
    if (problem !== null) throw new BadUserInputError(field, problem);
    return null;
  }
  if (wanted === null) throw new BadUserInputError(field, `${kind} locations take no credential`);
  // Looked up within the tenant: another tenant's credential reads as absent, which reveals nothing.
  const credential = await em.findOne(CredentialEntity, { id: credentialId, tenantId }, { fields: ['kind'] });
  if (!credential) throw new BadUserInputError(field, `no credential '${credentialId}' in this tenant`);
  if (credential.kind !== wanted) {
    throw new BadUserInputError(
      field,
      `${kind} locations need a credential of kind ${wanted}, not ${credential.kind}`,
    );
  }
  return credentialId;
}
