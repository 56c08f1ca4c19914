// Its input class is declared when a registry is loaded, which may come before the GraphQL schema is built.
import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
import { validateRegion } from '../validateRegion.ts';
import type { CredentialKindDescriptor } from './CredentialKindDescriptor.ts';
import { secretText } from './secretText.ts';

@InputType({ description: 'Keys for S3 or an S3-compatible store.' })
export class AwsCredentialInput {
  @Field(() => String)
  accessKeyId!: string;

  @Field(() => String)
  secretAccessKey!: string;

  @Field(() => String, { nullable: true, description: 'For temporary (STS) credentials.' })
  sessionToken?: string | null;

  @Field(() => String, { nullable: true, description: 'Default region, e.g. `eu-west-1`.' })
  region?: string | null;
}

interface AwsSecret {
  kind: 'aws';
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Access keys of AWS or of an S3-compatible store. */
export const awsCredentials: CredentialKindDescriptor<
  'aws',
  AwsCredentialInput,
  AwsSecret,
  { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
> = {
  kind: 'aws',
  title: 'S3 and S3-compatible stores',
  input: AwsCredentialInput,
  parse(aws, prefix) {
    const secret: AwsSecret = {
      kind: 'aws',
      // Not AWS's `AKIA…` shape only: S3-compatible stores issue keys of their own making.
      accessKeyId: secretText(`${prefix}.accessKeyId`, aws.accessKeyId, 128),
      secretAccessKey: secretText(`${prefix}.secretAccessKey`, aws.secretAccessKey, 1024),
    };
    if (aws.sessionToken != null) secret.sessionToken = secretText(`${prefix}.sessionToken`, aws.sessionToken, 8192);
    const region = aws.region == null ? null : validateRegion(`${prefix}.region`, aws.region);
    return { shown: { region }, secret };
  },
  payload: (secret) => ({
    accessKeyId: secret.accessKeyId,
    secretAccessKey: secret.secretAccessKey,
    ...(secret.sessionToken ? { sessionToken: secret.sessionToken } : {}),
  }),
};
