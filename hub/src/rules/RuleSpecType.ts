import { Field, Int, ObjectType } from 'type-graphql';
import type {
  RuleAction as RuleActionSpec,
  RuleSpec,
  SubRule as SubRuleSpec,
} from '#schema/contracts/RuleSpec';

@ObjectType({ description: 'A command run through the Kubernetes exec API; `command` or `argv` is set.' })
export class RuleAction {
  @Field(() => String, { nullable: true, description: 'A line run by `/bin/sh -c`.' })
  command!: string | null;

  @Field(() => [String], { nullable: true, description: 'A program and its arguments, run without a shell.' })
  argv!: string[] | null;

  @Field(() => String, { nullable: true, description: "None: the pod's first container." })
  container!: string | null;

  @Field(() => Boolean, { description: 'Runs alongside the backup and is stopped when it ends.' })
  background!: boolean;

  @Field(() => Boolean, { description: 'Runs in one matching pod only, not in each.' })
  runInSinglePod!: boolean;

  @Field(() => Int)
  timeoutSeconds!: number;

  @Field(() => Boolean, { description: 'Whether the backup goes on when the action fails.' })
  continueOnFailure!: boolean;

  static from(action: RuleActionSpec): RuleAction {
    return Object.assign(new RuleAction(), {
      command: action.command,
      argv: action.argv,
      container: action.container,
      background: action.background,
      runInSinglePod: action.runInSinglePod,
      timeoutSeconds: action.timeoutSeconds,
      continueOnFailure: action.continueOnFailure,
    });
  }
}

@ObjectType({ description: 'Pods, and the actions run in them in order.' })
export class SubRule {
  @Field(() => [String], { description: 'Label selectors; a pod matching any of them is selected.' })
  podSelectors!: string[];

  @Field(() => [String], {
    description: 'Namespaces or `*` patterns, within those the backup takes (never others); empty: all of those.',
  })
  namespaces!: string[];

  @Field(() => [RuleAction])
  actions!: RuleAction[];

  static from(subRule: SubRuleSpec): SubRule {
    return Object.assign(new SubRule(), {
      podSelectors: subRule.podSelectors,
      namespaces: subRule.namespaces,
      actions: subRule.actions.map(RuleAction.from),
    });
  }
}

@ObjectType('RuleSpec', { description: 'Sub-rules run one after another.' })
export class RuleSpecType {
  @Field(() => [SubRule])
  subRules!: SubRule[];

  static from(spec: RuleSpec): RuleSpecType {
    return Object.assign(new RuleSpecType(), { subRules: spec.subRules.map(SubRule.from) });
  }
}
