// Its input class is declared when a registry is loaded, which may come before the GraphQL schema is built.
import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
import { BadUserInputError } from '../../errors/errors.ts';
import type { CredentialKindDescriptor } from './CredentialKindDescriptor.ts';
import { secretText } from './secretText.ts';

@InputType({
  description: 'An Azure storage account and exactly one of its key, a SAS token or a connection string.',
})
export class AzureCredentialInput {
  @Field(() => String)
  accountName!: string;

  @Field(() => String, { nullable: true })
  accountKey?: string | null;

  @Field(() => String, { nullable: true })
  sasToken?: string | null;

  @Field(() => String, { nullable: true })
  connectionString?: string | null;
}

/** Exactly one of the three is set. */
interface AzureSecret {
  kind: 'azure';
  accountKey?: string;
  sasToken?: string;
  connectionString?: string;
}

/** An Azure storage account with its key, a SAS token or a connection string. */
export const azureCredentials: CredentialKindDescriptor<
  'azure',
  AzureCredentialInput,
  AzureSecret,
  { accountName: string | null; accountKey?: string; sasToken?: string; connectionString?: string }
> = {
  kind: 'azure',
  title: 'Azure Blob storage',
  input: AzureCredentialInput,
  parse(azure, prefix) {
    const accountName = azure.accountName.trim();
    if (!/^[a-z0-9]{3,24}$/.test(accountName)) {
      throw new BadUserInputError(`${prefix}.accountName`, 'must be 3 to 24 lower-case letters and digits');
    }
    const given = (['accountKey', 'sasToken', 'connectionString'] as const).filter((k) => azure[k] != null);
    if (given.length !== 1) {
      throw new BadUserInputError(prefix, 'give exactly one of accountKey, sasToken or connectionString');
    }
    const shown = { accountName };
    if (azure.accountKey != null) {
      const accountKey = secretText(`${prefix}.accountKey`, azure.accountKey, 1024);
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(accountKey)) {
        throw new BadUserInputError(`${prefix}.accountKey`, 'must be base64, as the Azure portal shows it');
      }
      return { shown, secret: { kind: 'azure', accountKey } };
    }
    if (azure.sasToken != null) {
      const sasToken = secretText(`${prefix}.sasToken`, azure.sasToken, 4096).replace(/^\?/, '');
      if (!new URLSearchParams(sasToken).has('sig')) {
        throw new BadUserInputError(`${prefix}.sasToken`, 'must be a SAS token: a query string with `sig=`');
      }
      return { shown, secret: { kind: 'azure', sasToken } };
    }
    const field = `${prefix}.connectionString`;
    const connectionString = secretText(field, azure.connectionString ?? '', 4096);
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
    return { shown, secret: { kind: 'azure', connectionString } };
  },
  payload: (secret, row) => ({
    accountName: row.accountName ?? null,
    ...(secret.accountKey ? { accountKey: secret.accountKey } : {}),
    ...(secret.sasToken ? { sasToken: secret.sasToken } : {}),
    ...(secret.connectionString ? { connectionString: secret.connectionString } : {}),
  }),
};
