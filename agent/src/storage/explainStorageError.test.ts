import { RestError } from '@azure/storage-blob';
import { describe, expect, it } from 'vitest';
import { JobFailure } from '../jobs/JobFailure.ts';
import { ChecksumMismatchError } from './ChecksumMismatchError.ts';
import { explainStorageError, type StorageErrorLocation } from './explainStorageError.ts';

// The error shapes below are what each SDK threw against MinIO, Azurite and fake-gcs-server, or what the
// services document where the emulators cannot produce them (GCS authentication, S3 permissions).
const s3: StorageErrorLocation = { kind: 's3', where: 's3://backups/prod' };
const azure: StorageErrorLocation = { kind: 'azure', where: 'https://acct.blob.core.windows.net/backups/prod' };
const gcs: StorageErrorLocation = { kind: 'gcs', where: 'gs://backups/prod' };

/** An error as the AWS SDK builds it from an S3 error answer. */
function s3Error(code: string, status: number, message = 'from S3'): Error {
  return Object.assign(new Error(message), { name: code, Code: code, $fault: 'client', $metadata: { httpStatusCode: status } });
}

function gcsError(code: number, message: string): Error {
  return Object.assign(new Error(message), { code, errors: [{ domain: 'global', reason: 'notFound', message }] });
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 10.0.0.1:443`), { code, errno: -111 });
}

describe('explainStorageError', () => {
  it.each([
    ['InvalidAccessKeyId', 403],
    ['SignatureDoesNotMatch', 403],
    ['ExpiredToken', 400],
  ])('reads S3 %s as a refused credential and names the keys to check', (code, status) => {
    const failure = explainStorageError(s3Error(code, status), s3, 'write');
    expect(failure).toBeInstanceOf(JobFailure);
    expect(failure.message).toBe(
      `the storage service refused the credential for s3://backups/prod (${code}): check the access key ID and ` +
        "secret access key (and the session token, if any) of the location's credential",
    );
    expect(failure.cause).toBeInstanceOf(Error);
  });

  it('reads Azure AuthenticationFailed, and Azurite’s AuthorizationFailure with the same text, as a refused credential', () => {
    const real = new RestError('Server failed to authenticate the request. Make sure…\nRequestId:1', {
      code: 'AuthenticationFailed',
      statusCode: 403,
    });
    const azurite = new RestError('Server failed to authenticate the request. Make sure…\nRequestId:2', {
      code: 'AuthorizationFailure',
      statusCode: 403,
    });
    for (const error of [real, azurite]) {
      expect(explainStorageError(error, azure, 'write').message).toMatch(
        /^the storage service refused the credential for https:\/\/acct\.blob\.core\.windows\.net\/backups\/prod .*account key, SAS token or connection string/,
      );
    }
  });

  it('reads a GCS 401 and a rejected service-account key as a refused credential', () => {
    expect(explainStorageError(gcsError(401, 'Invalid Credentials'), gcs, 'write').message).toContain(
      'refused the credential for gs://backups/prod (401): check the service-account JSON',
    );
    const tokenRefused = Object.assign(new Error('invalid_grant: Invalid JWT Signature.'), {
      response: { status: 400, data: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' } },
    });
    expect(explainStorageError(tokenRefused, gcs, 'write').message).toContain('(invalid_grant): check the service-account JSON');
  });

  it('tells a missing credential apart from a wrong one', () => {
    const none = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    expect(explainStorageError(none, s3, 'write').message).toMatch(/has no credential and the agent found none/);
    const adc = new Error('Could not load the default credentials. Browse to https://cloud.google.com/docs/…');
    expect(explainStorageError(adc, gcs, 'write').message).toMatch(/has no credential and the agent found none/);
  });

  it('reads NoSuchBucket, ContainerNotFound and a GCS bucket 404 as a missing bucket or container', () => {
    expect(explainStorageError(s3Error('NoSuchBucket', 404), s3, 'write').message).toBe(
      "the bucket of s3://backups/prod does not exist (NoSuchBucket): create it, or correct the location's bucket " +
        'name, region or endpoint',
    );
    const container = new RestError('The specified container does not exist.', { code: 'ContainerNotFound', statusCode: 404 });
    expect(explainStorageError(container, azure, 'write').message).toMatch(/^the container of .* does not exist \(ContainerNotFound\)/);
    // Real GCS names the bucket; fake-gcs-server and the write path only say 404.
    expect(explainStorageError(gcsError(404, 'The specified bucket does not exist.'), gcs, 'read').message).toMatch(
      /^the bucket of gs:\/\/backups\/prod does not exist \(404\)/,
    );
    expect(explainStorageError(gcsError(404, 'Not Found'), gcs, 'write').message).toMatch(/does not exist \(404\)/);
    // A 404 on a read is about the object, not the bucket.
    expect(explainStorageError(gcsError(404, 'No such object: backups/prod/x'), gcs, 'read').message).not.toMatch(
      /bucket of/,
    );
  });

  it('names the permission the failing step needs', () => {
    expect(explainStorageError(s3Error('AccessDenied', 403), s3, 'delete').message).toMatch(
      /^the credential for s3:\/\/backups\/prod is not allowed to delete objects from it \(AccessDenied\): grant it s3:DeleteObject/,
    );
    const denied = new RestError('This request is not authorized to perform this operation.', {
      code: 'AuthorizationPermissionMismatch',
      statusCode: 403,
    });
    const azureMessage = explainStorageError(denied, azure, 'list').message;
    expect(azureMessage).toContain('not allowed to list objects in it (AuthorizationPermissionMismatch)');
    expect(azureMessage).toContain('firewall');
    expect(explainStorageError(gcsError(403, 'Forbidden'), gcs, 'read').message).toContain(
      'not allowed to read objects from it (403): grant it storage.objects.get',
    );
    // A HEAD answer has no body: the AWS SDK only knows the status.
    const bareHead = Object.assign(new Error('UnknownError'), { name: 'Unknown', $metadata: { httpStatusCode: 403 } });
    expect(explainStorageError(bareHead, s3, 'read').message).toContain('not allowed to read objects from it (403)');
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH'])(
    'reads %s as an unreachable endpoint, through any wrapping',
    (code) => {
      const direct = networkError(code);
      const azureWrapped = new RestError(`connect ${code}`, { code });
      const gaxiosWrapped = Object.assign(new Error('request failed'), { cause: networkError(code) });
      for (const [error, location] of [
        [direct, s3],
        [azureWrapped, azure],
        [gaxiosWrapped, gcs],
      ] as const) {
        const message = explainStorageError(error, location, 'write').message;
        expect(message).toContain(`could not reach ${location.where} (${code}): check the endpoint`);
        expect(message).toContain('HTTPS_PROXY');
      }
    },
  );

  it('reads request timeouts as an endpoint that does not answer', () => {
    const smithy = Object.assign(new Error('a request has exceeded the configured 10000 ms requestTimeout'), {
      name: 'TimeoutError',
      code: 'ETIMEDOUT',
    });
    expect(explainStorageError(smithy, s3, 'write').message).toContain('could not reach s3://backups/prod (no answer in time)');
  });

  it('reads certificate and protocol errors as a TLS problem', () => {
    for (const code of ['SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID', 'EPROTO']) {
      expect(explainStorageError(networkError(code), s3, 'write').message).toMatch(
        new RegExp(`^the TLS connection to s3://backups/prod failed \\(${code}\\): check that the endpoint's scheme`),
      );
    }
  });

  it('reads a region mismatch as one, quoting the region S3 expects', () => {
    const error = s3Error('AuthorizationHeaderMalformed', 400, "the region 'us-east-1' is wrong; expecting 'eu-west-1'");
    expect(explainStorageError(error, s3, 'write').message).toContain(
      "in another region than the location says (AuthorizationHeaderMalformed): set the location's region to the " +
        "bucket's (the region 'us-east-1' is wrong; expecting 'eu-west-1')",
    );
  });

  it('reads a checksum mismatch as data altered on the way', () => {
    const error = new ChecksumMismatchError('probe', 'aa', 'bb', 's3://backups/prod');
    expect(explainStorageError(error, s3, 'read').message).toMatch(/^data read back from s3:\/\/backups\/prod differs/);
  });

  it('keeps the message of anything else, naming the location and the step', () => {
    const odd = s3Error('SlowDown', 503, 'Please reduce your request rate.');
    expect(explainStorageError(odd, s3, 'list').message).toBe(
      'could not list objects in s3://backups/prod (SlowDown): Please reduce your request rate.',
    );
    const bodiless = new RestError('', { statusCode: 404 });
    expect(explainStorageError(bodiless, azure, 'write').message).toBe(
      `could not write objects to ${azure.where} (HTTP 404): the service gave no details`,
    );
  });

  it('explains a filesystem location by its error code, as advice about the volume', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const location = { kind: 'filesystem', where: '/var/backups/fleet' } as const;
    expect(explainStorageError(full, location, 'write').message).toBe('/var/backups/fleet is full');
    const gone = Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    expect(explainStorageError(gone, location, 'read').message).toBe(
      "/var/backups/fleet is gone from the agent's file system; check that the volume is still mounted",
    );
  });

  it('passes a JobFailure through unchanged', () => {
    const failure = new JobFailure('already explained');
    expect(explainStorageError(failure, s3, 'write')).toBe(failure);
  });
});
