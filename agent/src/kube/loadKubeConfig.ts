import { existsSync, readFileSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';

const serviceAccountDir = '/var/run/secrets/kubernetes.io/serviceaccount';

/** How the agent reaches its cluster, and its own namespace when it runs inside it. */
export interface ClusterAccess {
  kubeConfig: KubeConfig;
  /** Set only in-cluster: the namespace of the agent's pod, where its credential Secret lives. */
  ownNamespace: string | undefined;
}

/** An explicit kubeconfig file wins; else the pod's service account in-cluster; else KUBECONFIG or ~/.kube/config. */
export function loadKubeConfig(kubeconfigPath: string | undefined): ClusterAccess {
  const kubeConfig = new KubeConfig();
  if (kubeconfigPath) {
    kubeConfig.loadFromFile(kubeconfigPath);
    return { kubeConfig, ownNamespace: undefined };
  }
  if (process.env.KUBERNETES_SERVICE_HOST && existsSync(`${serviceAccountDir}/token`)) {
    kubeConfig.loadFromCluster();
    return { kubeConfig, ownNamespace: readFileSync(`${serviceAccountDir}/namespace`, 'utf8').trim() };
  }
  kubeConfig.loadFromDefault();
  return { kubeConfig, ownNamespace: undefined };
}
