import { describe, expect, it } from 'vitest';
import { credentialKindsFor, describeWhere, emptyLocationForm, locationInputFromForm } from './locationForm.ts';

describe('the location form', () => {
  it('sends a filesystem location without a credential', () => {
    const form = { ...emptyLocationForm('filesystem'), name: 'disk', path: ' /var/backups ', credentialId: 'c1', bucket: 'ignored' };
    expect(locationInputFromForm('t1', form)).toEqual({ tenantId: 't1', name: 'disk', prefix: '', filesystem: { path: '/var/backups' } });
  });

  it('sends an S3 location with its optional fields only when given, the prefix without slashes', () => {
    const form = { ...emptyLocationForm('s3'), name: 'minio', bucket: 'backups', prefix: '/prod/eu/', endpoint: 'http://minio:9000', forcePathStyle: true, credentialId: 'c1' };
    expect(locationInputFromForm('t1', form)).toEqual({
      tenantId: 't1',
      name: 'minio',
      prefix: 'prod/eu',
      credentialId: 'c1',
      s3: { bucket: 'backups', endpoint: 'http://minio:9000', forcePathStyle: true },
    });
  });

  it('names the container of an Azure location and the bucket of a GCS one', () => {
    expect(locationInputFromForm('t1', { ...emptyLocationForm('azure'), name: 'az', bucket: 'box', credentialId: 'c2' })).toMatchObject({
      azure: { container: 'box' },
      credentialId: 'c2',
    });
    expect(locationInputFromForm('t1', { ...emptyLocationForm('gcs'), name: 'g', bucket: 'b', encryptionKeyRef: 'k1' })).toEqual({
      tenantId: 't1',
      name: 'g',
      prefix: '',
      encryptionKeyRef: 'k1',
      gcs: { bucket: 'b' },
    });
  });

  it('keeps the bucket typed for one kind when switching to another, and sends it in that kind\'s block', () => {
    const typed = { ...emptyLocationForm('s3'), name: 'b', bucket: 'shop', endpoint: 'http://127.0.0.1:4443' };
    expect(locationInputFromForm('t1', { ...typed, kind: 'gcs' })).toEqual({
      tenantId: 't1',
      name: 'b',
      prefix: '',
      gcs: { bucket: 'shop', endpoint: 'http://127.0.0.1:4443' },
    });
  });

  it('pairs location kinds with credential kinds', () => {
    expect(['s3', 'azure', 'gcs', 'filesystem'].map((k) => credentialKindsFor(k as never))).toEqual([['aws'], ['azure'], ['gcp'], []]);
  });
});

describe('describeWhere', () => {
  it('writes each kind as an address', () => {
    expect(describeWhere({ kind: 's3', bucket: 'b', prefix: 'prod/eu', path: null })).toBe('s3://b/prod/eu');
    expect(describeWhere({ kind: 'gcs', bucket: 'b', prefix: '', path: null })).toBe('gs://b');
    expect(describeWhere({ kind: 'azure', bucket: 'c', prefix: 'x', path: null })).toBe('azure://c/x');
    expect(describeWhere({ kind: 'filesystem', bucket: null, prefix: '', path: '/var/backups' })).toBe('/var/backups');
  });
});
