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
 * Checks the credential a location of `kind` in `tenantId` would use: required for azure and gcs (they have no
 * ambient identity the hub can count on), optional for s3 (IAM roles), refused for filesystem; when given, a
 * credential of the same tenant and the matching kind.
 */
export async function checkLocationCredential(
  em: EntityManager,
  field: string,
  tenantId: string,
  kind: LocationKindName,
  credentialId: string | null,
): Promise<string | null> {
  const wanted = credentialKindFor(kind);
  if (credentialId === null) {
    if (wanted !== null && kind !== 's3') {
      throw new BadUserInputError(field, `${kind} locations need a credential of kind ${wanted}`);
    }
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
