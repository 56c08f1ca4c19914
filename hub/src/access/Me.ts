import { Field, ID, ObjectType } from 'type-graphql';
import { RoleName } from './RoleBinding.ts';

@ObjectType({ description: 'One role the caller holds.' })
export class MyGrant {
  @Field(() => ID)
  tenantId!: string;

  @Field(() => RoleName)
  role!: RoleName;

  @Field(() => [ID])
  clusterIds!: string[];

  @Field(() => [String])
  namespaces!: string[];
}

@ObjectType({ description: 'The caller, as the hub sees it.' })
export class Me {
  @Field(() => String, { description: '`admin` (hub administrator), `user` (OIDC) or `token` (API token).' })
  kind!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String])
  groups!: string[];

  @Field(() => Boolean, { description: 'True for hub administrators, who may create tenants.' })
  hubAdmin!: boolean;

  @Field(() => [MyGrant])
  grants!: MyGrant[];
}
