import { unreachable } from '#schema/contracts/unreachable';
import { JobFailure } from '../jobs/JobFailure.ts';

/** What was being done when the error came: it says which permission is missing. */
export type StorageAction = 'write' | 'read' | 'list' | 'delete';

/** The location an error happened at: its kind and its `ObjectStore.describe()`. */
export interface StorageErrorLocation {
  kind: 's3' | 'azure' | 'gcs';
  where: string;
}

/** The cause an SDK error points to, with the code that showed it. */
type StorageProblem =
  | 'badCredentials'
  | 'noCredentials'
  | 'missingBucket'
  | 'forbidden'
  | 'wrongRegion'
  | 'unreachable'
  | 'tls'
  | 'corrupt'
  | 'unknown';

/**
 * Turns an error of an object-store SDK (AWS, Azure, Google) into a `JobFailure` whose message names the
 * location, what went wrong and what to check: a refused credential, a missing bucket or container, a
 * missing permission, an unreachable endpoint, an untrusted certificate, a wrong region, corrupted data.
 * Anything else keeps the SDK's own message. A `JobFailure` passes through unchanged.
 */
export function explainStorageError(error: unknown, location: StorageErrorLocation, action: StorageAction): JobFailure {
  if (error instanceof JobFailure) return error;
  const { problem, code } = classify(error, location.kind, action);
  return new JobFailure(message(problem, code, error, location, action), { cause: error });
}

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  // The SDKs' and our own request timeouts.
  'TimeoutError',
  'AbortError',
]);
const tlsCodes = /^(CERT_|UNABLE_TO_|SELF_SIGNED_CERT|DEPTH_ZERO_SELF_SIGNED_CERT|ERR_TLS_|ERR_SSL_|EPROTO$)/;
const badCredentialCodes = new Set([
  // S3
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'InvalidToken',
  'TokenRefreshRequired',
  'InvalidClientTokenId',
  // Azure
  'AuthenticationFailed',
  'InvalidAuthenticationInfo',
  'NoAuthenticationInformation',
  // Google's token endpoint, and a service-account private key that cannot be parsed
  'invalid_grant',
  'invalid_client',
  'unauthorized_client',
  'ERR_OSSL_UNSUPPORTED',
]);
const missingBucketCodes = new Set(['NoSuchBucket', 'ContainerNotFound', 'ContainerBeingDeleted']);
const wrongRegionCodes = new Set([
  'AuthorizationHeaderMalformed',
  'PermanentRedirect',
  'IllegalLocationConstraintException',
]);
const forbiddenCodes = new Set([
  'AccessDenied',
  'AllAccessDisabled',
  'AuthorizationFailure',
  'AuthorizationPermissionMismatch',
  'AuthorizationResourceTypeMismatch',
  'AuthorizationServiceMismatch',
  'AuthorizationSourceIPMismatch',
  'AuthorizationProtocolMismatch',
  'KeyBasedAuthenticationNotPermitted',
  'AccountIsDisabled',
]);

function classify(
  error: unknown,
  kind: StorageErrorLocation['kind'],
  action: StorageAction,
): { problem: StorageProblem; code: string | undefined } {
  const { codes, status, messages } = factsOf(error);
  const find = (test: (code: string) => boolean) => codes.find(test);
  const text = messages.join('\n');
  let code: string | undefined;
  if ((code = find((c) => c === 'ChecksumMismatchError'))) return { problem: 'corrupt', code };
  // Before network errors: a credential chain that found nothing may also have failed to reach a metadata server.
  if ((code = find((c) => c === 'CredentialsProviderError')) || /could not load the default credentials/i.test(text)) {
    return { problem: 'noCredentials', code };
  }
  if ((code = find((c) => tlsCodes.test(c)))) return { problem: 'tls', code };
  if ((code = find((c) => networkCodes.has(c)))) return { problem: 'unreachable', code };
  if ((code = find((c) => badCredentialCodes.has(c)))) return { problem: 'badCredentials', code };
  // Azurite answers a wrong key with AuthorizationFailure, but with the text Azure sends for AuthenticationFailed.
  if (/server failed to authenticate the request/i.test(text)) return { problem: 'badCredentials', code: codes[0] };
  if (kind === 'gcs' && /DECODER routines|PEM routines|private key/i.test(text)) {
    return { problem: 'badCredentials', code: undefined };
  }
  if ((code = find((c) => wrongRegionCodes.has(c)))) return { problem: 'wrongRegion', code };
  if ((code = find((c) => missingBucketCodes.has(c)))) return { problem: 'missingBucket', code };
  // GCS says which of bucket and object is missing only in its message; a write or a list cannot miss an object.
  const writeOrList = action === 'write' || action === 'list';
  if (kind === 'gcs' && status === 404 && (/bucket does not exist/i.test(text) || writeOrList)) {
    return { problem: 'missingBucket', code: String(status) };
  }
  if ((code = find((c) => forbiddenCodes.has(c)))) return { problem: 'forbidden', code };
  if (status === 401) return { problem: 'badCredentials', code: String(status) };
  if (status === 403) return { problem: 'forbidden', code: String(status) };
  if (status === 301) return { problem: 'wrongRegion', code: String(status) };
  return { problem: 'unknown', code: codes[0] ?? (status === undefined ? undefined : `HTTP ${status}`) };
}

