import type { LocationKind } from '#schema/agent/LocationTarget';
import type { AgentStorageProvider } from '../AgentStorageProvider.ts';
import { azureProvider } from './azure/azureProvider.ts';
import { filesystemProvider } from './filesystem/filesystemProvider.ts';
import { gcsProvider } from './gcs/gcsProvider.ts';
import { s3Provider } from './s3/s3Provider.ts';

/**
 * The agent's storage providers, one per location kind: opening a location's store, reading its settings
 * from a job payload, explaining its errors and probing it all go through here. Typed by the kinds of
 * `LocationSettings`, so a kind without a provider does not compile.
 */
export const storageProviders: { readonly [K in LocationKind]: AgentStorageProvider<K> } = {
  s3: s3Provider,
  azure: azureProvider,
  gcs: gcsProvider,
  filesystem: filesystemProvider,
};
