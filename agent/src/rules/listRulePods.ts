import { parseLabelSelector } from '#schema/contracts/parseLabelSelector';
import type { SubRule } from '#schema/contracts/RuleSpec';
import type { KubeJson } from '../kube/KubeJsonClient.ts';
import { listPages } from '../kube/listPages.ts';
import type { RulePod } from './RulePod.ts';
import { type PodObject, selectRulePods } from './selectRulePods.ts';

interface PodList {
  items: PodObject[];
  metadata?: { continue?: string };
}

/**
 * Reads the pods a sub-rule acts on (`selectRulePods`). Each selector is sent to the API server as the list's
 * `labelSelector` (the spec's selectors are in its syntax), with only Running pods asked for, so the lists
 * hold the few pods a rule is about rather than the cluster's; the selection is then checked here again.
 * Rejects with the API's error when a list fails.
 */
export async function listRulePods(
  kube: KubeJson,
  subRule: SubRule,
  backupNamespaces: readonly string[],
): Promise<RulePod[]> {
  const pods: PodObject[] = [];
  for (const selector of subRule.podSelectors) {
    const pages = listPages<PodObject>(
      async (limit, token) => {
        const list = await kube.get<PodList>('/api/v1/pods', {
          labelSelector: selector,
          fieldSelector: 'status.phase=Running',
          limit,
          continue: token,
        });
        return { items: list.items, continueToken: list.metadata?.continue };
      },
      {
        pageSize: 500,
        keyOf: (pod) => `${pod.metadata?.namespace}/${pod.metadata?.name}`,
        // A restarted list still yields each pod once; which pods run a command needs no warning for it.
        onRestart: () => undefined,
      },
    );
    for await (const pod of pages) pods.push(pod);
  }
  return selectRulePods(pods, {
    selectors: subRule.podSelectors.map((text, i) => parseLabelSelector(text, `podSelectors[${i}]`)),
    namespaces: subRule.namespaces,
    backupNamespaces,
  });
}
