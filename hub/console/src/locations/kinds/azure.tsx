import { optionalText } from '../../ui/optionalText.ts';
import { TextField } from '../../ui/TextField.tsx';
import type { LocationFields, LocationKindView } from '../LocationKindView.ts';

const Place: LocationFields = ({ bind: { text } }) => <TextField label="Container" required {...text('bucket')} />;

const Options: LocationFields = ({ bind: { text } }) => (
  <TextField
    label="Endpoint"
    hint="Blob service URL for sovereign clouds, private endpoints or emulators; blank: from the account."
    type="url"
    {...text('endpoint')}
  />
);

/** An Azure Blob container; the form's bucket holds its name. */
export const azure: LocationKindView<{ container: string; endpoint?: string }> = {
  label: 'Azure Blob storage',
  Place,
  Options,
  credential: { kinds: ['azure'], required: true, none: 'None', hint: 'Required.' },
  input: (form) => ({ container: form.bucket.trim(), ...optionalText('endpoint', form.endpoint) }),
  where: (location) => `azure://${location.bucket ?? ''}`,
};
