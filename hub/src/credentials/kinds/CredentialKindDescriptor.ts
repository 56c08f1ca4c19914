import type { ClassType } from 'type-graphql';
import type { CredentialRow } from '../CredentialEntity.ts';

/** The columns of a credential that are safe to show; a kind sets those it has, the others stay null. */
export interface ShownCredentialColumns {
  region: string | null;
  accountName: string | null;
  projectId: string | null;
  clientEmail: string | null;
}

/**
 * Everything the hub knows of one kind of credential, in `kinds/<kind>.ts`, registered once in
 * `kinds/credentialKinds.ts`: its GraphQL input block, how the block is validated into shown columns and a
 * secret, and what of it a job payload hands to an agent. The secret is sealed and opened the same way for
 * every kind (`secrets.seal`, `openCredentialSecret`).
 */
export interface CredentialKindDescriptor<K extends string, Input extends object, Secret extends { kind: K }, Payload> {
  readonly kind: K;
  /** What it signs in to, for the `CredentialKind` enum's description: `S3 and S3-compatible stores`. */
  readonly title: string;
  /** The block of `CreateCredentialInput` and `UpdateCredentialInput` named after the kind. */
  readonly input: ClassType<Input>;
  /**
   * Validates a block given under `field` (`input.aws`), naming each bad field below it; no message quotes a
   * secret.
   */
  parse(block: Input, field: string): { shown: Partial<ShownCredentialColumns>; secret: Secret };
  /** The credential as a location's job payload carries it to an agent. */
  payload(secret: Secret, row: CredentialRow): Payload;
}