/** Codes, HTTP status and messages from the error and its causes, wherever each SDK puts them. */
function factsOf(error: unknown): { codes: string[]; status: number | undefined; messages: string[] } {
  const codes: string[] = [];
  const messages: string[] = [];
  let status: number | undefined;
  const seen = new Set<unknown>();
  for (let e = error as Record<string, unknown> | undefined; e && typeof e === 'object' && !seen.has(e); ) {
    seen.add(e);
    const candidates = [
      e.name,
      e.code,
      e.Code,
      e.errno,
      (e.details as { errorCode?: unknown } | undefined)?.errorCode,
      ((e.response as { data?: { error?: unknown } } | undefined)?.data as { error?: unknown } | undefined)?.error,
      ...((e.errors as { reason?: unknown }[] | undefined) ?? []).map((inner) => inner?.reason),
    ];
    for (const candidate of candidates) {
      // Plain `Error`, `RestError`, `S3ServiceException` and the like say nothing of the cause.
      if (typeof candidate === 'string' && !/^(Error|RestError|\w+ServiceException|Unknown)$/.test(candidate)) {
        codes.push(candidate);
      }
    }
    const statuses = [
      (e.$metadata as { httpStatusCode?: unknown } | undefined)?.httpStatusCode,
      e.statusCode,
      e.status,
      (e.response as { status?: unknown } | undefined)?.status,
      e.code,
    ];
    status ??= statuses.find((s): s is number => typeof s === 'number' && s >= 100 && s < 600);
    if (typeof e.message === 'string') messages.push(e.message);
    e = e.cause as Record<string, unknown> | undefined;
  }
  return { codes, status, messages };
}

const bucketNoun = { s3: 'bucket', azure: 'container', gcs: 'bucket' } as const;
/** What else decides which bucket a name means. */
const alsoCheck = { s3: ', region or endpoint', azure: ' or storage account', gcs: '' } as const;

const credentialParts = {
  s3: "the access key ID and secret access key (and the session token, if any) of the location's credential",
  azure:
    "the storage account name and the account key, SAS token or connection string of the location's credential " +
    '(a SAS token must not have expired)',
  gcs: "the service-account JSON of the location's credential (its key may have been deleted or disabled)",
} as const;

const verbs = {
  write: 'write objects to',
  read: 'read objects from',
  list: 'list objects in',
  delete: 'delete objects from',
} as const;

const permissions = {
  s3: { write: 's3:PutObject', read: 's3:GetObject', list: 's3:ListBucket', delete: 's3:DeleteObject' },
  azure: { write: 'write', read: 'read', list: 'list', delete: 'delete' },
  gcs: {
    write: 'storage.objects.create',
    read: 'storage.objects.get',
    list: 'storage.objects.list',
    delete: 'storage.objects.delete',
  },
} as const;

function grant(kind: StorageErrorLocation['kind'], action: StorageAction): string {
  switch (kind) {
    case 's3':
      return (
        `grant it ${permissions.s3[action]} (a backup location needs s3:PutObject, s3:GetObject, s3:ListBucket and ` +
        's3:DeleteObject) in its IAM or bucket policy; for deletes, also check object lock'
      );
    case 'azure':
      return (
        `give it the ${permissions.azure[action]} permission (the role Storage Blob Data Contributor, or a SAS ` +
        "allowing read, write, delete and list), and check the storage account's firewall and network rules"
      );
    case 'gcs':
      return `grant it ${permissions.gcs[action]} (the role Storage Object Admin on the bucket covers all four)`;
    default:
      return unreachable(kind);
  }
}

function message(
  problem: StorageProblem,
  code: string | undefined,
  error: unknown,
  { kind, where }: StorageErrorLocation,
  action: StorageAction,
): string {
  const timedOut = problem === 'unreachable' && (code === 'TimeoutError' || code === 'AbortError');
  const why = timedOut ? ' (no answer in time)' : code ? ` (${code})` : '';
  const detail = firstLine(error);
  switch (problem) {
    case 'badCredentials':
      return `the storage service refused the credential for ${where}${why}: check ${credentialParts[kind]}`;
    case 'noCredentials':
      return (
        `the location ${where} has no credential and the agent found none in its environment${why}: attach a ` +
        "credential to the location, or give the agent's pod a cloud identity (IRSA or EKS Pod Identity, GKE " +
        'workload identity)'
      );
    case 'missingBucket':
      return (
        `the ${bucketNoun[kind]} of ${where} does not exist${why}: create it, or correct the location's ` +
        `${bucketNoun[kind]} name${alsoCheck[kind]}`
      );
    case 'forbidden':
      return `the credential for ${where} is not allowed to ${verbs[action]} it${why}: ${grant(kind, action)}`;
    case 'wrongRegion':
      return (
        `the bucket of ${where} is in another region than the location says${why}: set the location's region to ` +
        `the bucket's (${detail})`
      );
    case 'unreachable':
      return (
        `could not reach ${where}${why}: check the endpoint, that its host name resolves inside the cluster, that ` +
        'the service is up, and that network policies, firewalls or the proxy (HTTPS_PROXY, NO_PROXY) let the ' +
        'agent connect'
      );
    case 'tls':
      return (
        `the TLS connection to ${where} failed${why}: check that the endpoint's scheme (http or https) is right ` +
        'and that its certificate is valid, names the host and is signed by a CA the agent trusts'
      );
    case 'corrupt':
      return (
        `data read back from ${where} differs from what was written: something between the agent and the ` +
        `store (a proxy, a gateway) or the store itself alters it (${detail})`
      );
    case 'unknown':
      return `could not ${verbs[action]} ${where}${why}: ${detail}`;
    default:
      return unreachable(problem);
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Azure appends RequestId and Time lines that only Microsoft support needs; an answer without a body
  // leaves the AWS SDK with "UnknownError" and Azure's with nothing.
  const line = text.split('\n')[0]?.trim();
  return line && line !== 'UnknownError' ? line : 'the service gave no details';
}
