import type { AgentStorageProvider } from '../../AgentStorageProvider.ts';
import { explainFilesystemError } from './explainFilesystemError.ts';
import { FilesystemStore } from './FilesystemStore.ts';
import { probeFilesystemLocation } from './probeFilesystemLocation.ts';

/** A directory mounted into the agent (a volume). */
export const filesystemProvider: AgentStorageProvider<'filesystem'> = {
  parseTarget: (location) => ({
    kind: 'filesystem',
    path: location.string('path'),
    prefix: location.stringOrEmpty('prefix'),
  }),
  open: (target) => new FilesystemStore(target),
  explainError: explainFilesystemError,
  probe: (target, probeName) => probeFilesystemLocation(target.path, target.prefix, probeName),
};
