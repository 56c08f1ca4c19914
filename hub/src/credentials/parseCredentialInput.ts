import { BadUserInputError } from '../errors/errors.ts';
import type { CredentialKindName } from './CredentialEntity.ts';
import type { AwsCredentialInput, AzureCredentialInput, GcpCredentialInput } from './CredentialInputs.ts';
import type { CredentialSecret } from './CredentialSecret.ts';
import { parseServiceAccountJson } from './parseServiceAccountJson.ts';
import { validateRegion } from './validateRegion.ts';

/** What a credential input becomes: the kind, the columns safe to show, and the secret to seal. */
export interface ParsedCredential {
  kind: CredentialKindName;
  shown: {
    region: string | null;
    accountName: string | null;
    projectId: string | null;
    clientEmail: string | null;
  };
  secret: CredentialSecret;
}

interface KindBlocks {
  aws?: AwsCredentialInput | null | undefined;
  azure?: AzureCredentialInput | null | undefined;
  gcp?: GcpCredentialInput | null | undefined;
}

const noneShown = { region: null, accountName: null, projectId: null, clientEmail: null };

/**
 * Validates the kind block of a create or update input (`prefix` is how the caller named the input, e.g.
 * `input`). Returns null when no block is given; more than one is an error. No message quotes a secret.
 */
export function parseCredentialInput(prefix: string, input: KindBlocks): ParsedCredential | null {
  const given = (['aws', 'azure', 'gcp'] as const).filter((kind) => input[kind] != null);
  if (given.length === 0) return null;
  if (given.length > 1) {
    throw new BadUserInputError(prefix, `give only one of aws, azure or gcp, not ${given.join(' and ')}`);
  }
  if (input.aws) return parseAws(`${prefix}.aws`, input.aws);
  if (input.azure) return parseAzure(`${prefix}.azure`, input.azure);
  const gcp = input.gcp as GcpCredentialInput;
  const account = parseServiceAccountJson(`${prefix}.gcp.serviceAccountJson`, gcp.serviceAccountJson);
  return {
    kind: 'gcp',
    shown: { ...noneShown, projectId: account.projectId, clientEmail: account.clientEmail },
    secret: { kind: 'gcp', serviceAccountJson: account.json },
  };
}

function parseAws(prefix: string, aws: AwsCredentialInput): ParsedCredential {
  const secret: CredentialSecret = {
    kind: 'aws',
    // Not AWS's `AKIA…` shape only: S3-compatible stores issue keys of their own making.
    accessKeyId: secretText(`${prefix}.accessKeyId`, aws.accessKeyId, 128),
    secretAccessKey: secretText(`${prefix}.secretAccessKey`, aws.secretAccessKey, 1024),
  };
  if (aws.sessionToken != null)
    secret.sessionToken = secretText(`${prefix}.sessionToken`, aws.sessionToken, 8192);
  const region = aws.region == null ? null : validateRegion(`${prefix}.region`, aws.region);
  return { kind: 'aws', shown: { ...noneShown, region }, secret };
}

function parseAzure(prefix: string, azure: AzureCredentialInput): ParsedCredential {
  const accountName = azure.accountName.trim();
  if (!/^[a-z0-9]{3,24}$/.test(accountName)) {
    throw new BadUserInputError(`${prefix}.accountName`, 'must be 3 to 24 lower-case letters and digits');
  }
  const given = (['accountKey', 'sasToken', 'connectionString'] as const).filter((k) => azure[k] != null);
  if (given.length !== 1) {
    throw new BadUserInputError(prefix, 'give exactly one of accountKey, sasToken or connectionString');
  }
  const shown = { ...noneShown, accountName };
  if (azure.accountKey != null) {
    const accountKey = secretText(`${prefix}.accountKey`, azure.accountKey, 1024);
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(accountKey)) {
      throw new BadUserInputError(`${prefix}.accountKey`, 'must be base64, as the Azure portal shows it');
    }
    return { kind: 'azure', shown, secret: { kind: 'azure', accountKey } };
  }
  if (azure.sasToken != null) {
    const sasToken = secretText(`${prefix}.sasToken`, azure.sasToken, 4096).replace(/^\?/, '');
    if (!new URLSearchParams(sasToken).has('sig')) {
      throw new BadUserInputError(`${prefix}.sasToken`, 'must be a SAS token: a query string with `sig=`');
    }
    return { kind: 'azure', shown, secret: { kind: 'azure', sasToken } };
  }
  const field = `${prefix}.connectionString`;
  const connectionString = secretText(field, azure.connectionString as string, 4096);
  const parts = new Map(
    connectionString
      .split(';')
      .filter(Boolean)
      .map((part) => {
        const at = part.indexOf('=');
        return [at > 0 ? part.slice(0, at) : part, at > 0 ? part.slice(at + 1) : ''] as const;
      }),
  );
  if (!parts.has('AccountKey') && !parts.has('SharedAccessSignature')) {
    throw new BadUserInputError(field, 'must hold `AccountKey=` or `SharedAccessSignature=`');
  }
  const named = parts.get('AccountName');
  if (named !== undefined && named !== accountName) {
    // The account name is not secret, so naming it helps without revealing anything.
    throw new BadUserInputError(field, `is for account '${named}', not '${accountName}'`);
  }
  return { kind: 'azure', shown, secret: { kind: 'azure', connectionString } };
}

/** A trimmed secret of one token; the message names the problem, never the value. */
function secretText(field: string, value: string, maxLength: number): string {
  const text = value.trim();
  if (!text) throw new BadUserInputError(field, 'must not be empty');
  if (text.length > maxLength) throw new BadUserInputError(field, `must be at most ${maxLength} characters`);
  if (/\s/.test(text)) throw new BadUserInputError(field, 'must not contain spaces or line breaks');
  return text;
}
