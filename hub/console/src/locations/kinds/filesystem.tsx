import { TextField } from '../../ui/TextField.tsx';
import type { LocationFields, LocationKindView } from '../LocationKindView.ts';

const Place: LocationFields = ({ bind: { text } }) => (
  <TextField label="Path" hint="An absolute path as mounted into the agent, e.g. /var/backups/fleetback." required {...text('path')} />
);

/** A path mounted into the agent; it takes no credential. */
export const filesystem: LocationKindView<{ path: string }> = {
  label: 'Filesystem (a path in the agent)',
  Place,
  input: (form) => ({ path: form.path.trim() }),
  where: (location) => location.path ?? '',
};
