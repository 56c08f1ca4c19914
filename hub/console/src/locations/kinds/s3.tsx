import { CheckboxField } from '../../ui/Field.tsx';
import { optionalText } from '../../ui/optionalText.ts';
import { TextField } from '../../ui/TextField.tsx';
import type { LocationFields, LocationKindView } from '../LocationKindView.ts';

const Place: LocationFields = ({ bind: { text } }) => <TextField label="Bucket" required {...text('bucket')} />;

const Options: LocationFields = ({ bind: { text, check } }) => (
  <>
    <div className="form-row">
      <TextField label="Region" hint="e.g. eu-west-1; optional." {...text('region')} />
      <TextField label="Endpoint" hint="For S3-compatible stores: http(s)://host[:port]." type="url" {...text('endpoint')} />
    </div>
    <CheckboxField
      label="Path-style addressing"
      hint="Address the bucket as a path, not a host name (most S3-compatible stores)."
      {...check('forcePathStyle')}
    />
  </>
);

/** An S3 bucket, on AWS or an S3-compatible store; without a credential the agent uses its own identity. */
export const s3: LocationKindView<{ bucket: string; region?: string; endpoint?: string; forcePathStyle: boolean }> = {
  label: 'S3 or S3-compatible',
  Place,
  Options,
  credential: { kinds: ['aws'], required: false, none: "None: the agent's identity", hint: "Blank: the agent's own identity (e.g. an IAM role)." },
  input: (form) => ({
    bucket: form.bucket.trim(),
    ...optionalText('region', form.region),
    ...optionalText('endpoint', form.endpoint),
    forcePathStyle: form.forcePathStyle,
  }),
  where: (location) => `s3://${location.bucket ?? ''}`,
};
