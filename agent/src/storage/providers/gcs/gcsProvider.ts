import type { AgentStorageProvider } from '../../AgentStorageProvider.ts';
import { explainObjectStoreError } from '../../explainObjectStoreError.ts';
import type { ObjectStoreErrorReading } from '../../ObjectStoreErrorReading.ts';
import { GcsStore } from './GcsStore.ts';

const permissions = {
  write: 'storage.objects.create',
  read: 'storage.objects.get',
  list: 'storage.objects.list',
  delete: 'storage.objects.delete',
};

/** How Google's client library reports what went wrong, on GCS and on fake-gcs-server. */
const gcsErrors: ObjectStoreErrorReading = {
  codes: {
    // Google's token endpoint, and a service-account private key that cannot be parsed.
    badCredentials: ['invalid_grant', 'invalid_client', 'unauthorized_client', 'ERR_OSSL_UNSUPPORTED'],
  },
  noCredentialsMessage: /could not load the default credentials/i,
  read({ status, messages }, action) {
    const text = messages.join('\n');
    if (/DECODER routines|PEM routines|private key/i.test(text)) return { problem: 'badCredentials', code: undefined };
    // GCS says which of bucket and object is missing only in its message; a write or a list cannot miss an object.
    const writeOrList = action === 'write' || action === 'list';
    if (status === 404 && (/bucket does not exist/i.test(text) || writeOrList)) {
      return { problem: 'missingBucket', code: String(status) };
    }
    return undefined;
  },
  bucketNoun: 'bucket',
  alsoCheck: '',
  credentialParts: "the service-account JSON of the location's credential (its key may have been deleted or disabled)",
  grant: (action) => `grant it ${permissions[action]} (the role Storage Object Admin on the bucket covers all four)`,
};

/** Google Cloud Storage buckets, through Google's client library. */
export const gcsProvider: AgentStorageProvider<'gcs'> = {
  parseTarget(location) {
    const credential = location.optionalObject('credential');
    return {
      kind: 'gcs',
      bucket: location.string('bucket'),
      prefix: location.stringOrEmpty('prefix'),
      endpoint: location.optionalString('endpoint'),
      credential: credential && {
        projectId: credential.optionalString('projectId'),
        serviceAccountJson: credential.string('serviceAccountJson'),
      },
    };
  },
  open: (target, options) => new GcsStore(target, options),
  explainError: (error, where, action) => explainObjectStoreError(error, where, action, gcsErrors),
};
