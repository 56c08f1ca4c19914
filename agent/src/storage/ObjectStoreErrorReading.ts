import type { StorageAction } from './StorageAction.ts';

/** The cause an SDK error points to. */
export type StorageProblem =
  | 'badCredentials'
  | 'noCredentials'
  | 'missingBucket'
  | 'forbidden'
  | 'wrongRegion'
  | 'unreachable'
  | 'tls'
  | 'corrupt'
  | 'unknown';

/** A cause, with the code that showed it. */
export interface StorageErrorCause {
  problem: StorageProblem;
  code: string | undefined;
}

/** What an error and its causes say, wherever each SDK puts it. */
export interface StorageErrorFacts {
  codes: string[];
  status: number | undefined;
  messages: string[];
}

/**
 * How one object-store provider's SDK reports its errors, and the words its advice uses. The common reading
 * (`explainObjectStoreError`) tells corrupted data, TLS and network failures and bare HTTP statuses apart
 * for every provider; this adds what only the provider's own errors say.
 */
export interface ObjectStoreErrorReading {
  /** Error codes by the cause they mean. */
  codes: Partial<Record<'noCredentials' | 'badCredentials' | 'wrongRegion' | 'missingBucket' | 'forbidden', readonly string[]>>;
  /** A message meaning that no credential was given and none was found in the agent's environment. */
  noCredentialsMessage?: RegExp;
  /**
   * What codes do not tell (a message only, or a status whose meaning depends on the step), read after the
   * credential codes and before the other codes.
   */
  read?(facts: StorageErrorFacts, action: StorageAction): StorageErrorCause | undefined;
  /** What the provider calls a bucket: `bucket`, `container`. */
  bucketNoun: string;
  /** What else decides which bucket a name means, appended to "correct the location's bucket name". */
  alsoCheck: string;
  /** The parts of the location's credential to check when the service refuses it. */
  credentialParts: string;
  /** How to give the credential what `action` needs, completing "the credential … is not allowed to …: ". */
  grant(action: StorageAction): string;
}
