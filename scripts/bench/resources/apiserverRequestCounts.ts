import type { KubeRest } from './KubeRest.ts';

/**
 * Requests the kube-apiserver has served since it started, by verb (`LIST`, `GET`, `POST`, …), summed from its
 * `apiserver_request_total` counter over every resource and code. The difference over a phase says how many
 * requests the agent's work cost the API server.
 */
export async function apiserverRequestCounts(kube: KubeRest): Promise<Record<string, number>> {
  const text = await kube.getText('/metrics');
  const byVerb: Record<string, number> = {};
  for (const match of text.matchAll(/^apiserver_request_total\{([^}]*)\} ([\d.e+]+)$/gm)) {
    const verb = (match[1] as string).match(/(?:^|,)verb="([^"]*)"/)?.[1] ?? '?';
    byVerb[verb] = (byVerb[verb] ?? 0) + Number(match[2]);
  }
  return byVerb;
}

/** `after - before` per verb, leaving out verbs that did not change. */
export function requestsBetween(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after)
      .map(([verb, n]) => [verb, n - (before[verb] ?? 0)] as const)
      .filter(([, n]) => n > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}
