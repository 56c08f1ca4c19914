import { CoreV1Api, type KubeConfig, type V1Node } from '@kubernetes/client-node';
import { fakeNodeAnnotation } from './kwokConfig.ts';

/** The fake node every kwok-enabled world cluster starts with; pods bound to it become Running. */
export const fakeNodeName = 'kwok-node-0';

/** Creates a Node that kwok takes charge of; kwok then reports it Ready (see `isNodeReady`). */
export async function createFakeNode(kc: KubeConfig, name: string = fakeNodeName): Promise<V1Node> {
  const core = kc.makeApiClient(CoreV1Api);
  return core.createNode({
    body: {
      metadata: {
        name,
        annotations: { [fakeNodeAnnotation.key]: fakeNodeAnnotation.value },
        labels: {
          'kubernetes.io/hostname': name,
          'kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          type: 'kwok',
        },
      },
    },
  });
}

/** True when the node's Ready condition is True. */
export function isNodeReady(node: V1Node): boolean {
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}
