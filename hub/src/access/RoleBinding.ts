import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionOf } from '../graphql/Connection.ts';
import type { Role } from './Role.ts';
import type { RoleBindingRow } from './RoleBindingEntity.ts';

export enum RoleName {
  admin = 'admin',
  operator = 'operator',
  viewer = 'viewer',
}
registerEnumType(RoleName, {
  name: 'Role',
  description:
    'admin: everything in the tenant; operator: run backups and restores, edit policies; viewer: read.',
});

export enum SubjectKind {
  user = 'user',
  group = 'group',
}
registerEnumType(SubjectKind, { name: 'SubjectKind' });

@ObjectType({ description: 'Grants a role in a tenant to an OIDC user (by subject) or group.' })
export class RoleBinding {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => SubjectKind)
  subjectKind!: SubjectKind;

  @Field(() => String, { description: "The user's OIDC `sub`, or the group's name." })
  subject!: string;

  @Field(() => RoleName)
  role!: Role;

  @Field(() => [ID], { description: 'Clusters the binding is narrowed to; empty means all.' })
  clusterIds!: string[];

  @Field(() => [String], {
    description: 'Namespace patterns (`shop-*`) the binding is narrowed to; empty means all.',
  })
  namespaces!: string[];

  @Field(() => Date)
  createdAt!: Date;

  static from(row: RoleBindingRow): RoleBinding {
    return Object.assign(new RoleBinding(), {
      id: row.id,
      tenantId: row.tenantId,
      subjectKind: row.subjectKind as SubjectKind,
      subject: row.subject,
      role: row.role,
      clusterIds: row.clusterIds,
      namespaces: row.namespaces,
      createdAt: row.createdAt,
    });
  }
}

export const RoleBindingConnection = connectionOf(RoleBinding, 'RoleBinding');

@InputType()
export class CreateRoleBindingInput {
  @Field(() => ID)
  tenantId!: string;

  @Field(() => SubjectKind)
  subjectKind!: SubjectKind;

  @Field(() => String)
  subject!: string;

  @Field(() => RoleName)
  role!: RoleName;

  @Field(() => [ID], { defaultValue: [] })
  clusterIds!: string[];

  @Field(() => [String], { defaultValue: [] })
  namespaces!: string[];
}
