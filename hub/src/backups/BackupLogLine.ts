import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { OutcomeLogLine } from '#schema/agent/OutcomeLogLine';

export enum BackupLogLevel {
  info = 'info',
  warning = 'warning',
  error = 'error',
}
registerEnumType(BackupLogLevel, {
  name: 'BackupLogLevel',
  description: 'info lines report; warning and error lines are the backup\'s warnings and errors.',
});

export enum RuleHook {
  pre = 'pre',
  post = 'post',
}
registerEnumType(RuleHook, { name: 'RuleHook', description: 'Whether a rule ran before (pre) or after (post) the backup.' });

@ObjectType({
  description:
    'One line of a backup\'s log (`log.jsonl` in its location): a warning, an error, or what an action of a pre- or post-exec rule did. The rule fields are null on other lines.',
})
export class BackupLogLine {
  @Field(() => BackupLogLevel)
  level!: BackupLogLevel;

  @Field(() => String)
  message!: string;

  @Field(() => String, { nullable: true, description: 'The type the line concerns, by `kubectl api-resources` name; `pods` on a rule\'s line.' })
  resource!: string | null;

  @Field(() => String, { nullable: true })
  namespace!: string | null;

  @Field(() => String, { nullable: true, description: 'The object the line concerns; on a rule\'s line, the pod.' })
  name!: string | null;

  @Field(() => RuleHook, { nullable: true })
  hook!: RuleHook | null;

  @Field(() => String, { nullable: true, description: 'The rule\'s name when the backup ran.' })
  ruleName!: string | null;

  @Field(() => String, { nullable: true, description: 'The container the action ran in.' })
  container!: string | null;

  @Field(() => Int, { nullable: true, description: 'Null when the command could not run, timed out or was not waited for.' })
  exitCode!: number | null;

  @Field(() => String, { nullable: true, description: 'What the action printed: the last 64 KiB.' })
  stdout!: string | null;

  @Field(() => String, { nullable: true, description: 'What the action printed on stderr: the last 64 KiB.' })
  stderr!: string | null;

  static from(line: OutcomeLogLine): BackupLogLine {
    return Object.assign(new BackupLogLine(), {
      level: line.level as BackupLogLevel,
      message: line.message,
      resource: line.resource ?? null,
      namespace: line.namespace ?? null,
      name: line.name ?? null,
      hook: (line.rule?.hook as RuleHook | undefined) ?? null,
      ruleName: line.rule?.name ?? null,
      container: line.rule?.container ?? null,
      exitCode: line.rule?.exitCode ?? null,
      stdout: line.rule?.stdout ?? null,
      stderr: line.rule?.stderr ?? null,
    });
  }
}
