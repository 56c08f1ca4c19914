import type { AgentStorageProvider } from '../../AgentStorageProvider.ts';
import { explainObjectStoreError } from '../../explainObjectStoreError.ts';
import type { ObjectStoreErrorReading } from '../../ObjectStoreErrorReading.ts';
import { AzureBlobStore } from './AzureBlobStore.ts';

/** How the Azure SDK reports what went wrong, on Azure and on Azurite. */
const azureErrors: ObjectStoreErrorReading = {
  codes: {
    badCredentials: ['AuthenticationFailed', 'InvalidAuthenticationInfo', 'NoAuthenticationInformation'],
    missingBucket: ['ContainerNotFound', 'ContainerBeingDeleted'],
    forbidden: [
      'AuthorizationFailure',
      'AuthorizationPermissionMismatch',
      'AuthorizationResourceTypeMismatch',
      'AuthorizationServiceMismatch',
      'AuthorizationSourceIPMismatch',
      'AuthorizationProtocolMismatch',
      'KeyBasedAuthenticationNotPermitted',
      'AccountIsDisabled',
    ],
  },
  // Azurite answers a wrong key with AuthorizationFailure, but with the text Azure sends for AuthenticationFailed.
  read: ({ codes, messages }) =>
    /server failed to authenticate the request/i.test(messages.join('\n'))
      ? { problem: 'badCredentials', code: codes[0] }
      : undefined,
  bucketNoun: 'container',
  alsoCheck: ' or storage account',
  credentialParts:
    "the storage account name and the account key, SAS token or connection string of the location's credential " +
    '(a SAS token must not have expired)',
  grant: (action) =>
    `give it the ${action} permission (the role Storage Blob Data Contributor, or a SAS ` +
    "allowing read, write, delete and list), and check the storage account's firewall and network rules",
};

/** Azure Blob Storage containers, through the Azure SDK. */
export const azureProvider: AgentStorageProvider<'azure'> = {
  parseTarget(location) {
    const credential = location.optionalObject('credential');
    const secret = (name: 'accountKey' | 'sasToken' | 'connectionString') => {
      const value = credential?.optionalString(name);
      return value ? { [name]: value } : {};
    };
    return {
      kind: 'azure',
      container: location.string('container'),
      prefix: location.stringOrEmpty('prefix'),
      endpoint: location.optionalString('endpoint'),
      credential: credential && {
        accountName: credential.optionalString('accountName'),
        ...secret('accountKey'),
        ...secret('sasToken'),
        ...secret('connectionString'),
      },
    };
  },
  open: (target, options) => new AzureBlobStore(target, options),
  explainError: (error, where, action) => explainObjectStoreError(error, where, action, azureErrors),
};
