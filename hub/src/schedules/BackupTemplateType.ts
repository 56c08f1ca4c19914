import { Field, ID, ObjectType } from 'type-graphql';
import type { ClusterScopedPolicy as ClusterScopedPolicyName } from '#schema/contracts/BackupSpec';
import { ClusterScopedPolicy } from '../backups/BackupSpecType.ts';
import { Label, labelsToList } from '../graphql/Label.ts';
import type { BackupTemplate } from './BackupTemplate.ts';

@ObjectType('BackupTemplate', { description: 'What each run of a schedule backs up.' })
export class BackupTemplateType {
  @Field(() => ID)
  locationId!: string;

  @Field(() => [String], { description: 'Namespace names or `*` patterns.' })
  includeNamespaces!: string[];

  @Field(() => [String])
  excludeNamespaces!: string[];

  @Field(() => [String], {
    description: 'Kubernetes label selectors; an object matching any of them is taken.',
  })
  labelSelectors!: string[];

  @Field(() => [String])
  includeResources!: string[];

  @Field(() => [String])
  excludeResources!: string[];

  @Field(() => ClusterScopedPolicy)
  clusterScoped!: ClusterScopedPolicyName;

  @Field(() => Boolean)
  volumes!: boolean;

  @Field(() => ID, { nullable: true })
  preRuleId!: string | null;

  @Field(() => ID, { nullable: true })
  postRuleId!: string | null;

  @Field(() => [Label])
  labels!: Label[];

  @Field(() => String, { nullable: true, description: 'None: backups are named after the schedule.' })
  namePrefix!: string | null;

  static from(template: BackupTemplate): BackupTemplateType {
    return Object.assign(new BackupTemplateType(), {
      locationId: template.locationId,
      includeNamespaces: template.includeNamespaces,
      excludeNamespaces: template.excludeNamespaces,
      labelSelectors: template.labelSelectors,
      includeResources: template.includeResources,
      excludeResources: template.excludeResources,
      clusterScoped: template.clusterScoped,
      volumes: template.volumes,
      preRuleId: template.preRuleId,
      postRuleId: template.postRuleId,
      labels: labelsToList(template.labels),
      namePrefix: template.namePrefix,
    });
  }
}
