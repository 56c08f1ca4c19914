import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionOf } from '../graphql/Connection.ts';
import type { ApiTokenRow } from './ApiTokenEntity.ts';
import type { Role } from './Role.ts';
import { RoleName } from './RoleBinding.ts';

@ObjectType({
  description: 'A token for automation, holding one role in one tenant. The secret is never shown again.',
})
export class ApiToken {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => RoleName)
  role!: Role;

  @Field(() => [ID])
  clusterIds!: string[];

  @Field(() => [String])
  namespaces!: string[];

  @Field(() => String, { description: 'The first characters of the token, to tell tokens apart.' })
  hint!: string;

  @Field(() => String)
  createdBy!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Accurate to about a minute.' })
  lastUsedAt!: Date | null;

  static from(row: ApiTokenRow): ApiToken {
    const { secretHash: _, ...visible } = row;
    return Object.assign(new ApiToken(), visible);
  }
}

export const ApiTokenConnection = connectionOf(ApiToken, 'ApiToken');

@ObjectType()
export class CreatedApiToken {
  @Field(() => String, {
    description: 'The secret: shown only in this response. Send as `Authorization: Bearer …`.',
  })
  token!: string;

  @Field(() => ApiToken)
  apiToken!: ApiToken;
}

@InputType()
export class CreateApiTokenInput {
  @Field(() => ID)
  tenantId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => RoleName)
  role!: RoleName;

  @Field(() => [ID], { defaultValue: [] })
  clusterIds!: string[];

  @Field(() => [String], { defaultValue: [] })
  namespaces!: string[];

  @Field(() => Int, {
    nullable: true,
    description: 'Days until the token expires (1 to 3650); none means never.',
  })
  expiresInDays?: number | null;
}
