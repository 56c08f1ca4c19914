import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { BlobServiceClient } from '@azure/storage-blob';
import { Storage } from '@google-cloud/storage';
import type { TestAgent } from '../../kit/startTestAgent.ts';
import type { TestHub } from '../../kit/startTestHub.ts';
import { waitFor } from '../../world/waitFor.ts';
import type { WorldInfo } from '../../world/WorldInfo.ts';

export type LocationKind = 'filesystem' | 's3' | 'gcs' | 'azure';

/** What a backup or a restore ended with, as the hub reports it. */
export interface Ended {
  phase: string;
  progress: { itemsDone: number; itemsTotal: number };
  result: { countsByKind: { resource: string; kind: string | null; count: number }[]; warnings: string[]; errors: string[] } | null;
}

/** What a restore did with one item, as the hub lists it. */
export interface RestoreItem {
  type: string;
  namespace: string | null;
  name: string;
  result: 'created' | 'updated' | 'skipped' | 'failed';
  reason: string | null;
  error: string | null;
  uid: string | null;
}

/** A user's view of the hub: GraphQL as the tenant admin, and the agents whose death ends any wait. */
export class HubUser {
  constructor(
    private readonly hub: TestHub,
    private readonly agents: () => TestAgent[],
  ) {}

  async gql<T>(query: string, variables?: object): Promise<T> {
    const result = await this.hub.gql<T>(this.hub.adminToken, query, variables);
    if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
    return result.data as T;
  }

  /** Polls `read` until the phase it returns is one of `final`; fails early when an agent has died. */
  until<T extends { phase: string }>(what: string, final: string[], read: () => Promise<T>): Promise<T> {
    return waitFor(async () => {
      const value = await read();
      return final.includes(value.phase) ? value : undefined;
    }, {
      what,
      timeoutMs: 180_000,
      abortIf: () => {
        for (const agent of this.agents()) {
          if (agent.process.exitCode !== null) throw new Error(`an agent died:\n${agent.output().slice(-3000)}`);
        }
      },
    });
  }

  /**
   * Creates a location of `kind` in the world's store of that kind, as a user would: the bucket or container
   * first, then its credential (none for filesystem, and none for GCS, whose emulator is reached through an
   * endpoint that takes unauthenticated requests), then the location; checked from inside every cluster.
   */
  async createLocation(
    world: WorldInfo,
    tenantId: string,
    kind: LocationKind,
    name: string,
    clusterIds: string[],
    filesystemPath: string,
  ): Promise<string> {
    const credential = async (input: object) =>
      (await this.gql<{ createCredential: { id: string } }>(
        'mutation($input: CreateCredentialInput!) { createCredential(input: $input) { id } }',
        { input: { tenantId, name: `${name}-key`, ...input } },
      )).createCredential.id;
    let input: object;
    switch (kind) {
      case 'filesystem':
        input = { filesystem: { path: filesystemPath } };
        break;
      case 's3': {
        const s3 = required(world.s3);
        const keys = { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey };
        // A copy: the SDK marks the credentials it is given.
        const client = new S3Client({ endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: { ...keys } });
        await client.send(new CreateBucketCommand({ Bucket: name }));
        input = {
          s3: { bucket: name, endpoint: s3.endpoint, region: s3.region, forcePathStyle: true },
          credentialId: await credential({ aws: keys }),
        };
        break;
      }
      case 'gcs': {
        const gcs = required(world.gcs);
        await new Storage({ apiEndpoint: gcs.endpoint, projectId: gcs.projectId }).createBucket(name);
        input = { gcs: { bucket: name, endpoint: gcs.endpoint } };
        break;
      }
      case 'azure': {
        const azure = required(world.azure);
        await BlobServiceClient.fromConnectionString(azure.connectionString).createContainer(name);
        input = {
          azure: { container: name, endpoint: azure.blobEndpoint },
          credentialId: await credential({ azure: { accountName: azure.accountName, accountKey: azure.accountKey } }),
        };
        break;
      }
    }
    const created = await this.gql<{ createBackupLocation: { id: string } }>(
      'mutation($input: CreateBackupLocationInput!) { createBackupLocation(input: $input) { id } }',
      { input: { tenantId, name, prefix: 'fleet', ...input } },
    );
    const id = created.createBackupLocation.id;
    for (const clusterId of clusterIds) await this.validate(id, clusterId);
    return id;
  }

  /** Checks a location from inside a cluster and fails unless its agent could write, read and delete there. */
  private async validate(locationId: string, clusterId: string): Promise<void> {
    const job = await this.gql<{ validateBackupLocation: { id: string } }>(
      'mutation($l: ID!, $c: ID!) { validateBackupLocation(id: $l, clusterId: $c) { id } }',
      { l: locationId, c: clusterId },
    );
    await this.until('the location check', ['Succeeded', 'Failed', 'Cancelled'], async () =>
      (await this.gql<{ job: { phase: string } }>('query($id: ID!) { job(id: $id) { phase } }', {
        id: job.validateBackupLocation.id,
      })).job,
    );
    const { backupLocation } = await this.gql<{
      backupLocation: { validation: { ok: boolean; clusterId: string; error: string | null } };
    }>('query($id: ID!) { backupLocation(id: $id) { validation { ok clusterId error } } }', { id: locationId });
    if (!backupLocation.validation.ok || backupLocation.validation.clusterId !== clusterId) {
      throw new Error(`the location check from cluster ${clusterId} failed: ${backupLocation.validation.error}`);
    }
  }

  async backup(input: object): Promise<{ id: string; ended: Ended }> {
    const { createBackup } = await this.gql<{ createBackup: { id: string } }>(
      'mutation($input: CreateBackupInput!) { createBackup(input: $input) { id } }',
      { input },
    );
    const ended = await this.until('the backup to end', ['Completed', 'PartiallyFailed', 'Failed'], async () =>
      (await this.gql<{ backup: Ended }>(
        `query($id: ID!) { backup(id: $id) { phase ${resultFields} } }`,
        { id: createBackup.id },
      )).backup,
    );
    return { id: createBackup.id, ended };
  }

  async restore(input: object): Promise<{ id: string; ended: Ended; items: RestoreItem[] }> {
    const { createRestore } = await this.gql<{ createRestore: { id: string } }>(
      'mutation($input: CreateRestoreInput!) { createRestore(input: $input) { id } }',
      { input },
    );
    const ended = await this.until('the restore to end', ['Completed', 'PartiallyFailed', 'Failed'], async () =>
      (await this.gql<{ restore: Ended }>(
        `query($id: ID!) { restore(id: $id) { phase ${resultFields} } }`,
        { id: createRestore.id },
      )).restore,
    );
    const { restore } = await this.gql<{ restore: { items: { totalCount: number; edges: { node: RestoreItem }[] } } }>(
      'query($id: ID!) { restore(id: $id) { items(first: 500) { totalCount edges { node { type namespace name result reason error uid } } } } }',
      { id: createRestore.id },
    );
    if (restore.items.totalCount > restore.items.edges.length) throw new Error('more restore items than one page');
    return { id: createRestore.id, ended, items: restore.items.edges.map((e) => e.node) };
  }
}

const resultFields = 'progress { itemsDone itemsTotal } result { countsByKind { resource kind count } warnings errors }';

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the world lacks this store');
  return value;
}
