// Its input class is declared when a registry is loaded, which may come before the GraphQL schema is built.
import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
import { validateRegion } from '../../credentials/validateRegion.ts';
import { validateBucket } from '../validateBucket.ts';
import { validateEndpoint } from '../validateEndpoint.ts';
import type { LocationProvider } from './LocationProvider.ts';

@InputType()
export class S3LocationInput {
  @Field(() => String)
  bucket!: string;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'For S3-compatible stores: http(s)://host[:port].' })
  endpoint?: string | null;

  @Field(() => Boolean, { defaultValue: false })
  forcePathStyle!: boolean;
}

const bucketNaming = {
  pattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
  rule: '3 to 63 lower-case letters, digits, `.` and `-`, starting and ending with a letter or digit',
};

/** An S3 bucket on AWS or an S3-compatible store; without a credential the agent's ambient identity. */
export const s3Location: LocationProvider<'s3', S3LocationInput> = {
  kind: 's3',
  title: 'S3 or an S3-compatible store',
  input: S3LocationInput,
  parseInput: (s3, field) => ({
    bucket: validateBucket(`${field}.bucket`, s3.bucket, bucketNaming),
    region: s3.region == null ? null : validateRegion(`${field}.region`, s3.region),
    endpoint: s3.endpoint == null ? null : validateEndpoint(`${field}.endpoint`, s3.endpoint),
    forcePathStyle: s3.forcePathStyle,
  }),
  credentialKinds: ['aws'],
  credentialUse: { optional: "for s3 (the agent's ambient identity)" },
  missingCredentialProblem: () => null,
  updatable: ['region', 'endpoint', 'forcePathStyle'],
  target: (row, credential) => ({
    kind: 's3',
    bucket: row.bucket ?? '',
    prefix: row.prefix,
    region: row.region ?? null,
    endpoint: row.endpoint ?? null,
    forcePathStyle: row.forcePathStyle,
    credential: credential?.kind === 'aws' ? credential.payload : null,
  }),
};
