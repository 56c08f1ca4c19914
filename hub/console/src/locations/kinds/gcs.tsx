import { optionalText } from '../../ui/optionalText.ts';
import { TextField } from '../../ui/TextField.tsx';
import type { LocationFields, LocationKindView } from '../LocationKindView.ts';

const Place: LocationFields = ({ bind: { text } }) => <TextField label="Bucket" required {...text('bucket')} />;

const Options: LocationFields = ({ bind: { text } }) => (
  <TextField
    label="Endpoint"
    hint="API endpoint for private endpoints or emulators; blank: Google. With one, the credential is optional."
    type="url"
    {...text('endpoint')}
  />
);

/** A Google Cloud Storage bucket; with an endpoint (an emulator) the credential is optional. */
export const gcs: LocationKindView<{ bucket: string; endpoint?: string }> = {
  label: 'Google Cloud Storage',
  Place,
  Options,
  credential: { kinds: ['gcp'], required: false, none: 'None', hint: 'Required unless an endpoint is given.' },
  input: (form) => ({ bucket: form.bucket.trim(), ...optionalText('endpoint', form.endpoint) }),
  where: (location) => `gs://${location.bucket ?? ''}`,
};
