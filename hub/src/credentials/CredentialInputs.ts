import { Field, ID, InputType } from 'type-graphql';

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

@InputType({
  description: 'An Azure storage account and exactly one of its key, a SAS token or a connection string.',
})
export class AzureCredentialInput {
  @Field(() => String)
  accountName!: string;

  @Field(() => String, { nullable: true })
  accountKey?: string | null;

  @Field(() => String, { nullable: true })
  sasToken?: string | null;

  @Field(() => String, { nullable: true })
  connectionString?: string | null;
}

@InputType({ description: 'A Google Cloud service-account key.' })
export class GcpCredentialInput {
  @Field(() => String, {
    description: 'The key file as downloaded: JSON with `client_email` and `private_key`.',
  })
  serviceAccountJson!: string;
}

@InputType({ description: 'Exactly one of `aws`, `azure` or `gcp`; it sets the kind.' })
export class CreateCredentialInput {
  @Field(() => ID)
  tenantId!: string;

  @Field(() => String, { description: 'DNS label, unique in the tenant.' })
  name!: string;

  @Field(() => AwsCredentialInput, { nullable: true })
  aws?: AwsCredentialInput | null;

  @Field(() => AzureCredentialInput, { nullable: true })
  azure?: AzureCredentialInput | null;

  @Field(() => GcpCredentialInput, { nullable: true })
  gcp?: GcpCredentialInput | null;
}

@InputType({
  description:
    "A new name, and/or a replacement secret: the block of the credential's kind, given whole. The kind cannot change.",
})
export class UpdateCredentialInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => AwsCredentialInput, { nullable: true })
  aws?: AwsCredentialInput | null;

  @Field(() => AzureCredentialInput, { nullable: true })
  azure?: AzureCredentialInput | null;

  @Field(() => GcpCredentialInput, { nullable: true })
  gcp?: GcpCredentialInput | null;
}
