import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type {
  BackupSpec,
  ClusterScopedPolicy as ClusterScopedPolicyName,
} from '#schema/contracts/BackupSpec';

export enum ClusterScopedPolicy {
  auto = 'auto',
  all = 'all',
  none = 'none',
}
registerEnumType(ClusterScopedPolicy, {
  name: 'ClusterScopedPolicy',
  description:
    'auto: only the cluster-scoped resources the selected objects need (PVs of selected PVCs, CRDs of selected custom resources); all; none.',
});

@ObjectType('BackupSpec', { description: 'What a backup takes. Empty include lists mean all; excludes win.' })
export class BackupSpecType {
  @Field(() => [String], { description: 'Namespace names or `*` patterns.' })
  includeNamespaces!: string[];

  @Field(() => [String])
  excludeNamespaces!: string[];

  @Field(() => [String], {
    description: 'Kubernetes label selectors; an object matching any of them is taken.',
  })
  labelSelectors!: string[];

  @Field(() => [String], { description: 'Resource types like `deployments.apps`.' })
  includeResources!: string[];

  @Field(() => [String])
  excludeResources!: string[];

  @Field(() => ClusterScopedPolicy)
  clusterScoped!: ClusterScopedPolicyName;

  @Field(() => Boolean, { description: 'Whether volume data is backed up, not only PV and PVC objects.' })
  volumes!: boolean;

  @Field(() => String, { nullable: true })
  preRuleId!: string | null;

  @Field(() => String, { nullable: true })
  postRuleId!: string | null;

  @Field(() => Int, { description: 'How long the backup is kept, in seconds.' })
  ttlSeconds!: number;

  static from(spec: BackupSpec): BackupSpecType {
    return Object.assign(new BackupSpecType(), {
      includeNamespaces: spec.includeNamespaces,
      excludeNamespaces: spec.excludeNamespaces,
      labelSelectors: spec.labelSelectors,
      includeResources: spec.includeResources,
      excludeResources: spec.excludeResources,
      clusterScoped: spec.clusterScoped,
      volumes: spec.volumes,
      preRuleId: spec.preRuleId,
      postRuleId: spec.postRuleId,
      ttlSeconds: spec.ttlSeconds,
    });
  }
}
