import {
  CoreV1Api,
  KubeConfig,
  RbacAuthorizationV1Api,
  type V1PolicyRule,
} from '@kubernetes/client-node';
import type { ClusterInfo } from '../../world/WorldInfo.ts';

/** A kubeconfig with less than cluster-admin, and how to take its cluster-wide grants away again. */
export interface LimitedAccess {
  kubeConfig: KubeConfig;
  /** Deletes the cluster-wide role and binding; the rest goes with the namespace. */
  remove(): Promise<void>;
}

/**
 * Creates a ServiceAccount `name` in `namespace` that may do `clusterRules` cluster-wide and `namespaceRules`
 * in its namespace, and returns a kubeconfig authenticating as it with a short-lived token.
 */
export async function limitedKubeConfig(
  admin: KubeConfig,
  cluster: ClusterInfo,
  namespace: string,
  name: string,
  rules: { clusterRules: V1PolicyRule[]; namespaceRules: V1PolicyRule[] },
): Promise<LimitedAccess> {
  const core = admin.makeApiClient(CoreV1Api);
  const rbac = admin.makeApiClient(RbacAuthorizationV1Api);
  const subjects = [{ kind: 'ServiceAccount', name, namespace }];
  const roleRef = (kind: string) => ({ apiGroup: 'rbac.authorization.k8s.io', kind, name });
  const remove = async () => {
    await rbac.deleteClusterRoleBinding({ name }).catch(() => undefined);
    await rbac.deleteClusterRole({ name }).catch(() => undefined);
  };
  await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name } } });
  await rbac.createClusterRole({ body: { metadata: { name }, rules: rules.clusterRules } });
  await rbac.createClusterRoleBinding({ body: { metadata: { name }, roleRef: roleRef('ClusterRole'), subjects } });
  await rbac.createNamespacedRole({ namespace, body: { metadata: { name }, rules: rules.namespaceRules } });
  await rbac.createNamespacedRoleBinding({
    namespace,
    body: { metadata: { name }, roleRef: roleRef('Role'), subjects },
  });
  const token = await core.createNamespacedServiceAccountToken({
    name,
    namespace,
    body: { spec: { audiences: [], expirationSeconds: 600 } },
  });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromClusterAndUser(
    { name: cluster.name, server: cluster.server, caFile: cluster.caFile, skipTLSVerify: false },
    { name, token: token.status?.token },
  );
  return { kubeConfig, remove };
}
