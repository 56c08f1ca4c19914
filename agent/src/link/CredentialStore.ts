import type { StoredCredential } from './StoredCredential.ts';

/** Where the agent keeps its cluster credential, with what it was issued for, between runs. */
export interface CredentialStore {
  /**
   * The stored record, or undefined when none has been stored. A store holding something that is not a
   * record (`parseStoredCredential`) rejects with `AgentFatalError`.
   */
  load(): Promise<StoredCredential | undefined>;
  /**
   * Stores the record durably before its credential is used, so a crash right after cannot lose it. Never
   * replaces a stored record (only enrollment saves, into an empty store): when another agent sharing the
   * store saved first, it rejects with `AgentFatalError` saying so.
   */
  save(stored: StoredCredential): Promise<void>;
  /** Where it lives, for log lines and error messages. */
  readonly description: string;
}
