/** Where the agent keeps its cluster credential between runs. */
export interface CredentialStore {
  /** The stored credential, or undefined when none has been stored. */
  load(): Promise<string | undefined>;
  /** Stores the credential durably before it is used, so a crash right after cannot lose it. */
  save(credential: string): Promise<void>;
  /** Where it lives, for log lines and error messages. */
  readonly description: string;
}
