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
    const blank = emptyCredentialForm();
    const aws = { ...blank, name: ' aws-prod ', secrets: { ...blank.secrets, aws: { ...blank.secrets.aws, accessKeyId: ' AKIA1 ', secretAccessKey: 's3cr3t ' } } };
    expect(createCredentialInput('t1', aws)).toEqual({
      tenantId: 't1',
      name: 'aws-prod',
      aws: { accessKeyId: 'AKIA1', secretAccessKey: 's3cr3t' },
    });
    const azure = { ...emptyCredentialForm('azure'), name: 'az', secrets: { ...blank.secrets, azure: { accountName: 'acct', secretKind: 'sasToken' as const, secret: 'sv=1' } } };
    expect(createCredentialInput('t1', azure)).toEqual({ tenantId: 't1', name: 'az', azure: { accountName: 'acct', sasToken: 'sv=1' } });
    const gcp = { ...emptyCredentialForm('gcp'), name: 'gcs', secrets: { ...blank.secrets, gcp: { serviceAccountJson: '{"client_email":"x"}' } } };
    expect(createCredentialInput('t1', gcp)).toEqual({ tenantId: 't1', name: 'gcs', gcp: { serviceAccountJson: '{"client_email":"x"}' } });
  });

  it('starts an edit with every secret blank and the shown parts filled', () => {
    const form = credentialFormFor(stored);
    expect(form).toMatchObject({ name: 'aws-prod', secrets: { aws: { region: 'eu-west-1', secretAccessKey: '', accessKeyId: '' } }, replaceSecret: false });
  });

  it('keeps what was typed for each kind while switching kinds, and sends only the chosen one', () => {
    const blank = emptyCredentialForm();
    const typed = { ...blank, name: 'x', secrets: { ...blank.secrets, aws: { ...blank.secrets.aws, accessKeyId: 'AKIA1', secretAccessKey: 's' } } };
    const switched = { ...typed, kind: 'gcp' as const, secrets: { ...typed.secrets, gcp: { serviceAccountJson: '{}' } } };
    expect(createCredentialInput('t1', switched)).toEqual({ tenantId: 't1', name: 'x', gcp: { serviceAccountJson: '{}' } });
    expect(createCredentialInput('t1', { ...switched, kind: 'aws' })).toEqual({
      tenantId: 't1',
      name: 'x',
      aws: { accessKeyId: 'AKIA1', secretAccessKey: 's' },
    });
  });

  it('sends only a rename unless the secret is replaced, then the whole block of the credential’s kind', () => {
    const form = { ...credentialFormFor(stored), name: 'aws-main' };
    expect(updateCredentialInput(stored, form)).toEqual({ name: 'aws-main' });
    const edit = credentialFormFor(stored);
    const replaced = { ...edit, replaceSecret: true, secrets: { ...edit.secrets, aws: { ...edit.secrets.aws, accessKeyId: 'AKIA2', secretAccessKey: 'new' } } };
    expect(updateCredentialInput(stored, replaced)).toEqual({
      aws: { accessKeyId: 'AKIA2', secretAccessKey: 'new', region: 'eu-west-1' },
    });
  });
});
