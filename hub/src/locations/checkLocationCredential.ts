import type { EntityManager } from '@mikro-orm/core';
import type { LocationKind } from '#schema/agent/LocationTarget';
import { CredentialEntity } from '../credentials/CredentialEntity.ts';
import { BadUserInputError } from '../errors/errors.ts';
import { listWords } from '../graphql/listWords.ts';
import { locationProviders } from './providers/locationProviders.ts';

/** Why a location of `kind` reached at `endpoint` cannot go without a credential, or null when it can. */
export function missingCredentialProblem(kind: LocationKind, endpoint: string | null): string | null {
  return locationProviders[kind].missingCredentialProblem(endpoint);
}

/**
 * Checks the credential a location of `kind` at `endpoint` in `tenantId` would use: required where its
 * provider's `missingCredentialProblem` says so, refused where the provider takes none; when given, a
 * credential of the same tenant and of a kind the provider signs in with.
 */
export async function checkLocationCredential(
  em: EntityManager,
  field: string,
  tenantId: string,
  location: { kind: LocationKind; endpoint: string | null },
  credentialId: string | null,
): Promise<string | null> {
  const { kind } = location;
  if (credentialId === null) {
    const problem = missingCredentialProblem(kind, location.endpoint);
    if (problem !== null) throw new BadUserInputError(field, problem);
    return null;
  }
  const wanted = locationProviders[kind].credentialKinds;
  if (wanted.length === 0) throw new BadUserInputError(field, `${kind} locations take no credential`);
  // Looked up within the tenant: another tenant's credential reads as absent, which reveals nothing.
  const credential = await em.findOne(CredentialEntity, { id: credentialId, tenantId }, { fields: ['kind'] });
  if (!credential) throw new BadUserInputError(field, `no credential '${credentialId}' in this tenant`);
  if (!wanted.includes(credential.kind)) {
    throw new BadUserInputError(
      field,
      `${kind} locations need a credential of kind ${listWords(wanted, 'or')}, not ${credential.kind}`,
    );
  }
  return credentialId;
}
