// Its input class is declared when a registry is loaded, which may come before the GraphQL schema is built.
import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
import { validateFilesystemPath } from '../validateFilesystemPath.ts';
import type { LocationProvider } from './LocationProvider.ts';

@InputType()
export class FilesystemLocationInput {
  @Field(() => String, { description: 'Absolute path, as mounted into the agent.' })
  path!: string;
}

/** A directory mounted into the agent; takes no credential. */
export const filesystemLocation: LocationProvider<'filesystem', FilesystemLocationInput> = {
  kind: 'filesystem',
  title: 'a path in the agent',
  input: FilesystemLocationInput,
  parseInput: (filesystem, field, { filesystemRoots }) => ({
    path: validateFilesystemPath(`${field}.path`, filesystem.path, filesystemRoots),
  }),
  credentialKinds: [],
  credentialUse: {},
  missingCredentialProblem: () => null,
  updatable: [],
  target: (row) => ({ kind: 'filesystem', path: row.path ?? '', prefix: row.prefix }),
};
