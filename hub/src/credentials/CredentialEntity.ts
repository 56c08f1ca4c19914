import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { newId } from '../db/newId.ts';
import { tenantScopeFilter } from '../db/scopeFilter.ts';
import { TenantEntity } from '../tenants/TenantEntity.ts';
import type { CredentialKindName } from './kinds/credentialKinds.ts';

/**
 * Cloud credentials of a tenant. The secret parts live only in `sealedSecret`, encrypted under the hub's master
 * key and bound to the row's id; the other columns are safe to show.
 */
export const CredentialEntity = defineEntity({
  name: 'Credential',
  tableName: 'credentials',
  uniques: [{ properties: ['tenantId', 'name'] }],
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => newId()),
    tenantId: p.manyToOne(TenantEntity).mapToPk().fieldName('tenant_id').deleteRule('cascade'),
    name: p.string(),
    /** No CHECK constraint: the list grows with the product, and the API and parsers refuse unknown values. */
    kind: p.string().$type<CredentialKindName>(),
    /** aws: the default region for S3 calls made with it. */
    region: p.string().nullable(),
    /** azure: the storage account. */
    accountName: p.string().nullable(),
    /** gcp: from the service-account key. */
    projectId: p.string().nullable(),
    clientEmail: p.string().nullable(),
    /** Names (not values) of the secret fields held, so callers see what is set. */
    secretFields: p.json<string[]>(),
    /** SecretBox output of the CredentialSecret. */
    sealedSecret: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  filters: { scope: tenantScopeFilter },
});

export type CredentialRow = InferEntity<typeof CredentialEntity>;
