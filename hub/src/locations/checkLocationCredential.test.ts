import { describe, expect, it } from 'vitest';
import { missingCredentialProblem } from './checkLocationCredential.ts';

describe('missingCredentialProblem', () => {
  it('lets a gcs location with an endpoint go without a credential, and no other gcs location', () => {
    expect(missingCredentialProblem('gcs', 'http://fake-gcs.storage.svc:4443')).toBeNull();
    expect(missingCredentialProblem('gcs', null)).toMatch(/^gcs locations need a credential of kind gcp, unless they name an endpoint/);
  });

  it('always wants one for azure, never for s3 or filesystem', () => {
    expect(missingCredentialProblem('azure', null)).toBe('azure locations need a credential of kind azure');
    expect(missingCredentialProblem('azure', 'http://azurite:10000/devstoreaccount1')).toBe(
      'azure locations need a credential of kind azure',
    );
    expect(missingCredentialProblem('s3', null)).toBeNull();
    expect(missingCredentialProblem('filesystem', null)).toBeNull();
  });
});
