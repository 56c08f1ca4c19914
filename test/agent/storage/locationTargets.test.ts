import { describe, expect, it } from 'vitest';
import type { LocationKind } from '#schema/agent/LocationTarget';
import { SpecReader } from '#schema/contracts/SpecReader';
import { parseLocationTarget } from '../../../agent/src/storage/parseLocationTarget.ts';
import { storageProviders } from '../../../agent/src/storage/providers/storageProviders.ts';
import type { CredentialRow } from '../../../hub/src/credentials/CredentialEntity.ts';
import type { OpenedCredential } from '../../../hub/src/credentials/CredentialSecret.ts';
import {
  type CredentialInputOf,
  type CredentialKindName,
  credentialKindDescriptors,
} from '../../../hub/src/credentials/kinds/credentialKinds.ts';
import type { BackupLocationRow } from '../../../hub/src/locations/BackupLocationEntity.ts';
import { locationKinds, locationProviders } from '../../../hub/src/locations/providers/locationProviders.ts';

// The hub builds a location's target and the agent parses it: for every provider and every credential kind
// it takes, what the agent reads is what the hub sent.

const privateKey = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';
const credentialInputs: { [K in CredentialKindName]: CredentialInputOf<K> } = {
  aws: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token', region: 'eu-west-1' },
  azure: { accountName: 'shopbackups', accountKey: 'c2VjcmV0' },
  gcp: {
    serviceAccountJson: JSON.stringify({ type: 'service_account', project_id: 'shop', client_email: 'b@shop.iam', private_key: privateKey }),
  },
};

function row(kind: LocationKind): BackupLocationRow {
  const now = new Date();
  return {
    id: `loc-${kind}`,
    tenantId: 't1',
    name: kind,
    kind,
    bucket: kind === 'filesystem' ? null : 'shop-backups',
    prefix: 'prod/eu',
    region: kind === 's3' ? 'eu-west-1' : null,
    endpoint: kind === 'filesystem' ? null : 'http://127.0.0.1:9000',
    forcePathStyle: kind === 's3',
    path: kind === 'filesystem' ? '/var/backups' : null,
    credentialId: null,
    encryptionKeyRef: null,
    sealedRepositoryKey: null,
    sealedPendingRepositoryKey: null,
    validatedAt: null,
    validatedByClusterId: null,
    validationError: null,
    createdAt: now,
    updatedAt: now,
  };
}

function opened<K extends CredentialKindName>(kind: K): OpenedCredential {
  const descriptor = credentialKindDescriptors[kind];
  const { shown, secret } = descriptor.parse(credentialInputs[kind], `input.${kind}`);
  const credential = { region: null, accountName: null, projectId: null, clientEmail: null, ...shown } as CredentialRow;
  return { kind, payload: descriptor.payload(secret, credential) } as OpenedCredential;
}

describe('location targets from hub to agent', () => {
  it('have a provider on both sides for the same kinds', () => {
    expect(Object.keys(storageProviders)).toEqual(locationKinds);
  });

  it.each(locationKinds)('reach the agent as the hub built them: %s', (kind) => {
    const provider = locationProviders[kind];
    const credentials = [null, ...provider.credentialKinds.map((credentialKind) => opened(credentialKind))];
    for (const credential of credentials) {
      const target = provider.target(row(kind), credential);
      expect(target.kind).toBe(kind);
      expect(parseLocationTarget(SpecReader.of(JSON.parse(JSON.stringify(target)), 'location'))).toEqual(target);
      if (credential) expect(target).toMatchObject({ credential: credential.payload });
    }
  });
});
