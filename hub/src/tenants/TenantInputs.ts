import { Field, InputType } from 'type-graphql';

@InputType()
export class CreateTenantInput {
  @Field(() => String, { description: 'DNS label, unique in the hub.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Defaults to the name.' })
  displayName?: string | null;
}

@InputType()
export class UpdateTenantInput {
  @Field(() => String)
  displayName!: string;
}
