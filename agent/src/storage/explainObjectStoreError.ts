import { unreachable } from '#schema/contracts/unreachable';
import { JobFailure } from '../jobs/JobFailure.ts';
import type {
  ObjectStoreErrorReading,
  StorageErrorCause,
  StorageErrorFacts,
  StorageProblem,
} from './ObjectStoreErrorReading.ts';
import type { StorageAction } from './StorageAction.ts';

/**
 * Turns an error of an object-store SDK (AWS, Azure, Google) into a `JobFailure` whose message names the
 * location (`where`), what went wrong and what to check: a refused credential, a missing bucket or
 * container, a missing permission, an unreachable endpoint, an untrusted certificate, a wrong region,
 * corrupted data. What only one provider's errors say comes from its `reading`. Anything else keeps the
 * SDK's own message.
 */
export function explainObjectStoreError(
  error: unknown,
  where: string,
  action: StorageAction,
  reading: ObjectStoreErrorReading,
): JobFailure {
  const { problem, code } = classify(error, action, reading);
  return new JobFailure(message(problem, code, error, where, action, reading), { cause: error });
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

function classify(error: unknown, action: StorageAction, reading: ObjectStoreErrorReading): StorageErrorCause {
  const facts = factsOf(error);
  const { codes, status } = facts;
  const among = (list: readonly string[] | undefined) => codes.find((c) => list?.includes(c));
  let code: string | undefined;
  if ((code = among(['ChecksumMismatchError']))) return { problem: 'corrupt', code };
  // Before network errors: a credential chain that found nothing may also have failed to reach a metadata server.
  code = among(reading.codes.noCredentials);
  if (code || reading.noCredentialsMessage?.test(facts.messages.join('\n'))) return { problem: 'noCredentials', code };
  if ((code = codes.find((c) => tlsCodes.test(c)))) return { problem: 'tls', code };
  if ((code = codes.find((c) => networkCodes.has(c)))) return { problem: 'unreachable', code };
  if ((code = among(reading.codes.badCredentials))) return { problem: 'badCredentials', code };
  const read = reading.read?.(facts, action);
  if (read) return read;
  for (const problem of ['wrongRegion', 'missingBucket', 'forbidden'] as const) {
    if ((code = among(reading.codes[problem]))) return { problem, code };
  }
  const byStatus: Partial<Record<number, StorageProblem>> = { 401: 'badCredentials', 403: 'forbidden', 301: 'wrongRegion' };
  const problem = status === undefined ? undefined : byStatus[status];
  if (problem) return { problem, code: String(status) };
  return { problem: 'unknown', code: codes[0] ?? (status === undefined ? undefined : `HTTP ${status}`) };
}

/** Codes, HTTP status and messages from the error and its causes, wherever each SDK puts them. */
function factsOf(error: unknown): StorageErrorFacts {
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

const verbs = {
  write: 'write objects to',
  read: 'read objects from',
  list: 'list objects in',
  delete: 'delete objects from',
} as const;

function message(
  problem: StorageProblem,
  code: string | undefined,
  error: unknown,
  where: string,
  action: StorageAction,
  reading: ObjectStoreErrorReading,
): string {
  const timedOut = problem === 'unreachable' && (code === 'TimeoutError' || code === 'AbortError');
  const why = timedOut ? ' (no answer in time)' : code ? ` (${code})` : '';
  const detail = firstLine(error);
  switch (problem) {
    case 'badCredentials':
      return `the storage service refused the credential for ${where}${why}: check ${reading.credentialParts}`;
    case 'noCredentials':
      return (
        `the location ${where} has no credential and the agent found none in its environment${why}: attach a ` +
        "credential to the location, or give the agent's pod a cloud identity (IRSA or EKS Pod Identity, GKE " +
        'workload identity)'
      );
    case 'missingBucket':
      return (
        `the ${reading.bucketNoun} of ${where} does not exist${why}: create it, or correct the location's ` +
        `${reading.bucketNoun} name${reading.alsoCheck}`
      );
    case 'forbidden':
      return `the credential for ${where} is not allowed to ${verbs[action]} it${why}: ${reading.grant(action)}`;
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
