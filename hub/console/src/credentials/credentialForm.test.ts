import { describe, expect, it } from 'vitest';
import type { Credential } from './Credential.ts';
import { createCredentialInput, credentialFormFor, emptyCredentialForm, updateCredentialInput } from './credentialForm.ts';

const stored: Credential = {
  id: 'c1',
  tenantId: 't1',
  name: 'aws-prod',
  kind: 'aws',
  region: 'eu-west-1',
  accountName: null,
  projectId: null,
  clientEmail: null,
  secretFields: ['secretAccessKey'],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('the credential form', () => {
  it('sends exactly the block of the chosen kind', () => {
    const aws = { ...emptyCredentialForm('aws'), name: ' aws-prod ', accessKeyId: ' AKIA1 ', secretAccessKey: 's3cr3t ' };
    expect(createCredentialInput('t1', aws)).toEqual({
      tenantId: 't1',
      name: 'aws-prod',
      aws: { accessKeyId: 'AKIA1', secretAccessKey: 's3cr3t' },
    });
    const azure = { ...emptyCredentialForm('azure'), name: 'az', accountName: 'acct', azureSecretKind: 'sasToken' as const, azureSecret: 'sv=1' };
    expect(createCredentialInput('t1', azure)).toEqual({ tenantId: 't1', name: 'az', azure: { accountName: 'acct', sasToken: 'sv=1' } });
    const gcp = { ...emptyCredentialForm('gcp'), name: 'gcs', serviceAccountJson: '{"client_email":"x"}' };
    expect(createCredentialInput('t1', gcp)).toEqual({ tenantId: 't1', name: 'gcs', gcp: { serviceAccountJson: '{"client_email":"x"}' } });
  });

  it('starts an edit with every secret blank and the shown parts filled', () => {
    const form = credentialFormFor(stored);
    expect(form).toMatchObject({ name: 'aws-prod', region: 'eu-west-1', secretAccessKey: '', accessKeyId: '', replaceSecret: false });
  });

  it('sends only a rename unless the secret is replaced, then the whole block of the credential’s kind', () => {
    const form = { ...credentialFormFor(stored), name: 'aws-main' };
    expect(updateCredentialInput(stored, form)).toEqual({ name: 'aws-main' });
    const replaced = { ...credentialFormFor(stored), replaceSecret: true, accessKeyId: 'AKIA2', secretAccessKey: 'new' };
    expect(updateCredentialInput(stored, replaced)).toEqual({
      aws: { accessKeyId: 'AKIA2', secretAccessKey: 'new', region: 'eu-west-1' },
    });
  });
});
