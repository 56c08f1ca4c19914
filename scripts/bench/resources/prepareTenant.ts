import type { S3Info } from '../../../test/world/WorldInfo.ts';

/** A GraphQL call to the hub as its admin; throws on any error. */
export type HubApi = <T>(query: string, variables?: object) => Promise<T>;

/** What the benchmark made on the hub: a tenant whose cluster has an S3 location to back up to. */
export interface BenchTenant {
  tenantId: string;
  clusterId: string;
  enrollmentToken: string;
  locationId: string;
}

/**
 * Creates a tenant, MinIO's keys as its credential, an S3 location on `bucket` under `prefix`, and registers
 * the cluster whose agent enrolls with the returned token.
 */
export async function prepareTenant(api: HubApi, s3: S3Info, bucket: string, prefix: string): Promise<BenchTenant> {
  const { createTenant } = await api<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "bench" }) { id } }');
  const tenantId = createTenant.id;
  const { createCredential } = await api<{ createCredential: { id: string } }>(
    'mutation($t: ID!, $k: String!, $s: String!) { createCredential(input: { tenantId: $t, name: "minio", aws: { accessKeyId: $k, secretAccessKey: $s } }) { id } }',
    { t: tenantId, k: s3.accessKeyId, s: s3.secretAccessKey },
  );
  const { createBackupLocation } = await api<{ createBackupLocation: { id: string } }>(
    'mutation($t: ID!, $b: String!, $p: String!, $e: String!, $r: String!, $c: ID!) { createBackupLocation(input: { tenantId: $t, name: "minio", prefix: $p, s3: { bucket: $b, endpoint: $e, region: $r, forcePathStyle: true }, credentialId: $c }) { id } }',
    { t: tenantId, b: bucket, p: prefix, e: s3.endpoint, r: s3.region, c: createCredential.id },
  );
  const { registerCluster } = await api<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
    'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "bench" }) { cluster { id } enrollmentToken } }',
    { t: tenantId },
  );
  return {
    tenantId,
    clusterId: registerCluster.cluster.id,
    enrollmentToken: registerCluster.enrollmentToken,
    locationId: createBackupLocation.id,
  };
}
