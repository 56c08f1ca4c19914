import { describe, expect, it } from 'vitest';
import type { LocationKind, LocationTarget } from '#schema/agent/LocationTarget';
import { JobFailure } from '../jobs/JobFailure.ts';
import { parseLocationTarget } from './parseLocationTarget.ts';

/** One full target of every kind, as the hub builds them; the type makes a new kind add its own. */
const targets: { [K in LocationKind]: LocationTarget<K> } = {
  s3: {
    kind: 's3',
    bucket: 'backups',
    prefix: 'prod/eu',
    region: 'eu-west-1',
    endpoint: 'http://127.0.0.1:9000',
    forcePathStyle: true,
    credential: { accessKeyId: 'AKIA', secretAccessKey: 'secret', sessionToken: 'token' },
  },
  azure: {
    kind: 'azure',
    container: 'backups',
    prefix: '',
    endpoint: null,
    credential: { accountName: 'acct', sasToken: 'sv=1&sig=x' },
  },
  gcs: {
    kind: 'gcs',
    bucket: 'backups',
    prefix: 'fleet',
    endpoint: null,
    credential: { projectId: null, serviceAccountJson: '{"client_email":"a@b"}' },
  },
  filesystem: { kind: 'filesystem', path: '/var/backups', prefix: 'fleet' },
};

describe('parseLocationTarget', () => {
  it.each(Object.values(targets))('reads a $kind location as the hub wrote it', (target) => {
    expect(parseLocationTarget(JSON.parse(JSON.stringify(target)), 'location')).toEqual(target);
  });

  it('reads a location without a credential, and absent optional settings as null', () => {
    expect(parseLocationTarget({ kind: 's3', bucket: 'b', prefix: '', credential: null }, 'location')).toEqual({
      kind: 's3',
      bucket: 'b',
      prefix: '',
      region: null,
      endpoint: null,
      forcePathStyle: false,
      credential: null,
    });
  });

  it('refuses a kind it has no provider for, saying to upgrade the agent', () => {
    for (const kind of ['tape', 'toString', undefined]) {
      expect(() => parseLocationTarget({ kind, prefix: '' }, 'location')).toThrow(
        new JobFailure(`this agent does not know locations of kind '${String(kind)}'; upgrade the agent`),
      );
    }
  });

  it('names the setting it cannot read', () => {
    expect(() => parseLocationTarget({ kind: 'gcs', bucket: 'b', endpoint: null }, 'location')).toThrow(
      'the gcs location is not one this agent can use (location.prefix: must be a string)',
    );
    const noSecret = { ...targets.s3, credential: { accessKeyId: 'AKIA' } };
    expect(() => parseLocationTarget(noSecret, 'location')).toThrow(
      '(location.credential.secretAccessKey: must be a non-empty string)',
    );
    expect(() => parseLocationTarget({ kind: 'filesystem', path: 7, prefix: '' }, 'location')).toThrow(
      '(location.path: must be a non-empty string)',
    );
  });
});
