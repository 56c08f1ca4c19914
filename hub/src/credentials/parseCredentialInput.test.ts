import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../errors/errors.ts';
import type { AwsCredentialInput } from './kinds/aws.ts';
import type { AzureCredentialInput } from './kinds/azure.ts';
import { secretFieldsOf } from './CredentialSecret.ts';
import { parseCredentialInput } from './parseCredentialInput.ts';

const privateKey = '-----BEGIN PRIVATE KEY-----\nTOP-SECRET-PEM\n-----END PRIVATE KEY-----\n';
const serviceAccount = JSON.stringify({
  type: 'service_account',
  project_id: 'shop-prod',
  client_email: 'backup@shop-prod.iam.gserviceaccount.com',
  private_key: privateKey,
});
const aws = (over: Partial<AwsCredentialInput> = {}) => ({
  aws: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'very/secret+key', ...over },
});
const azure = (over: Partial<AzureCredentialInput>) => ({ azure: { accountName: 'shopbackups', ...over } });

/** The field a BadUserInputError names, and that its message does not contain `secret`. */
function fieldOf(run: () => unknown, secret?: string): string {
  try {
    run();
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    if (secret) expect(error.message).not.toContain(secret);
    return error.field;
  }
  throw new Error('expected a BadUserInputError');
}

describe('parseCredentialInput', () => {
  it('reads an AWS block, showing the region and sealing the keys', () => {
    const parsed = parseCredentialInput('input', aws({ sessionToken: 'tok', region: 'eu-west-1' }));
    expect(parsed?.kind).toBe('aws');
    expect(parsed?.shown.region).toBe('eu-west-1');
    expect(parsed && secretFieldsOf(parsed.secret)).toEqual([
      'accessKeyId',
      'secretAccessKey',
      'sessionToken',
    ]);
  });

  it('returns null without a block and refuses two', () => {
    expect(parseCredentialInput('input', {})).toBeNull();
    expect(
      fieldOf(() => parseCredentialInput('input', { ...aws(), gcp: { serviceAccountJson: '{}' } })),
    ).toBe('input');
  });

  it('names the bad AWS field without quoting it', () => {
    expect(fieldOf(() => parseCredentialInput('input', aws({ secretAccessKey: ' ' })))).toBe(
      'input.aws.secretAccessKey',
    );
    expect(fieldOf(() => parseCredentialInput('input', aws({ accessKeyId: 'has space' })), 'has space')).toBe(
      'input.aws.accessKeyId',
    );
    expect(fieldOf(() => parseCredentialInput('input', aws({ region: 'EU WEST' })))).toBe('input.aws.region');
  });

  it('takes exactly one Azure secret of a valid shape', () => {
    expect(parseCredentialInput('input', azure({ accountKey: 'c2VjcmV0a2V5==' }))?.shown.accountName).toBe(
      'shopbackups',
    );
    expect(parseCredentialInput('input', azure({ sasToken: '?sv=2022&sig=abc' }))?.secret).toEqual({
      kind: 'azure',
      sasToken: 'sv=2022&sig=abc',
    });
    const connectionString = 'DefaultEndpointsProtocol=https;AccountName=shopbackups;AccountKey=a2V5==';
    expect(parseCredentialInput('input', azure({ connectionString }))?.kind).toBe('azure');
    expect(fieldOf(() => parseCredentialInput('input', azure({})))).toBe('input.azure');
    expect(
      fieldOf(() => parseCredentialInput('input', azure({ accountKey: 'a2V5', sasToken: 'sig=x' }))),
    ).toBe('input.azure');
    expect(
      fieldOf(() => parseCredentialInput('input', azure({ accountKey: 'not base64!' })), 'not base64'),
    ).toBe('input.azure.accountKey');
    expect(fieldOf(() => parseCredentialInput('input', azure({ sasToken: 'sv=2022' })))).toBe(
      'input.azure.sasToken',
    );
    const other = 'AccountName=other;AccountKey=SECRETKEY==';
    expect(
      fieldOf(() => parseCredentialInput('input', azure({ connectionString: other })), 'SECRETKEY'),
    ).toBe('input.azure.connectionString');
    expect(
      fieldOf(() =>
        parseCredentialInput('input', { azure: { accountName: 'Bad_Name', accountKey: 'a2V5' } }),
      ),
    ).toBe('input.azure.accountName');
  });

  it('reads a GCP key file and shows its account, not its key', () => {
    const parsed = parseCredentialInput('input', { gcp: { serviceAccountJson: serviceAccount } });
    expect(parsed?.shown).toMatchObject({
      projectId: 'shop-prod',
      clientEmail: 'backup@shop-prod.iam.gserviceaccount.com',
    });
    expect(JSON.stringify(parsed?.shown)).not.toContain('TOP-SECRET');
  });

  it('refuses a GCP key file that is not JSON or lacks its parts, without quoting it', () => {
    const field = 'input.gcp.serviceAccountJson';
    const broken = `${serviceAccount.slice(0, 60)}TOP-SECRET-PEM`;
    expect(
      fieldOf(() => parseCredentialInput('input', { gcp: { serviceAccountJson: broken } }), 'TOP-SECRET'),
    ).toBe(field);
    for (const json of ['[]', '{"client_email":"a@b"}', `{"private_key":${JSON.stringify(privateKey)}}`]) {
      expect(
        fieldOf(() => parseCredentialInput('input', { gcp: { serviceAccountJson: json } }), 'TOP-SECRET'),
      ).toBe(field);
    }
    const userKey = JSON.stringify({ ...JSON.parse(serviceAccount), type: 'authorized_user' });
    expect(fieldOf(() => parseCredentialInput('input', { gcp: { serviceAccountJson: userKey } }))).toBe(
      field,
    );
  });
});
