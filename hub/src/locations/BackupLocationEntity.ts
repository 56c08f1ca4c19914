import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { newId } from '../db/newId.ts';
import { tenantScopeFilter } from '../db/scopeFilter.ts';
import { CredentialEntity } from '../credentials/CredentialEntity.ts';
import type { LocationKind } from '#schema/agent/LocationTarget';
import { TenantEntity } from '../tenants/TenantEntity.ts';

/**
 * A place agents write backups to, under `prefix` in a bucket (s3, gcs), a container (azure) or a directory
 * mounted into the agent (filesystem). Its storage keys live in the referenced Credential; the one secret it
 * holds is the key-encryption key of its repository, sealed (`locationRepositoryKey`).
 */
export const BackupLocationEntity = defineEntity({
  name: 'BackupLocation',
  tableName: 'backup_locations',
  uniques: [{ properties: ['tenantId', 'name'] }],
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => newId()),
    tenantId: p.manyToOne(TenantEntity).mapToPk().fieldName('tenant_id').deleteRule('cascade'),
    name: p.string(),
    /** No CHECK constraint: the list grows with the product, and the API and parsers refuse unknown values. */
    kind: p.string().$type<LocationKind>(),
    /** The bucket (s3, gcs) or container (azure); null for filesystem. */
    bucket: p.string().nullable(),
    /** Key prefix inside the bucket, without leading or trailing slash; empty for the bucket's root. */
    prefix: p.text().default(''),
    region: p.string().nullable(),
    endpoint: p.text().nullable(),
    forcePathStyle: p.boolean().default(false),
    /** filesystem: an absolute path as the agent sees it. */
    path: p.text().nullable(),
    credentialId: p.manyToOne(CredentialEntity).mapToPk().fieldName('credential_id').nullable().deleteRule('no action'),
    /** Names the key that encrypts backup data (e.g. a KMS key id); the key itself is never stored here. */
    encryptionKeyRef: p.text().nullable(),
    /**
     * SecretBox output of the key-encryption key that wraps the master key of the location's repository (32
     * bytes), bound to the row's id. Never in the API. Null only for a row older than repository keys,
     * until the hub's start gives it one (`sealMissingRepositoryKeys`).
     */
    sealedRepositoryKey: p.text().nullable(),
    /**
     * The key a queued or running `rotateRepositoryKey` job rewraps to, sealed alike;
     * it replaces `sealedRepositoryKey` when the job succeeds and is dropped when it fails.
     */
    sealedPendingRepositoryKey: p.text().nullable(),
    /** The last validation job's end: when, from which cluster, and its error (null when it passed). */
    validatedAt: p.datetime().nullable(),
    validatedByClusterId: p.string().nullable(),
    validationError: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  filters: { scope: tenantScopeFilter },
});

export type BackupLocationRow = InferEntity<typeof BackupLocationEntity>;
