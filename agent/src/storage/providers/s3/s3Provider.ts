import type { AgentStorageProvider } from '../../AgentStorageProvider.ts';
import { explainObjectStoreError } from '../../explainObjectStoreError.ts';
import type { ObjectStoreErrorReading } from '../../ObjectStoreErrorReading.ts';
import { S3Store } from './S3Store.ts';

const permissions = { write: 's3:PutObject', read: 's3:GetObject', list: 's3:ListBucket', delete: 's3:DeleteObject' };

/** How the AWS SDK reports what went wrong, on AWS and on S3-compatible stores. */
const s3Errors: ObjectStoreErrorReading = {
  codes: {
    noCredentials: ['CredentialsProviderError'],
    badCredentials: [
      'InvalidAccessKeyId',
      'SignatureDoesNotMatch',
      'ExpiredToken',
      'InvalidToken',
      'TokenRefreshRequired',
      'InvalidClientTokenId',
    ],
    wrongRegion: ['AuthorizationHeaderMalformed', 'PermanentRedirect', 'IllegalLocationConstraintException'],
    missingBucket: ['NoSuchBucket'],
    forbidden: ['AccessDenied', 'AllAccessDisabled'],
  },
  bucketNoun: 'bucket',
  alsoCheck: ', region or endpoint',
  credentialParts:
    "the access key ID and secret access key (and the session token, if any) of the location's credential",
  grant: (action) =>
    `grant it ${permissions[action]} (a backup location needs s3:PutObject, s3:GetObject, s3:ListBucket and ` +
    's3:DeleteObject) in its IAM or bucket policy; for deletes, also check object lock',
};

/** S3 and S3-compatible stores (MinIO, Ceph…), through the AWS SDK. */
export const s3Provider: AgentStorageProvider<'s3'> = {
  parseTarget(location) {
    const credential = location.optionalObject('credential');
    const sessionToken = credential?.optionalString('sessionToken');
    return {
      kind: 's3',
      bucket: location.string('bucket'),
      prefix: location.stringOrEmpty('prefix'),
      region: location.optionalString('region'),
      endpoint: location.optionalString('endpoint'),
      forcePathStyle: location.boolean('forcePathStyle', false),
      credential: credential && {
        accessKeyId: credential.string('accessKeyId'),
        secretAccessKey: credential.string('secretAccessKey'),
        ...(sessionToken ? { sessionToken } : {}),
      },
    };
  },
  open: (target, options) => new S3Store(target, options),
  explainError: (error, where, action) => explainObjectStoreError(error, where, action, s3Errors),
};
