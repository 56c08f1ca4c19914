import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Exactly one of `command` and `argv`.' })
export class RuleActionInput {
  @Field(() => String, { nullable: true, description: 'A line run by `/bin/sh -c`.' })
  command?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'A program and its arguments, for images without a shell.',
  })
  argv?: string[] | null;

  @Field(() => String, { nullable: true, description: "Default: the pod's first container." })
  container?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Run alongside the backup; default false.' })
  background?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Run in one matching pod only; default false.' })
  runInSinglePod?: boolean | null;

  @Field(() => Int, { nullable: true, description: '1 to 3600; default 60.' })
  timeoutSeconds?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Go on with the backup when it fails; default false.',
  })
  continueOnFailure?: boolean | null;
}

@InputType()
export class SubRuleInput {
  @Field(() => [String], {
    description: '1 to 20 label selectors (`app=mysql`, `tier in (db)`); a pod matching any is selected.',
  })
  podSelectors!: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Namespaces or `*` patterns, within the backup’s (never others); default: all of the backup’s.',
  })
  namespaces?: string[] | null;

  @Field(() => [RuleActionInput], { description: '1 to 20, run in order.' })
  actions!: RuleActionInput[];
}

@InputType()
export class RuleSpecInput {
  @Field(() => [SubRuleInput], { description: '1 to 20, run in order.' })
  subRules!: SubRuleInput[];
}

@InputType()
export class CreateRuleInput {
  @Field(() => ID)
  tenantId!: string;

  @Field(() => String, { description: 'DNS label, unique in the tenant.' })
  name!: string;

  @Field(() => RuleSpecInput)
  spec!: RuleSpecInput;
}

@InputType({ description: 'Fields left out stay as they are; a new spec replaces the old one whole.' })
export class UpdateRuleInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => RuleSpecInput, { nullable: true })
  spec?: RuleSpecInput | null;
}
