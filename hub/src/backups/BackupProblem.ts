import { Field, ObjectType } from 'type-graphql';
import type { OutcomeProblem } from '#schema/agent/OutcomeProblem';

@ObjectType({
  description:
    'A warning or an error of a backup, with the object it concerns, as restore items are reported. `type`, `namespace` and `name` are null where it concerns no one type, namespace or object (a filter that matched nothing, a failed backup), and for backups taken by agents older than the detail.',
})
export class BackupProblem {
  @Field(() => String, { nullable: true, description: '`kubectl api-resources` name: configmaps, deployments.apps; `pods` for a rule\'s action.' })
  type!: string | null;

  @Field(() => String, { nullable: true })
  namespace!: string | null;

  @Field(() => String, { nullable: true, description: 'The object; for a rule\'s action, the pod it ran in.' })
  name!: string | null;

  @Field(() => String)
  message!: string;

  static from(problem: OutcomeProblem): BackupProblem {
    return Object.assign(new BackupProblem(), {
      type: problem.type,
      namespace: problem.namespace,
      name: problem.name,
      message: problem.message,
    });
  }
}
