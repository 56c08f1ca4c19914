import { type ClassType, Field, ID, InputType } from 'type-graphql';
import { listWords } from '../graphql/listWords.ts';
import {
  type CredentialInputOf,
  type CredentialKindName,
  credentialKindDescriptors,
  credentialKinds,
} from './kinds/credentialKinds.ts';

/** One optional block per credential kind, named after it; the one given sets the kind. */
export type CredentialKindBlocks = { [K in CredentialKindName]?: CredentialInputOf<K> | null };

/** Adds a nullable field `<kind>` of the kind's input type for every registered kind. */
function withKindBlocks<T extends object>(input: ClassType<T>): ClassType<T & CredentialKindBlocks> {
  for (const kind of credentialKinds) {
    Field(() => credentialKindDescriptors[kind].input, { nullable: true })(input.prototype, kind);
  }
  // The fields were just added to the class, which the compiler cannot follow.
  return input as ClassType<T & CredentialKindBlocks>;
}

const kindNames = listWords(
  credentialKinds.map((kind) => `\`${kind}\``),
  'or',
);

@InputType('CreateCredentialInput', { description: `Exactly one of ${kindNames}; it sets the kind.` })
class CreateCredentialFields {
  @Field(() => ID)
  tenantId!: string;

  @Field(() => String, { description: 'DNS label, unique in the tenant.' })
  name!: string;
}

@InputType('UpdateCredentialInput', {
  description:
    "A new name, and/or a replacement secret: the block of the credential's kind, given whole. The kind cannot change.",
})
class UpdateCredentialFields {
  @Field(() => String, { nullable: true })
  name?: string | null;
}

export const CreateCredentialInput = withKindBlocks(CreateCredentialFields);
export type CreateCredentialInput = CreateCredentialFields & CredentialKindBlocks;
export const UpdateCredentialInput = withKindBlocks(UpdateCredentialFields);
export type UpdateCredentialInput = UpdateCredentialFields & CredentialKindBlocks;
